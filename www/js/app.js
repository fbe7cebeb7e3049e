// Page wiring: load the default reports, run the engine, draw the result.

import { compare } from './engine.js';
import { loadManifest } from './data.js';
import { renderReportColumns } from './render.js';

const DEFAULT_MANIFEST = 'data/manifest.json';

const status = document.getElementById('status');
const columns = document.getElementById('reports');

function showStatus(message, { error = false } = {}) {
  status.textContent = message;
  status.classList.toggle('status-error', error);
  status.setAttribute('role', error ? 'alert' : 'status');
}

async function main() {
  try {
    const reports = await loadManifest(DEFAULT_MANIFEST);
    const result = await compare(reports);
    columns.replaceChildren(renderReportColumns(result));
    const units = result.reports.reduce((sum, r) => sum + r.units.length, 0);
    const took = result.elapsedMs === undefined ? '' : ` in ${result.elapsedMs.toFixed(1)} ms`;
    showStatus(`${result.reports.length} reports, ${units} units, compared${took}.`);
    document.body.dataset.state = 'ready';
  } catch (error) {
    showStatus(error.message, { error: true });
    document.body.dataset.state = 'error';
  }
}

main();
