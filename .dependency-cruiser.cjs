/**
 * The architecture as rules, checked by `npm test` (npm run check:deps). The gateway is four layers,
 * lowest first; a file may import its own layer and those below it:
 *
 *   core/      the shared kernel: answers, scales, instants, calendars, channels, limits, the device inbox port
 *   platform/  what every module stands on: config, settings, store, rollups, auth, HTTP, events, mail, logging, metrics, workers
 *   modules/   one folder per capability (ingest, indices, cases, ...): its model, repository, service, schemas and routes
 *   main/      wiring only: the module list, start and stop, the HTTP app and the web apps' API contract
 *
 * gateway/src/index.ts (the package's entry) re-exports from main.
 */
const LAYERS = ['core', 'platform', 'modules', 'main'];
const under = (names) => `^gateway/src/(${names.join('|')})/`;

const layerRules = LAYERS.slice(0, -1).map((layer, i) => ({
  name: `${layer}-imports-up`,
  comment: `${layer} may not import a higher layer (${LAYERS.slice(i + 1).join(', ')})`,
  severity: 'error',
  from: { path: under([layer]) },
  to: { path: under(LAYERS.slice(i + 1)) },
}));

module.exports = {
  forbidden: [
    { name: 'no-circular', severity: 'error', comment: 'an import cycle (also among modules)', from: {}, to: { circular: true } },
    ...layerRules,
    {
      name: 'core-stands-alone',
      severity: 'error',
      comment: 'the shared kernel imports nothing of the gateway outside core (and no npm package but small pure ones)',
      from: { path: '^gateway/src/core/' },
      to: { path: '^gateway/src/', pathNot: '^gateway/src/core/' },
    },
    {
      name: 'adapters-know-their-transport-and-the-inbox',
      severity: 'error',
      comment:
        'a device adapter hands everything to the DeviceInbox port (core); it never reaches ingest, the registry, the store or any other module',
      from: { path: '^gateway/src/modules/transports/adapters/' },
      to: { path: ['^gateway/src/platform/(config|events|store|rollups|auth|settings)/', '^gateway/src/modules/(?!transports/)'] },
    },
    {
      name: 'only-repositories-touch-the-database',
      severity: 'error',
      comment:
        'SQL lives in the platform store and rollups, in *-repo.ts files and in the ingest writer (answers and rollups in one group commit); everything else asks a repository',
      from: {
        path: '^gateway/src/',
        pathNot: ['^gateway/src/platform/(store|rollups)/', '-repo\\.ts$', '^gateway/src/modules/ingest/answer-writer\\.ts$'],
      },
      to: { path: ['^gateway/src/platform/store/db\\.ts$', 'better-sqlite3'] },
    },
    {
      name: 'packages-below-gateway',
      severity: 'error',
      comment: 'the protocol and the models know nothing of the gateway',
      from: { path: '^(firmware-protocol|models)/' },
      to: { path: '^gateway/' },
    },
    {
      name: 'apps-use-the-gateway-types-only',
      severity: 'error',
      comment:
        "the web apps may import the gateway for types only (the API contract), never its code; they may read core's JSON catalogues (index names)",
      from: { path: '^(dashboard|kiosk-ui)/' },
      to: { path: '^gateway/', pathNot: '^gateway/src/core/[^/]+\\.json$', dependencyTypesNot: ['type-only'] },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(node_modules|dist)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.js', '.mjs'] },
  },
};
