// Check-in pages: full screen for the organiser's code, staff scanning at the door.
(function () {
  function ready(fn) {
    if (document.readyState !== 'loading') { fn(); } else { document.addEventListener('DOMContentLoaded', fn); }
  }

  ready(function () {
    // The organiser's screen fills the projector on request.
    var full = document.querySelector('[data-full-screen]');
    if (full && document.fullscreenEnabled) {
      full.classList.remove('d-none');
      full.addEventListener('click', function () {
        var target = document.querySelector(full.getAttribute('data-full-screen'));
        if (target && target.requestFullscreen) { target.requestFullscreen(); }
      });
    }

    // Staff scanning: after each scan the box is emptied and ready for the next (keyboard-wedge
    // scanners type the code and press Enter).
    var form = document.getElementById('scan-form');
    var box = document.getElementById('scan-code');
    if (form && box) {
      document.body.addEventListener('htmx:afterRequest', function (event) {
        if (event.detail.elt === form) {
          box.value = '';
          box.focus();
        }
      });
    }

    // Where the browser can read barcodes from the camera (BarcodeDetector), staff may scan with it.
    var start = document.getElementById('camera-start');
    if (start && box && form && 'BarcodeDetector' in window && navigator.mediaDevices && navigator.mediaDevices.getUserMedia) {
      var video = document.querySelector(start.getAttribute('data-camera-video'));
      var startLabel = start.textContent;
      var stream = null;
      var last = '';
      var lastAt = 0;
      var detector;
      try {
        detector = new window.BarcodeDetector({ formats: ['qr_code'] });
      } catch (e) {
        return;
      }
      start.classList.remove('d-none');
      var stop = function () {
        if (stream) { stream.getTracks().forEach(function (t) { t.stop(); }); }
        stream = null;
        video.classList.add('d-none');
        start.textContent = startLabel;
      };
      var look = function () {
        if (!stream) { return; }
        detector.detect(video).then(function (codes) {
          var now = Date.now();
          if (codes.length > 0) {
            var value = codes[0].rawValue;
            // The same code again within a few seconds is the same student still in front of the camera.
            if (value && (value !== last || now - lastAt > 4000)) {
              last = value;
              lastAt = now;
              box.value = value;
              if (window.htmx) { window.htmx.trigger(form, 'submit'); } else { form.submit(); }
            }
          }
        }).catch(function () { /* a frame that could not be read */ }).finally(function () {
          setTimeout(look, 250);
        });
      };
      start.addEventListener('click', function () {
        if (stream) { stop(); return; }
        navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' }, audio: false }).then(function (s) {
          stream = s;
          video.srcObject = s;
          video.classList.remove('d-none');
          start.textContent = start.getAttribute('data-stop-label');
          return video.play();
        }).then(look).catch(stop);
      });
    }
  });
})();
