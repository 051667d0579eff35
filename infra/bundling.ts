import type { BuildOptions } from 'esbuild';

/** Bundling shared by every function; `esbuildOptions` mirrors it for tests and benchmarks. */
export const BUNDLING = {
  minify: true,
  // NodejsFunction leaves @aws-sdk/* out by default, for the runtime's own copy. We bundle it: the
  // version the tests ran is the one deployed, minified it starts faster, and esbuildOptions below
  // (what the tests and `npm run bench` build) is then exactly what the stack ships.
  bundleAwsSDK: true,
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
