// Ticks the hot-deal countdowns of a page: each [data-countdown-to] shows the time left until its ISO instant.
// The page reads fine without it (the start and end are rendered by the server in the viewer's zone).
(function () {
  var boxes = document.querySelectorAll('[data-countdown-to]');
  function pad(n) { return n < 10 ? '0' + n : '' + n; }
  function tick() {
    var now = Date.now();
    boxes.forEach(function (box) {
      var left = Math.max(0, Math.floor((Date.parse(box.getAttribute('data-countdown-to')) - now) / 1000));
      var days = Math.floor(left / 86400);
      var clock = pad(Math.floor(left % 86400 / 3600)) + ':' + pad(Math.floor(left % 3600 / 60)) + ':' + pad(left % 60);
      box.querySelector('[data-countdown-value]').textContent = (days > 0 ? days + ' · ' : '') + clock;
      box.hidden = false;
      if (left === 0 && box.getAttribute('data-countdown-reload') === 'true') {
        box.setAttribute('data-countdown-reload', 'done');
        window.location.reload();
      }
    });
  }
  if (boxes.length) {
    tick();
    window.setInterval(tick, 1000);
  }
}());
