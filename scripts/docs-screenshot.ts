/**
 * `npm run docs:screenshot`: renders the local API reference (/docs) in headless
 * Chromium (Debian's `chromium` package) and saves docs/reference.png. It checks
 * that the page draws the operations, not only that it loads.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { existsSync, mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseCommandLine } from '#scripts/cli';
import { createDevIssuer, handlerEnvironment } from '#scripts/local/devIssuer';

parseCommandLine(
  `usage: npm run docs:screenshot

Serves the API reference (/docs) on a free local port, renders it in headless Chromium
and saves docs/reference.png. Exits 1 when the page draws no operation.

Environment:
  CHROMIUM     the Chromium binary (default /usr/bin/chromium; apt-get install chromium)

Options:
  -h, --help   print this help`,
  {},
);

const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
if (!existsSync(CHROMIUM)) {
  console.error(`${CHROMIUM} not found: apt-get install chromium (or set CHROMIUM)`);
  process.exit(2);
}

// The reference needs no database: the handlers only have to load.
Object.assign(process.env, handlerEnvironment(createDevIssuer(), { tableName: 'docs', endpoint: 'http://127.0.0.1:9' }));
const { createLocalApi, listen } = await import('#scripts/local/server');
const server = await createLocalApi();
const baseUrl = await listen(server, 0);
const output = resolve('docs/reference.png');
const flags = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  `--user-data-dir=${mkdtempSync(join(tmpdir(), 'chromium-'))}`,
];

// The DOM after scripts ran: the viewer must have drawn every operation.
// Asynchronous on purpose: the server answering Chromium runs in this process.
const chromium = (args: string[]) =>
  promisify(execFile)(CHROMIUM, [...flags, '--virtual-time-budget=10000', ...args], { timeout: 60_000, maxBuffer: 64 * 1024 * 1024 });
const dom = await chromium(['--dump-dom', `${baseUrl}/docs`]);
const operations = (dom.stdout.match(/class="opblock opblock-post/g) ?? []).length;
await chromium(['--window-size=1280,1600', `--screenshot=${output}`, `${baseUrl}/docs`]);
server.close();

if (operations === 0 || !existsSync(output) || statSync(output).size < 10_000) {
  console.error(`the reference did not render (operations drawn: ${operations})`);
  process.exit(1);
}
console.log(`rendered ${operations} operations; screenshot: ${output}`);
