/**
 * The architecture as rules, checked by `npm test` (npm run check:deps): no import cycles, and no
 * lower layer of the gateway importing a higher one. Layers, lowest first; a file may import its
 * own layer and the ones below it.
 */
const LAYERS = [
  ['domain'],
  ['config', 'events', 'notify', 'logger\\.ts', 'metrics\\.ts'],
  ['store', 'rollups'],
  ['indices'],
  ['auth', 'devices', 'staff', 'traffic', 'alerts', 'ingest', 'emotion', 'cases', 'reviews', 'reports'],
  ['broker'],
  ['adapters', 'transports\\.ts', 'http', 'realtime', 'demo'],
  ['gateway\\.ts', 'closed-loop\\.ts', 'run-server\\.ts', 'server\\.ts', 'index\\.ts'],
];
const path = (names) => `^gateway/src/(${names.join('|')})($|/)`;

const layerRules = LAYERS.slice(0, -1).map((layer, i) => ({
  name: `layer-${i}-imports-up`,
  comment: `${layer.join(', ')} may not import a higher layer (${LAYERS.slice(i + 1).flat().join(', ')})`,
  severity: 'error',
  from: { path: path(layer) },
  to: { path: path(LAYERS.slice(i + 1).flat()) },
}));

module.exports = {
  forbidden: [
    { name: 'no-circular', severity: 'error', comment: 'an import cycle', from: {}, to: { circular: true } },
    ...layerRules,
    {
      name: 'adapters-know-their-transport-and-the-inbox',
      severity: 'error',
      comment: 'a device adapter hands everything to the DeviceInbox port (domain); it never reaches ingest, the registry or the store',
      from: { path: '^gateway/src/adapters/' },
      to: { path: path(['config', 'events', 'store', 'rollups', 'indices', 'auth', 'devices', 'staff', 'traffic', 'alerts', 'ingest', 'emotion']) },
    },
    {
      name: 'only-repositories-touch-the-database',
      severity: 'error',
      comment: 'SQL lives in the store, the rollups and the *-repo.ts files; everything else asks a repository',
      from: { path: '^gateway/src/', pathNot: ['^gateway/src/(store|rollups)/', '-repo\\.ts$'] },
      to: { path: ['^gateway/src/store/db\\.ts$', 'better-sqlite3'] },
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
      comment: 'the web apps may import the gateway for types only (the API contract), never its code',
      from: { path: '^(dashboard|kiosk-ui)/' },
      to: { path: '^gateway/', dependencyTypesNot: ['type-only'] },
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
