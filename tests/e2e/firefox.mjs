// Headless Firefox for the end-to-end tests, driven over W3C WebDriver by geckodriver
// (installed by the test command from crates.io, with Debian's firefox-esr). Playwright
// only drives its own patched Firefox builds, which these machines may not download; the
// few calls needed here are plain HTTP.

import { spawn } from 'node:child_process';
import { createServer } from 'node:net';

const FIREFOX = process.env.FIREFOX ?? '/usr/bin/firefox-esr';
const GECKODRIVER = process.env.GECKODRIVER ?? 'geckodriver';

function freePort() {
  return new Promise((done, fail) => {
    const server = createServer();
    server.on('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => done(port));
    });
  });
}

async function call(base, method, path, body) {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const reply = await response.json();
  if (!response.ok) throw new Error(`WebDriver ${method} ${path}: ${reply.value?.error}: ${reply.value?.message}`);
  return reply.value;
}

/**
 * Starts geckodriver and a headless Firefox session; resolves to `{ goto(url),
 * run(script, ...args), close() }`. `run` executes `script` as an async function body in
 * the page with `args`, and resolves to what it returns (JSON-serialisable).
 */
export async function launchFirefox() {
  const port = await freePort();
  const driver = spawn(GECKODRIVER, ['--host', '127.0.0.1', '--port', String(port)], { stdio: ['ignore', 'ignore', 'pipe'] });
  let log = '';
  driver.stderr.on('data', (chunk) => { log += chunk; });
  const base = `http://127.0.0.1:${port}`;
  for (let attempt = 0; ; attempt += 1) {
    try {
      if ((await call(base, 'GET', '/status')).ready !== undefined) break;
    } catch (error) {
      if (attempt > 100) throw new Error(`geckodriver did not start: ${error.message}\n${log}`);
      await new Promise((done) => setTimeout(done, 100));
    }
  }
  const session = await call(base, 'POST', '/session', {
    capabilities: { alwaysMatch: { browserName: 'firefox', 'moz:firefoxOptions': { binary: FIREFOX, args: ['-headless'] } } },
  });
  const path = `/session/${session.sessionId}`;
  await call(base, 'POST', `${path}/timeouts`, { script: 120_000 });
  return {
    goto: (url) => call(base, 'POST', `${path}/url`, { url }),
    async run(body, ...args) {
      const script = `const done = arguments[arguments.length - 1];
        (async (...args) => { ${body} })(...Array.from(arguments).slice(0, -1))
          .then((value) => done({ value }), (error) => done({ error: String(error && error.stack || error) }));`;
      const reply = await call(base, 'POST', `${path}/execute/async`, { script, args });
      if (reply.error) throw new Error(`in Firefox: ${reply.error}`);
      return reply.value;
    },
    async close() {
      await call(base, 'DELETE', path).catch(() => {});
      driver.kill();
    },
  };
}
