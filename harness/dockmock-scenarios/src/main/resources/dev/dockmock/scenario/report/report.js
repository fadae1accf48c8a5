(function () {
  // Measures what the browser really laid out, so a headless check can read it from the DOM.
  var lifelines = 0, calls = 0, tallest = 0;
  document.querySelectorAll('svg.timeline').forEach(function (svg) {
    var mine = 0;
    svg.querySelectorAll('line.lifeline').forEach(function (line) {
      var box = line.getBBox();
      if (box.height > 0) { mine++; tallest = Math.max(tallest, box.height); }
    });
    svg.querySelectorAll('g.call').forEach(function (call) {
      if (call.getBBox().width > 0) { calls++; }
    });
    svg.setAttribute('data-rendered-lifelines', String(mine));
    lifelines += mine;
  });
  document.body.setAttribute('data-rendered-lifelines', String(lifelines));
  document.body.setAttribute('data-rendered-calls', String(calls));
  document.body.setAttribute('data-rendered-lifeline-height', String(Math.round(tallest)));
  document.querySelectorAll('button[data-steps]').forEach(function (button) {
    button.addEventListener('click', function () {
      var open = button.getAttribute('data-steps') === 'open';
      document.querySelectorAll('details.step').forEach(function (step) { step.open = open; });
    });
  });
})();
