// Bundled by Vite: the package's worker, wasm and stylesheets must come along as assets.
import 'parallax-compare/define';
import { limits } from 'parallax-compare';

window.events = [];
for (const type of ['parallax-ready', 'parallax-error']) {
  document.addEventListener(type, (event) => window.events.push({ type, detail: event.detail }));
}
limits().then((known) => { window.limits = known; });
