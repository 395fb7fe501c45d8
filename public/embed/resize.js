/*
 * The Road to Bamako: optional resize script for host pages without Pym.js.
 * Load it once on the host page, after our iframes (the embed snippet shows how).
 * It sizes each iframe from this site to its content (the embeds' height
 * messages), tells the whole-story embed where the host's viewport is, so its
 * graphic follows the page's scroll, and scrolls to a step it asks for.
 * Only iframes whose src is on this script's site are touched.
 */
(function () {
  'use strict';
  var KEY = 'road-to-bamako';
  var script = document.currentScript;
  var origin = new URL(script ? script.src : location.href).origin;
  var watching = [];

  function frameOf(source) {
    var frames = document.querySelectorAll('iframe');
    for (var i = 0; i < frames.length; i++) {
      if (frames[i].contentWindow === source && frames[i].src.indexOf(origin) === 0) return frames[i];
    }
    return null;
  }

  function sendViewport(frame) {
    var box = frame.getBoundingClientRect();
    var message = { top: box.top, height: window.innerHeight };
    message[KEY] = 'viewport';
    frame.contentWindow.postMessage(message, '*');
  }

  var queued = false;
  function update() {
    if (queued) return;
    queued = true;
    requestAnimationFrame(function () {
      queued = false;
      watching.forEach(sendViewport);
    });
  }

  window.addEventListener('message', function (event) {
    var frame = frameOf(event.source);
    var data = event.data;
    if (!frame || !data || typeof data !== 'object') return;
    var heights = data['datawrapper-height'];
    if (heights) {
      for (var id in heights) frame.style.height = heights[id] + 'px';
    } else if (data[KEY] === 'viewport?') {
      if (watching.indexOf(frame) < 0) watching.push(frame);
      sendViewport(frame);
    } else if (data[KEY] === 'scroll' && isFinite(data.top)) {
      window.scrollTo({ top: window.scrollY + frame.getBoundingClientRect().top + data.top, behavior: 'smooth' });
    }
  });
  window.addEventListener('scroll', update, { passive: true });
  window.addEventListener('resize', update);

  // Embeds that started before this script loaded asked for the viewport in vain: tell them now.
  var frames = document.querySelectorAll('iframe');
  for (var i = 0; i < frames.length; i++) {
    if (frames[i].src.indexOf(origin) === 0 && frames[i].contentWindow) {
      watching.push(frames[i]);
      sendViewport(frames[i]);
    }
  }
})();
