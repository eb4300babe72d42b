// Bar charts of closure rate beside the ranking tables (the tables hold the same numbers).
(function () {
  if (!window.echarts) { return; }
  document.querySelectorAll('.ranking-chart').forEach(function (el) {
    var units = el.dataset.units.split('|');
    var rates = el.dataset.rates.split('|').map(function (v) { return Math.round(parseFloat(v) * 10) / 10; });
    var chart = echarts.init(el);
    chart.setOption({
      grid: { left: 40, right: 10, top: 20, bottom: 60 },
      tooltip: {},
      xAxis: { type: 'category', data: units, axisLabel: { rotate: 30 } },
      yAxis: { type: 'value', max: 100, name: '%' },
      series: [{ type: 'bar', name: el.dataset.label, data: rates, itemStyle: { color: '#0d6efd' } }]
    });
    window.addEventListener('resize', function () { chart.resize(); });
  });
})();
