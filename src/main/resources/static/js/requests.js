// Request pages: show only the fields that fit the chosen category and place, check photos before
// they are uploaded, and ask before a step that cannot be undone. The server checks all of it again.
(function () {
  'use strict';

  function fitForm(form) {
    var category = form.querySelector('[name=category]');
    var value = category ? category.value : '';
    form.querySelectorAll('[data-when-category]').forEach(function (el) {
      el.hidden = el.getAttribute('data-when-category').split(',').indexOf(value) < 0;
    });
    var publicSpace = form.querySelector('[name=publicSpace][type=checkbox]');
    if (publicSpace) {
      form.querySelectorAll('[data-when-public]').forEach(function (el) {
        el.hidden = String(publicSpace.checked) !== el.getAttribute('data-when-public');
      });
    }
    var onSpot = form.querySelector('[name=solvedOnSpot][type=checkbox]');
    if (onSpot) {
      form.querySelectorAll('[data-when-on-spot]').forEach(function (el) {
        el.hidden = !onSpot.checked;
      });
    }
  }

  function checkPhotos(input) {
    var max = parseInt(input.getAttribute('data-max-photos'), 10);
    var maxBytes = parseInt(input.getAttribute('data-max-bytes'), 10);
    var message = '';
    if (input.files && input.files.length > max) {
      message = input.getAttribute('data-too-many');
    } else if (input.files) {
      for (var i = 0; i < input.files.length; i++) {
        if (input.files[i].size > maxBytes) {
          message = input.getAttribute('data-too-large');
        }
      }
    }
    input.setCustomValidity(message);
    input.classList.toggle('is-invalid', message !== '');
    var feedback = input.parentNode.querySelector('.photo-check');
    if (feedback) {
      feedback.textContent = message;
      feedback.style.display = message ? 'block' : '';
    }
    return message === '';
  }

  document.addEventListener('DOMContentLoaded', function () {
    document.querySelectorAll('form[data-request-form]').forEach(function (form) {
      fitForm(form);
      form.addEventListener('change', function () { fitForm(form); });
    });
    document.querySelectorAll('input[type=file][data-max-photos]').forEach(function (input) {
      input.addEventListener('change', function () { checkPhotos(input); });
      input.form.addEventListener('submit', function (event) {
        if (!checkPhotos(input)) {
          event.preventDefault();
        }
      });
    });
    document.querySelectorAll('form[data-confirm]').forEach(function (form) {
      form.addEventListener('submit', function (event) {
        if (!window.confirm(form.getAttribute('data-confirm'))) {
          event.preventDefault();
        }
      });
    });
    document.querySelectorAll('form[method=post]').forEach(function (form) {
      form.addEventListener('submit', function (event) {
        if (event.defaultPrevented) {
          return;
        }
        // One click, one step: a second tap while the page loads must not post the form again.
        window.setTimeout(function () {
          form.querySelectorAll('button[type=submit], button:not([type])').forEach(function (b) { b.disabled = true; });
        }, 0);
      });
    });
  });

  // Back to a page the browser kept: its buttons work again.
  window.addEventListener('pageshow', function (event) {
    if (event.persisted) {
      document.querySelectorAll('form[method=post] button').forEach(function (b) { b.disabled = false; });
    }
  });
})();
