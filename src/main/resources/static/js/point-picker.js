// The map that picks a point: the city's counties drawn by ECharts (no tiles, works offline); a click
// writes the point's longitude and latitude (6 decimals) into the form, and the marker follows typing.
(function () {
  if (!window.echarts) { return; }
  document.querySelectorAll('[data-point-map]').forEach(function (el) {
    var lon = document.getElementById(el.dataset.lon);
    var lat = document.getElementById(el.dataset.lat);
    echarts.registerMap('pick-counties', JSON.parse(el.dataset.regions));
    var chart = echarts.init(el);
    function marker() {
      var x = parseFloat(lon.value), y = parseFloat(lat.value);
      return isNaN(x) || isNaN(y) ? [] : [[x, y]];
    }
    chart.setOption({
      animation: false,
      geo: { map: 'pick-counties', roam: true, label: { show: true, color: '#084298' },
             itemStyle: { areaColor: '#e7f1ff', borderColor: '#084298' }, emphasis: { itemStyle: { areaColor: '#cfe2ff' } } },
      series: [{ type: 'scatter', coordinateSystem: 'geo', symbolSize: 14, itemStyle: { color: '#dc3545' }, data: marker() }]
    });
    function place(x, y) {
      lon.value = x.toFixed(6);
      lat.value = y.toFixed(6);
      chart.setOption({ series: [{ data: marker() }] });
    }
    chart.getZr().on('click', function (event) {
      var point = chart.convertFromPixel({ geoIndex: 0 }, [event.offsetX, event.offsetY]);
      if (point) { place(point[0], point[1]); }
    });
    [lon, lat].forEach(function (input) {
      input.addEventListener('input', function () { chart.setOption({ series: [{ data: marker() }] }); });
    });
    var locate = el.parentElement.querySelector('[data-locate]');
    var failed = el.parentElement.querySelector('[data-locate-error]');
    if (locate) {
      locate.addEventListener('click', function () {
        if (!navigator.geolocation) { failed.hidden = false; return; }
        navigator.geolocation.getCurrentPosition(function (pos) {
          failed.hidden = true;
          place(pos.coords.longitude, pos.coords.latitude);
        }, function () { failed.hidden = false; }, { timeout: 10000 });
      });
    }
    window.addEventListener('resize', function () { chart.resize(); });
  });
})();
