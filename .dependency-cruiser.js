/** Layer rules, enforced by `npm test` (see README "Architecture"). */
module.exports = {
  forbidden: [
    {
      name: 'core-is-pure',
      comment: 'core/ holds the rules shared by phone and server: no Taro, no SDK, no Node built-ins, nothing from src/server.',
      severity: 'error',
      from: { path: '^core/', pathNot: '\\.test\\.ts$|^core/routing/testing/' },
      to: {
        pathNot: '^core/|^node_modules/(zod|flatbush|flatqueue)/'
      }
    },
    {
      name: 'core-no-node-builtins',
      comment: 'Except the test that scans src/ and server/ for page paths written outside core/pages.ts.',
      severity: 'error',
      from: { path: '^core/', pathNot: '^core/pages\\.test\\.ts$' },
      to: { dependencyTypes: ['core'] }
    },
    {
      name: 'pages-never-import-server',
      comment: 'The mini-program talks to the server only through src/api.',
      severity: 'error',
      from: { path: '^src/' },
      to: { path: '^(server|cloudfunctions|scripts)/' }
    },
    {
      name: 'pages-no-node-builtins',
      severity: 'error',
      from: { path: '^src/' },
      to: { dependencyTypes: ['core'] }
    },
    {
      name: 'server-never-imports-pages',
      severity: 'error',
      from: { path: '^(server|cloudfunctions)/' },
      to: { path: '^src/' }
    },
    {
      name: 'handlers-use-ports-only',
      comment: 'Handlers reach storage and platform services only through ports; adapters are chosen by a composition root.',
      severity: 'error',
      from: { path: '^server/(handlers/|router|caller|notices|photo-check|directory|paging)' },
      to: { path: '^server/(adapters|gateway|cloud)/|better-sqlite3|@cloudbase' }
    },
    {
      name: 'router-knows-no-handlers',
      comment: 'The router validates, authorizes and maps errors for any action table; the registry wires tables to it.',
      severity: 'error',
      from: { path: '^server/router\\.ts$' },
      to: { path: '^server/handlers/' }
    },
    {
      name: 'adapters-fail-with-store-errors',
      comment: 'An adapter refuses with StoreError (server/ports/errors.ts); the router alone turns it into an answer.',
      severity: 'error',
      from: { path: '^server/adapters/' },
      to: { path: '^server/(errors|router|handlers/)' }
    },
    {
      name: 'ports-are-interfaces',
      comment: 'Ports name what the domain needs; they import core types and each other, nothing that implements them.',
      severity: 'error',
      from: { path: '^server/ports/' },
      to: { pathNot: '^server/ports/|^core/' }
    },
    {
      name: 'no-test-scaffolding-in-production',
      comment: 'Builders, fakes, fixtures, contract suites and harnesses live in testing/ folders that production code never imports.',
      severity: 'error',
      from: { pathNot: '\\.test\\.tsx?$|(^|/)testing/|^e2e/|^bench/' },
      to: { path: '(^|/)testing/|(^|/)fake-[^/]*$|^server/store-contract/' }
    },
    {
      name: 'cloud-functions-are-thin',
      comment: 'Each cloud function is a shell: the cloud entry plus its own handlers, nothing else.',
      severity: 'error',
      from: { path: '^cloudfunctions/[^/]+/index\\.ts$' },
      to: { pathNot: '^server/(cloud|handlers)/' }
    },
    {
      name: 'no-local-adapters-in-cloud',
      comment: 'Deployed functions must never bundle the local gateway, SQLite or the dev login.',
      severity: 'error',
      from: { path: '^server/cloud/' },
      to: { path: '^server/(gateway|adapters/sqlite|adapters/local-files)|better-sqlite3' }
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true }
    }
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(dist|node_modules)/|\\.d\\.ts$' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.js', '.d.ts']
    },
    reporterOptions: { text: { highlightFocused: true } }
  }
}
