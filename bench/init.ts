/** Bundle size and module initialisation: what a cold start costs before the handler runs. */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { esbuildOptions } from '#infra/bundling';
import { handlerEntry, type RouteDefinition } from '#functions/routes';
import { median } from './harness.ts';
import { INIT_RUNS } from './settings.ts';

const OUT = resolve('bench/.out');

/** The names bundled beside the routes, to compare them with. */
export const BASELINES = ['baseline', 'floor'] as const;

/**
 * Each route's bundle, built as the stack builds it, with what it is made of: bytes per package
 * (or per folder of our own code), from esbuild's metafile.
 */
export async function bundleAll(routes: readonly RouteDefinition[]) {
  const sizes: Record<string, { bytes: number; gzip: number; file: string; parts: Record<string, number> }> = {};
  const entries: [string, string][] = [
    ['baseline', 'bench/baseline/putOnly.ts'],
    ['floor', 'bench/baseline/designCardFloor.ts'],
    ...routes.map((route): [string, string] => [route.name, handlerEntry(route)]),
  ];
  for (const [name, entry] of entries) {
    const file = join(OUT, name, 'index.mjs');
    mkdirSync(join(OUT, name), { recursive: true });
    // Exactly the options the stack's NodejsFunction bundles with.
    const { metafile } = await build({ ...esbuildOptions(entry, file), metafile: true, logLevel: 'silent' });
    const code = readFileSync(file);
    const output = Object.entries(metafile.outputs).find(([path]) => path.endsWith('.mjs'))![1];
    const parts: Record<string, number> = {};
    for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
      const part = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(input)?.[1] ?? input.split('/').slice(0, 2).join('/');
      parts[part] = (parts[part] ?? 0) + bytesInOutput;
    }
    sizes[name] = { bytes: code.length, gzip: gzipSync(code).length, file, parts };
  }
  return sizes;
}

/** What a bundle carries beyond the floor's: the largest parts first, in KB. */
export function beyondFloor(bundle: { parts: Record<string, number> }, floor: { parts: Record<string, number> }, top = 6) {
  return Object.entries(bundle.parts)
    .map(([part, bytes]): [string, number] => [part, bytes - (floor.parts[part] ?? 0)])
    .filter(([, bytes]) => bytes > 512)
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([part, bytes]) => `${part} ${Math.round(bytes / 100) / 10}`)
    .join(', ');
}

/** Module initialisation of each bundle in fresh Node processes, interleaved with the baseline. */
export function measureInit(routes: readonly RouteDefinition[], env: Record<string, string>) {
  const names = [...BASELINES, ...routes.map((route) => route.name)];
  const samples: Record<string, number[]> = Object.fromEntries(names.map((name) => [name, []]));
  const script = `const t = performance.now(); await import(process.argv[1]); process.stdout.write(String(performance.now() - t));`;
  for (let run = 0; run < INIT_RUNS; run += 1) {
    for (const name of run % 2 === 0 ? names : [...names].reverse()) {
      const child = spawnSync(process.execPath, ['--input-type=module', '-e', script, pathToFileURL(join(OUT, name, 'index.mjs')).href], {
        env: { ...process.env, ...env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
        encoding: 'utf8',
      });
      if (child.status !== 0) throw new Error(`init of ${name} failed: ${child.stderr}`);
      samples[name]!.push(Number(child.stdout));
    }
  }
  return Object.fromEntries(names.map((name) => [name, { median: median(samples[name]!) }]));
}
