/**
 * The layering the code keeps, checked by `npm run lint:deps`.
 * Paths are relative to the repository root; `#shared/...` aliases resolve through package.json#imports.
 * @type {import('dependency-cruiser').IConfiguration}
 */
export default {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'Import cycles couple modules that should be layered; type-only imports count too.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'resolvable',
      comment: 'Every import must resolve: an edge the checker cannot follow is an edge no rule can see.',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
    {
      name: 'domain-is-pure',
      comment: 'shared/domain is plain TypeScript: other domain modules and Node built-ins only, no adapters, no npm packages.',
      severity: 'error',
      from: { path: '^shared/domain/' },
      to: { pathNot: '^shared/domain/', dependencyTypesNot: ['core'] },
    },
    {
      name: 'store-below-http',
      comment: 'The store persists the domain; it knows nothing of requests, tokens or Stripe (vendors live above shared/).',
      severity: 'error',
      from: { path: '^shared/store/' },
      to: { path: '^shared/(http|auth|stripe)/' },
    },
    {
      name: 'http-without-store',
      comment: 'The HTTP pipeline is transport only: no persistence, Stripe or AWS SDK.',
      severity: 'error',
      from: { path: '^shared/http/' },
      to: { path: ['^shared/(store|stripe)/', '(^|/)@aws-sdk/'] },
    },
    {
      name: 'dialects-are-translation',
      comment: "A vendor's dialect translates between its envelope and the domain; it does not persist, authenticate or sync.",
      severity: 'error',
      from: { path: '^functions/[^/]+/dialect/' },
      to: { path: ['^shared/(store|auth|stripe)/', '(^|/)@aws-sdk/'] },
    },
    {
      name: 'auth-stands-alone',
      comment: 'Authentication never depends on persistence, the HTTP pipeline or Stripe.',
      severity: 'error',
      from: { path: '^shared/auth/' },
      to: { path: '^shared/(store|http|stripe)/' },
    },
    {
      name: 'stripe-adapter-apart',
      comment: 'The Stripe adapter talks to Stripe only; persistence and HTTP stay outside it.',
      severity: 'error',
      from: { path: '^shared/stripe/' },
      to: { path: '^shared/(http|store)/' },
    },
    {
      name: 'shared-below-entry-points',
      comment: 'shared/ is the library the functions, infrastructure, scripts, tests and benchmarks build on, never the reverse.',
      severity: 'error',
      from: { path: '^shared/' },
      to: { path: '^(functions|infra|scripts|test|bench)/' },
    },
    {
      name: 'vendors-stay-apart',
      comment:
        'Each vendor (functions/<vendor>/) and each stream consumer owns its folder; what two of them share lives in shared/ or functions/commons.',
      severity: 'error',
      from: { path: '^functions/([^/]+)/' },
      to: { path: '^functions/[^/]+/', pathNot: '^functions/($1|commons)/' },
    },
    {
      name: 'routes-stay-apart',
      comment: "Each route is its own Lambda bundle: it uses its vendor's dialect and contracts, never another route's folder.",
      severity: 'error',
      from: { path: '^functions/([^/]+)/([^/]+)/' },
      to: { path: '^functions/$1/[^/]+/', pathNot: '^functions/$1/($2|dialect)/' },
    },
    {
      name: 'lambdas-without-dev-code',
      comment:
        "Lambda code never reaches scripts, benchmarks or tests; a route's demo.ts and a vendor's workloads.ts (its benchmark requests, with the catalogs they load in workloadCatalogs.ts) are the dev files that may.",
      severity: 'error',
      from: { path: '^functions/', pathNot: '/(demo|workloads|workloadCatalogs)\\.ts$' },
      to: { path: '^(scripts|bench|test)/' },
    },
    {
      name: 'infra-without-runtime-code',
      comment: 'The stack needs table layout, configuration, the token settings and the route registry, not request handling.',
      severity: 'error',
      from: { path: '^infra/' },
      to: { path: ['^shared/(http|domain|stripe)/', '^functions/[^/]+/'] },
    },
  ],
  options: {
    // Type-only imports are edges too: a cycle through `import type` still couples the modules.
    tsPreCompilationDeps: true,
    doNotFollow: { path: '(^|/)node_modules/' },
    enhancedResolveOptions: {
      // `#shared/*` resolves through package.json#imports (enhanced-resolve reads that field by default;
      // test/layering.test.ts proves it); npm packages resolve through their exports.
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      mainFields: ['module', 'main', 'types', 'typings'],
      extensions: ['.ts', '.d.ts', '.js', '.mjs', '.cjs', '.json'],
    },
  },
};
