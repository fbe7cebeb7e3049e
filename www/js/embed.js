// The iframe embed, for CMSs that strip scripts from articles: embed.html?src=…&view=…
// shows one <parallax-compare> and tells the parent page its height, so the iframe can
// fit its content: { type: 'parallax-height', height } through postMessage.

import '../parallax-compare-define.js';

const params = new URLSearchParams(location.search);
const element = document.getElementById('comparison');
for (const name of ['src', 'view', 'base', 'lang']) {
  const value = params.get(name);
  if (value) element.setAttribute(name, value);
}

let last = 0;
const report = () => {
  const height = Math.ceil(document.documentElement.scrollHeight);
  if (height === last || window.parent === window) return;
  last = height;
  // Only a height leaves the frame; any parent may read it.
  window.parent.postMessage({ type: 'parallax-height', height }, '*');
};
new ResizeObserver(report).observe(document.body);
element.addEventListener('parallax-ready', report);
