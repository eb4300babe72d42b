// Bar charts, each beside a table holding the same numbers. An element with data-bar-chart names its
// categories (data-categories, "a|b|c") and up to three series (data-s1, data-s1-label, data-s1-color,
// data-s1-type "bar" or "line", …); data-stacked stacks the bars; data-horizontal lays the bars along
// the x axis (for long names). Charts in content that htmx swaps in are drawn when it settles.
(function () {
  if (!window.echarts) { return; }
  function draw(el) {
    var old = echarts.getInstanceByDom(el);
    if (old) { old.dispose(); }
    var series = [];
    for (var i = 1; i <= 3 && el.dataset['s' + i] !== undefined; i++) {
      var line = el.dataset['s' + i + 'Type'] === 'line';
      series.push({ type: line ? 'line' : 'bar', name: el.dataset['s' + i + 'Label'],
        data: el.dataset['s' + i] === '' ? [] : el.dataset['s' + i].split('|').map(Number),
        stack: el.dataset.stacked && !line ? 'all' : undefined, itemStyle: { color: el.dataset['s' + i + 'Color'] },
        lineStyle: line ? { color: el.dataset['s' + i + 'Color'], width: 2 } : undefined });
    }
    var categories = { type: 'category', data: el.dataset.categories === '' ? [] : el.dataset.categories.split('|') };
    var values = { type: 'value', minInterval: 1 };
    var horizontal = el.dataset.horizontal !== undefined;
    var chart = echarts.init(el);
    chart.setOption({
      animation: false,
      grid: { left: horizontal ? 110 : 40, right: 10, top: 30, bottom: 30 },
      tooltip: { trigger: 'axis' },
      legend: { data: series.map(function (s) { return s.name; }) },
      xAxis: horizontal ? values : categories,
      yAxis: horizontal ? Object.assign(categories, { inverse: true }) : values,
      series: series
    });
  }
  function drawAll(root) {
    if (root.matches && root.matches('[data-bar-chart]')) { draw(root); }
    root.querySelectorAll('[data-bar-chart]').forEach(draw);
  }
  drawAll(document);
  document.body.addEventListener('htmx:afterSettle', function (e) { drawAll(e.target); });
  window.addEventListener('resize', function () {
    document.querySelectorAll('[data-bar-chart]').forEach(function (el) {
      var chart = echarts.getInstanceByDom(el);
      if (chart) { chart.resize(); }
    });
  });
})();
