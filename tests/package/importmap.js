// The package's two entries as a newsroom page uses them without a bundler: the element
// given reports by property, and the engine's own `compare`, given up with an AbortSignal.
import { ParallaxCompare, compare, limits } from 'parallax-compare';

window.events = [];
const reports = await (await fetch('/reports.json')).json();
// A widget given its reports before the element is defined, as a CMS script may.
const early = document.createElement('parallax-compare');
early.id = 'early';
early.reports = reports.slice(0, 2);
early.addEventListener('parallax-ready', (event) => { window.early = event.detail; });
document.querySelector('main').append(early);
ParallaxCompare.define();
const widget = document.createElement('parallax-compare');
widget.id = 'widget';
for (const type of ['parallax-ready', 'parallax-error']) {
  widget.addEventListener(type, (event) => window.events.push({ type, detail: event.detail }));
}
widget.reports = reports;
document.querySelector('main').append(widget);

const controller = new AbortController();
const aborted = compare(reports, null, { signal: controller.signal }).then(() => 'resolved', (error) => error.name);
controller.abort();
const [first, second] = reports;
const result = await compare([first, second], { sideBySide: [[first.id, second.id]] });
window.api = {
  aborted: await aborted,
  limits: await limits(),
  schema: result.schema,
  reports: result.reports.map((r) => r.id),
  layouts: result.sideBySide.map((s) => [s.a, s.b]),
  rejected: await compare([{ id: '', text: 'x' }]).then(() => null, (error) => error.message),
};
