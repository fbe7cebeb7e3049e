// The iframe embed, for CMSs that strip scripts from articles: embed.html?src=…&view=…
// shows one <parallax-compare> and tells the parent page its height, so the iframe can
// fit its content: { type: 'parallax-height', height } through postMessage. The height
// is capped (`max`, in CSS pixels, 900 by default, 0 for none): past it the widget
// scrolls inside, and "Show all" lifts the cap, so that an article does not grow by
// thousands of pixels unasked.

import '../parallax-compare-define.js';
import { fetchBundle, useAnswers } from './engine.js';

const params = new URLSearchParams(location.search);
const element = document.getElementById('comparison');
// The sample manifest's comparison was answered by the build (js/answers.js): fetched
// for it alone, not for a newsroom's own reports.
try {
  if (new URL(params.get('src') ?? '', document.baseURI).href === new URL('../data/manifest.json', import.meta.url).href) {
    useAnswers(fetchBundle(new URL('../pkg/sample.json', import.meta.url)));
  }
} catch {
  // An address that does not parse: the widget says so.
}
for (const name of ['src', 'view', 'base', 'lang', 'theme']) {
  const value = params.get(name);
  if (value) element.setAttribute(name, value);
}
// The page's own colours follow the widget's theme (auto: light, as a page without a
// color-scheme is).
const theme = element.theme;
if (theme !== 'auto') document.documentElement.style.colorScheme = theme;

const DEFAULT_MAX = 900;
const asked = Number.parseInt(params.get('max') ?? '', 10);
let max = Number.isSafeInteger(asked) && asked >= 0 ? asked : DEFAULT_MAX;
const showAll = document.getElementById('show-all');

/** Caps the widget's own height so that the page fits in `max`, with room for the
 * heading and "Show all"; through the CSSOM, which a strict style-src allows. */
function cap() {
  if (max === 0) {
    element.style.removeProperty('--parallax-max-height');
    showAll.hidden = true;
    return;
  }
  const around = document.documentElement.scrollHeight - element.getBoundingClientRect().height;
  element.style.setProperty('--parallax-max-height', `${Math.max(240, max - around - 48)}px`);
  const inner = element.shadowRoot?.querySelector('.widget');
  showAll.hidden = !inner || inner.scrollHeight <= inner.clientHeight + 1;
}

showAll.addEventListener('click', () => {
  max = 0;
  cap();
  report();
  element.focus?.();
});

let last = 0;
function report() {
  const height = Math.ceil(document.documentElement.scrollHeight);
  if (height === last || window.parent === window) return;
  last = height;
  // Only a height leaves the frame; any parent may read it.
  window.parent.postMessage({ type: 'parallax-height', height }, '*');
}
new ResizeObserver(() => {
  cap();
  report();
}).observe(document.body);
element.addEventListener('parallax-ready', () => {
  cap();
  report();
});
cap();
