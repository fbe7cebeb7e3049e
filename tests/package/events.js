// Records the widgets' events for the test (plain.html), before define.js runs.
window.events = [];
for (const type of ['parallax-ready', 'parallax-error']) {
  document.addEventListener(type, (event) => window.events.push({ type, detail: event.detail }));
}
