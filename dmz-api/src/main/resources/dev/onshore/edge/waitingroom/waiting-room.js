// The waiting page's poll: asks the edge for the ticket's standing and updates the page in place (no reloads);
// when the ticket is admitted the edge has set the pass cookie, so loading the deal's page again lets the shopper in.
(function () {
  'use strict';
  var room = document.getElementById('waiting-room');
  if (!room) {
    return;
  }
  var statusUrl = room.getAttribute('data-status');
  var delay = parseInt(room.getAttribute('data-poll'), 10) || 2000;

  function show(id, text) {
    var element = document.getElementById(id);
    if (element && typeof text === 'string') {
      element.textContent = text;
    }
  }

  function poll() {
    fetch(statusUrl, { credentials: 'same-origin', headers: { 'Accept': 'application/json' }, cache: 'no-store' })
      .then(function (response) {
        if (!response.ok) {
          throw new Error(String(response.status));
        }
        return response.json();
      })
      .then(function (status) {
        show('wr-position', status.positionText);
        show('wr-estimate', status.estimateText);
        show('wr-message', status.message);
        if (status.state === 'admitted') {
          window.location.reload();
        } else if (status.state === 'closed') {
          // Sold out for now: units can come back (a reservation expired, a payment failed) and the room re-opens.
          show('wr-position', '');
          show('wr-estimate', '');
          setTimeout(poll, (status.pollMillis || delay) * 5);
        } else {
          setTimeout(poll, status.pollMillis || delay);
        }
      })
      .catch(function () {
        setTimeout(poll, delay * 2);
      });
  }

  setTimeout(poll, delay);
})();
