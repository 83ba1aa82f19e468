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
    var maxTotal = parseInt(input.getAttribute('data-max-total'), 10);
    var message = '';
    var total = 0;
    if (input.files && input.files.length > max) {
      message = input.getAttribute('data-too-many');
    } else if (input.files) {
      for (var i = 0; i < input.files.length; i++) {
        total += input.files[i].size;
        if (input.files[i].size > maxBytes) {
          message = input.getAttribute('data-too-large');
        }
      }
      if (!message && total > maxTotal) {
        message = input.getAttribute('data-too-much');
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

  // A phone's photo is often larger than the limit: it is made smaller here (at most 2048 px, JPEG) before the upload.
  function shrink(file, maxBytes) {
    return new Promise(function (resolve) {
      if (file.size <= maxBytes || !/^image\/(jpeg|png|webp)$/.test(file.type) || !window.createImageBitmap) {
        resolve(file);
        return;
      }
      createImageBitmap(file).then(function (bitmap) {
        var scale = Math.min(1, 2048 / Math.max(bitmap.width, bitmap.height));
        var canvas = document.createElement('canvas');
        canvas.width = Math.round(bitmap.width * scale);
        canvas.height = Math.round(bitmap.height * scale);
        canvas.getContext('2d').drawImage(bitmap, 0, 0, canvas.width, canvas.height);
        canvas.toBlob(function (blob) {
          resolve(blob && blob.size < file.size
            ? new File([blob], file.name.replace(/\.[^.]*$/, '') + '.jpg', {type: 'image/jpeg'}) : file);
        }, 'image/jpeg', 0.85);
      }).catch(function () { resolve(file); });
    });
  }

  function photosChosen(input) {
    var maxBytes = parseInt(input.getAttribute('data-max-bytes'), 10);
    var files = Array.prototype.slice.call(input.files || []);
    var large = files.some(function (f) { return f.size > maxBytes; });
    if (!large || typeof DataTransfer === 'undefined') {
      checkPhotos(input);
      return;
    }
    var buttons = input.form.querySelectorAll('button');
    var feedback = input.parentNode.querySelector('.photo-check');
    buttons.forEach(function (b) { b.disabled = true; });
    if (feedback) {
      feedback.textContent = input.getAttribute('data-shrinking');
      feedback.style.display = 'block';
      feedback.classList.add('text-muted');
    }
    Promise.all(files.map(function (f) { return shrink(f, maxBytes); })).then(function (smaller) {
      var transfer = new DataTransfer();
      smaller.forEach(function (f) { transfer.items.add(f); });
      input.files = transfer.files;
    }).finally(function () {
      buttons.forEach(function (b) { b.disabled = false; });
      if (feedback) {
        feedback.classList.remove('text-muted');
      }
      checkPhotos(input);
    });
  }

  document.addEventListener('DOMContentLoaded', function () {
    document.querySelectorAll('form[data-request-form]').forEach(function (form) {
      fitForm(form);
      form.addEventListener('change', function () { fitForm(form); });
    });
    document.querySelectorAll('input[type=file][data-max-photos]').forEach(function (input) {
      input.addEventListener('change', function () { photosChosen(input); });
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
