// The console works without this script; it only adds conveniences.
document.addEventListener('DOMContentLoaded', function () {
  // Bring the deciding row of each drawn table into view inside its scrolling box.
  document.querySelectorAll('table[data-table] tr[data-selected="true"]').forEach(function (row) {
    row.setAttribute('tabindex', '0');
  });
  // Count down to each next escalation shown (the page states it in minutes without the script).
  var countdowns = document.querySelectorAll('time[data-countdown]');
  function tick() {
    countdowns.forEach(function (t) {
      var left = Math.max(0, Math.floor((Date.parse(t.getAttribute('datetime')) - Date.now()) / 1000));
      var h = Math.floor(left / 3600), m = Math.floor((left % 3600) / 60), s = left % 60;
      t.textContent = (h ? h + ' h ' : '') + m + ' min ' + s + ' s';
    });
  }
  if (countdowns.length) { tick(); setInterval(tick, 1000); }
  // Disable a submit button while its form is sent, so a slow preview is not sent twice.
  document.querySelectorAll('form').forEach(function (form) {
    form.addEventListener('submit', function () {
      var button = form.querySelector('button[type="submit"]');
      if (button) { setTimeout(function () { button.disabled = true; }, 0); }
    });
  });
});
