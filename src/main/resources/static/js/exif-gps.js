// A photo chosen for a report places its point on the map when the camera wrote one: the GPS
// latitude and longitude of the JPEG's EXIF block, read in the browser (nothing is sent until the
// form is). A photo without a position says so; the point can still be picked by hand.
(function () {
  function gpsOf(buffer) {
    var view = new DataView(buffer);
    if (view.byteLength < 4 || view.getUint16(0) !== 0xFFD8) { return null; }
    var offset = 2;
    while (offset + 4 <= view.byteLength) {
      var marker = view.getUint16(offset);
      var length = view.getUint16(offset + 2);
      if (marker === 0xFFE1 && view.getUint32(offset + 4) === 0x45786966) { // "Exif"
        return fromTiff(view, offset + 10);
      }
      if ((marker & 0xFF00) !== 0xFF00 || marker === 0xFFDA) { return null; }
      offset += 2 + length;
    }
    return null;
  }
  function fromTiff(view, tiff) {
    var little = view.getUint16(tiff) === 0x4949;
    function u16(at) { return view.getUint16(at, little); }
    function u32(at) { return view.getUint32(at, little); }
    function entries(ifd) {
      var found = {};
      var count = u16(ifd);
      for (var i = 0; i < count; i++) {
        var e = ifd + 2 + i * 12;
        found[u16(e)] = { type: u16(e + 2), count: u32(e + 4), at: e + 8 };
      }
      return found;
    }
    var ifd0 = entries(tiff + u32(tiff + 4));
    if (!ifd0[0x8825]) { return null; }
    var gps = entries(tiff + u32(ifd0[0x8825].at));
    function ref(tag) { return gps[tag] ? String.fromCharCode(view.getUint8(gps[tag].at)) : null; }
    function degrees(tag) {
      if (!gps[tag] || gps[tag].type !== 5 || gps[tag].count !== 3) { return NaN; }
      var at = tiff + u32(gps[tag].at);
      var parts = [0, 1, 2].map(function (i) {
        var den = u32(at + i * 8 + 4);
        return den === 0 ? NaN : u32(at + i * 8) / den;
      });
      return parts[0] + parts[1] / 60 + parts[2] / 3600;
    }
    var lat = degrees(2), lon = degrees(4);
    // a position no camera could have taken is no position
    if (isNaN(lat) || isNaN(lon) || lat > 90 || lon > 180 || (lat === 0 && lon === 0)) { return null; }
    return { lat: ref(1) === 'S' ? -lat : lat, lon: ref(3) === 'W' ? -lon : lon };
  }

  document.addEventListener('change', function (event) {
    var input = event.target;
    if (!input.matches('input[type=file][data-exif-map]') || !input.files || !input.files.length) { return; }
    var map = document.getElementById(input.getAttribute('data-exif-map'));
    var result = document.querySelector('[data-exif-result="' + input.getAttribute('data-exif-map') + '"]');
    input.files[0].slice(0, 256 * 1024).arrayBuffer().then(function (buffer) {
      var gps = null;
      try { gps = gpsOf(buffer); } catch (e) { gps = null; }
      result.hidden = false;
      if (gps && map && map.anquanPlace) {
        map.anquanPlace(gps.lon, gps.lat);
        result.className = 'small text-success';
        result.textContent = result.getAttribute('data-found');
      } else {
        result.className = 'small text-body-secondary';
        result.textContent = result.getAttribute('data-none');
      }
    });
  });
})();
