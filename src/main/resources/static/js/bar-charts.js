// Bar charts of the home page, each beside a table holding the same numbers. An element with
// data-bar-chart names its categories (data-categories, "a|b|c") and up to three series
// (data-s1, data-s1-label, data-s1-color, data-s1-type "bar" or "line", …); data-stacked stacks the bars.
(function () {
  if (!window.echarts) { return; }
  document.querySelectorAll('[data-bar-chart]').forEach(function (el) {
    var series = [];
    for (var i = 1; i <= 3 && el.dataset['s' + i] !== undefined; i++) {
      var line = el.dataset['s' + i + 'Type'] === 'line';
      series.push({ type: line ? 'line' : 'bar', name: el.dataset['s' + i + 'Label'], data: el.dataset['s' + i].split('|').map(Number),
        stack: el.dataset.stacked && !line ? 'all' : undefined, itemStyle: { color: el.dataset['s' + i + 'Color'] },
        lineStyle: line ? { color: el.dataset['s' + i + 'Color'], width: 2 } : undefined });
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
