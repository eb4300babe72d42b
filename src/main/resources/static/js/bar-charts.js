// Bar charts of the home page, each beside a table holding the same numbers. An element with
// data-bar-chart names its categories (data-categories, "a|b|c") and up to three series
// (data-s1, data-s1-label, data-s1-color, …); data-stacked stacks them.
(function () {
  if (!window.echarts) { return; }
  document.querySelectorAll('[data-bar-chart]').forEach(function (el) {
    var series = [];
    for (var i = 1; i <= 3 && el.dataset['s' + i] !== undefined; i++) {
      series.push({ type: 'bar', name: el.dataset['s' + i + 'Label'], data: el.dataset['s' + i].split('|').map(Number),
        stack: el.dataset.stacked ? 'all' : undefined, itemStyle: { color: el.dataset['s' + i + 'Color'] } });
    }
    var chart = echarts.init(el);
    chart.setOption({
      animation: false,
      grid: { left: 40, right: 10, top: 30, bottom: 30 },
      tooltip: { trigger: 'axis' },
      legend: { data: series.map(function (s) { return s.name; }) },
      xAxis: { type: 'category', data: el.dataset.categories.split('|') },
      yAxis: { type: 'value', minInterval: 1 },
      series: series
    });
    window.addEventListener('resize', function () { chart.resize(); });
  });
})();
