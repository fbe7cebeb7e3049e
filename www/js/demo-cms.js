// The demo article's glue: size the iframe embed to the height it reports.
window.addEventListener('message', (event) => {
  const frame = document.getElementById('overview-frame');
  if (event.source !== frame?.contentWindow || event.data?.type !== 'parallax-height') return;
  const height = Number(event.data.height);
  if (Number.isFinite(height) && height > 0) frame.style.height = `${Math.min(height, 20000)}px`;
});
