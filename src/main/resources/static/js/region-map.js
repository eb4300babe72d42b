// Draws a region's GeoJSON boundary with ECharts (no tiles: works offline).
(function () {
  var el = document.getElementById('region-map');
  if (!el || !window.echarts || !el.dataset.boundary) { return; }
  var geometry = JSON.parse(el.dataset.boundary);
  echarts.registerMap('region', { type: 'FeatureCollection', features: [
    { type: 'Feature', properties: { name: el.dataset.name }, geometry: geometry }] });
  var chart = echarts.init(el);
  chart.setOption({ series: [{ type: 'map', map: 'region', roam: true,
    itemStyle: { areaColor: '#cfe2ff', borderColor: '#084298' }, label: { show: true } }] });
  window.addEventListener('resize', function () { chart.resize(); });
})();
