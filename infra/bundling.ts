import type { BuildOptions } from 'esbuild';

/** Bundling shared by every function; `esbuildOptions` mirrors it for tests and benchmarks. */
export const BUNDLING = {
  minify: true,
  sourceMap: true,
  target: 'node22',
  mainFields: ['module', 'main'],
  // Some AWS SDK paths still call require(); an ESM bundle has to provide one.
  banner: "import{createRequire}from'module';const require=createRequire(import.meta.url);",
};

/** The esbuild options NodejsFunction derives from BUNDLING (ESM output, Node platform). */
export function esbuildOptions(entry: string, outfile: string): BuildOptions {
  return {
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: BUNDLING.target,
    minify: BUNDLING.minify,
    sourcemap: BUNDLING.sourceMap,
    mainFields: BUNDLING.mainFields,
    banner: { js: BUNDLING.banner },
  };
}
