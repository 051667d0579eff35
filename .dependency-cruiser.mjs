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
      comment: 'The store persists the domain; it knows nothing of requests, tokens, vendors or Stripe.',
      severity: 'error',
      from: { path: '^shared/store/' },
      to: { path: '^shared/(http|auth|dialects|stripe)/' },
    },
    {
      name: 'http-without-store',
      comment: 'The HTTP pipeline is transport only: no persistence, vendors, Stripe or AWS SDK.',
      severity: 'error',
      from: { path: '^shared/http/' },
      to: { path: ['^shared/(store|dialects|stripe)/', '(^|/)@aws-sdk/'] },
    },
    {
      name: 'dialects-are-translation',
      comment: 'A dialect translates between a vendor envelope and the domain; it does not persist, authenticate or sync.',
      severity: 'error',
      from: { path: '^shared/dialects/' },
      to: { path: ['^shared/(store|auth|stripe)/', '(^|/)@aws-sdk/'] },
    },
    {
      name: 'dialects-stay-apart',
      comment: "One vendor's dialect never reaches into another's; shared pieces belong in shared/dialects/common.",
      severity: 'error',
      from: { path: '^shared/dialects/([^/]+)/' },
      to: { path: '^shared/dialects/[^/]+/', pathNot: '^shared/dialects/($1|common)/' },
    },
    {
      name: 'auth-stands-alone',
      comment: 'Authentication never depends on persistence, vendor dialects, the HTTP pipeline or Stripe.',
      severity: 'error',
      from: { path: '^shared/auth/' },
      to: { path: '^shared/(store|dialects|http|stripe)/' },
    },
    {
      name: 'stripe-adapter-apart',
      comment: 'The Stripe adapter talks to Stripe only; persistence, HTTP and vendor dialects stay outside it.',
      severity: 'error',
      from: { path: '^shared/stripe/' },
      to: { path: '^shared/(http|dialects|store)/' },
    },
    {
      name: 'shared-below-entry-points',
      comment: 'shared/ is the library the functions, infrastructure, scripts, tests and benchmarks build on, never the reverse.',
      severity: 'error',
      from: { path: '^shared/' },
      to: { path: '^(functions|infra|scripts|test|bench)/' },
    },
    {
      name: 'routes-stay-apart',
      comment: 'Each route is its own Lambda bundle; what two routes share lives in shared/ or functions/commons.',
      severity: 'error',
      from: { path: '^functions/([^/]+)/' },
      to: { path: '^functions/[^/]+/', pathNot: '^functions/($1|commons)/' },
    },
    {
      name: 'infra-without-runtime-code',
      comment: 'The stack needs table layout, configuration, the token settings and the route registry, not request handling.',
      severity: 'error',
      from: { path: '^infra/' },
      to: { path: '^shared/(http|dialects|domain|stripe)/' },
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
