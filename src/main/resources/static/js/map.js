// The one map of the workbench, drawn by ECharts from the region outlines it is given (no tiles: it
// works offline). An element with data-map gets:
//   data-regions   a GeoJSON FeatureCollection of outlines, each with properties.name (required)
//   data-focus     the name of the outline to stand out (a region among its children)
//   data-points    a JSON array of points {name, value: [lon, lat], color, url}, or
//   data-points-url  an address answering that array (fetched once)
//   data-cluster   points close together at the current zoom are drawn as one circle with their count
//   data-pick-lon, data-pick-lat   ids of the inputs a click on the map fills (6 decimals)
(function () {
  if (!window.echarts) { return; }
  var seq = 0;

  function cluster(chart, points) {
    // points within one 44-pixel cell of the current view are drawn as one circle
    var cells = {};
    points.forEach(function (p) {
      var px = chart.convertToPixel({ geoIndex: 0 }, p.value);
      if (!px) { return; }
      var key = Math.floor(px[0] / 44) + ':' + Math.floor(px[1] / 44);
      (cells[key] = cells[key] || []).push(p);
    });
    var single = [], groups = [];
    Object.keys(cells).forEach(function (key) {
      var members = cells[key];
      if (members.length === 1) { single.push(members[0]); return; }
      var lon = 0, lat = 0;
      members.forEach(function (m) { lon += m.value[0]; lat += m.value[1]; });
      groups.push({ name: String(members.length), value: [lon / members.length, lat / members.length, members.length] });
    });
    return { single: single, groups: groups };
  }

  function draw(el, points) {
    var name = 'anquan-map-' + (++seq);
    echarts.registerMap(name, JSON.parse(el.dataset.regions));
    var chart = echarts.init(el);
    var focus = el.dataset.focus;
    var pickLon = el.dataset.pickLon && document.getElementById(el.dataset.pickLon);
    var pickLat = el.dataset.pickLat && document.getElementById(el.dataset.pickLat);

    function picked() {
      if (!pickLon) { return []; }
      var x = parseFloat(pickLon.value), y = parseFloat(pickLat.value);
      return isNaN(x) || isNaN(y) ? [] : [{ value: [x, y] }];
    }
    function series() {
      var c = el.hasAttribute('data-cluster') ? cluster(chart, points) : { single: points, groups: [] };
      return [
        { id: 'points', type: 'scatter', coordinateSystem: 'geo', symbolSize: 10, data: c.single,
          itemStyle: { color: function (p) { return p.data.color || '#dc3545'; }, borderColor: '#fff', borderWidth: 1 },
          tooltip: { formatter: function (p) { return echarts.format.encodeHTML(p.name); } } },
        { id: 'clusters', type: 'scatter', coordinateSystem: 'geo', data: c.groups,
          symbolSize: function (v) { return Math.min(48, 18 + Math.sqrt(v[2]) * 3); },
          itemStyle: { color: 'rgba(13,110,253,.75)', borderColor: '#fff', borderWidth: 2 },
          label: { show: true, formatter: '{b}', color: '#fff', fontWeight: 'bold' }, tooltip: { show: false } },
        { id: 'picked', type: 'effectScatter', coordinateSystem: 'geo', symbolSize: 14, data: picked(),
          itemStyle: { color: '#dc3545' } }
      ];
    }
    chart.setOption({
      animation: false,
      tooltip: { trigger: 'item' },
      geo: { map: name, roam: true, label: { show: true, color: '#084298' },
             itemStyle: { areaColor: '#e7f1ff', borderColor: '#084298' },
             emphasis: { itemStyle: { areaColor: '#cfe2ff' } },
             regions: focus ? [{ name: focus, itemStyle: { areaColor: '#9ec5fe', borderColor: '#052c65', borderWidth: 2 } }] : [] },
      series: []
    });
    chart.setOption({ series: series() });
    var pending = null;
    chart.on('georoam', function () {
      if (!el.hasAttribute('data-cluster')) { return; }
      clearTimeout(pending);
      pending = setTimeout(function () { chart.setOption({ series: series() }); }, 120);
    });
    chart.on('click', function (p) {
      if (p.seriesId === 'clusters') {
        // a circle opens up: zoom in around it
        var geo = chart.getModel().getComponent('geo').coordinateSystem;
        chart.setOption({ geo: { center: [p.value[0], p.value[1]], zoom: (geo.getZoom ? geo.getZoom() : 1) * 2.5 } });
        chart.setOption({ series: series() });
      } else if (p.seriesId === 'points' && p.data.url) {
        window.location.href = p.data.url;
      }
    });
    if (pickLon) {
      var place = function (x, y) {
        pickLon.value = x.toFixed(6);
        pickLat.value = y.toFixed(6);
        chart.setOption({ series: series() });
      };
      chart.getZr().on('click', function (event) {
        var point = chart.convertFromPixel({ geoIndex: 0 }, [event.offsetX, event.offsetY]);
        if (point) { place(point[0], point[1]); }
      });
      [pickLon, pickLat].forEach(function (input) {
        input.addEventListener('input', function () { chart.setOption({ series: series() }); });
      });
      el.anquanPlace = place;
    }
    window.addEventListener('resize', function () { chart.resize(); if (el.hasAttribute('data-cluster')) { chart.setOption({ series: series() }); } });
  }

  document.querySelectorAll('[data-map]').forEach(function (el) {
    if (el.dataset.pointsUrl) {
      fetch(el.dataset.pointsUrl, { headers: { Accept: 'application/json' }, credentials: 'same-origin' })
        .then(function (r) { return r.ok ? r.json() : []; })
        .then(function (points) { draw(el, points); el.setAttribute('data-map-ready', String(points.length)); });
    } else {
      draw(el, el.dataset.points ? JSON.parse(el.dataset.points) : []);
      el.setAttribute('data-map-ready', 'true');
    }
  });

  // "Use my position": the browser's location, if the person allows it
  document.querySelectorAll('[data-locate]').forEach(function (button) {
    var map = document.getElementById(button.getAttribute('data-locate'));
    var failed = document.querySelector('[data-locate-error="' + button.getAttribute('data-locate') + '"]');
    button.addEventListener('click', function () {
      if (!navigator.geolocation || !map.anquanPlace) { failed.hidden = false; return; }
      navigator.geolocation.getCurrentPosition(function (pos) {
        failed.hidden = true;
        map.anquanPlace(pos.coords.longitude, pos.coords.latitude);
      }, function () { failed.hidden = false; }, { timeout: 10000 });
    });
  });
})();
