// The home page's weekly bars of hazards found and closed (the table beside them holds the same numbers).
(function () {
  if (!window.echarts) { return; }
  document.querySelectorAll('.weekly-chart').forEach(function (el) {
    var numbers = function (s) { return s.split('|').map(Number); };
    var chart = echarts.init(el);
    chart.setOption({
      animation: false,
      grid: { left: 40, right: 10, top: 30, bottom: 30 },
      tooltip: { trigger: 'axis' },
      legend: { data: [el.dataset.foundLabel, el.dataset.closedLabel] },
      xAxis: { type: 'category', data: el.dataset.weeks.split('|') },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        { type: 'bar', name: el.dataset.foundLabel, data: numbers(el.dataset.found), itemStyle: { color: '#fd7e14' } },
        { type: 'bar', name: el.dataset.closedLabel, data: numbers(el.dataset.closed), itemStyle: { color: '#198754' } }
      ]
    });
    window.addEventListener('resize', function () { chart.resize(); });
  });
})();

// Open hazards by county, major and general stacked (the table beside them holds the same numbers).
(function () {
  if (!window.echarts) { return; }
  document.querySelectorAll('.county-chart').forEach(function (el) {
    var numbers = function (s) { return s.split('|').map(Number); };
    var chart = echarts.init(el);
    chart.setOption({
      animation: false,
      grid: { left: 40, right: 10, top: 30, bottom: 30 },
      tooltip: { trigger: 'axis' },
      legend: { data: [el.dataset.majorLabel, el.dataset.generalLabel] },
      xAxis: { type: 'category', data: el.dataset.counties.split('|') },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        { type: 'bar', stack: 'open', name: el.dataset.majorLabel, data: numbers(el.dataset.major), itemStyle: { color: '#dc3545' } },
        { type: 'bar', stack: 'open', name: el.dataset.generalLabel, data: numbers(el.dataset.general), itemStyle: { color: '#ffc107' } }
      ]
    });
    window.addEventListener('resize', function () { chart.resize(); });
  });
})();
