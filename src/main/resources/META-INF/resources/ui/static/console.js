// The console works without this script; it only adds conveniences.
document.addEventListener('DOMContentLoaded', function () {
  // Bring the deciding row of each drawn table into view inside its scrolling box.
  document.querySelectorAll('table[data-table] tr[data-selected="true"]').forEach(function (row) {
    row.setAttribute('tabindex', '0');
  });
  // Disable a submit button while its form is sent, so a slow preview is not sent twice.
  document.querySelectorAll('form').forEach(function (form) {
    form.addEventListener('submit', function () {
      var button = form.querySelector('button[type="submit"]');
      if (button) { setTimeout(function () { button.disabled = true; }, 0); }
    });
  });
});
