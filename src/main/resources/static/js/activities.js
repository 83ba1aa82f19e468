// The organiser's form: show the college, grade or building field only for the audience that uses it.
// The server drops the others and checks all of it again.
(function () {
  'use strict';

  function fit(form) {
    var audience = form.querySelector('[name=audience]');
    var value = audience ? audience.value : '';
    form.querySelectorAll('[data-when-audience]').forEach(function (el) {
      el.hidden = el.getAttribute('data-when-audience') !== value;
    });
  }

  function init() {
    document.querySelectorAll('form[data-activity-form]').forEach(function (form) {
      fit(form);
      form.addEventListener('change', function (event) {
        if (event.target && event.target.name === 'audience') {
          fit(form);
        }
      });
    });
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', init);
  } else {
    init();
  }
})();
