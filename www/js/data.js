// Loading report sets: a manifest is a JSON array of
// `{ id, title?, outlet?, url?, text? , textUrl? }`; `textUrl` is relative to the manifest.

/** Fetches a manifest and the texts it points to; resolves to `[{ id, title, outlet, text }]`. */
export async function loadManifest(manifestUrl) {
  const base = new URL(manifestUrl, document.baseURI);
  const entries = await fetchJson(base);
  if (!Array.isArray(entries)) {
    throw new Error(`the manifest ${base.pathname} is not a list of reports`);
  }
  return Promise.all(entries.map(async (entry, index) => {
    const id = String(entry.id ?? index + 1);
    const text = typeof entry.text === 'string'
      ? entry.text
      : await fetchText(new URL(String(entry.textUrl ?? ''), base));
    return { id, title: String(entry.title ?? ''), outlet: String(entry.outlet ?? ''), text };
  }));
}

async function fetchJson(url) {
  const response = await fetchOk(url);
  try {
    return await response.json();
  } catch {
    throw new Error(`${url.pathname} is not valid JSON`);
  }
}

async function fetchText(url) {
  return (await fetchOk(url)).text();
}

async function fetchOk(url) {
  const response = await fetch(url, { credentials: 'same-origin' });
  if (!response.ok) {
    throw new Error(`could not load ${url.pathname}: ${response.status} ${response.statusText}`);
  }
  return response;
}
