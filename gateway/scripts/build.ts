import { build, type Plugin } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

/**
 * Bundles the gateway into gateway/dist/server.mjs: our workspace packages are compiled in,
 * npm dependencies stay external (native modules among them). Production runs plain Node on
 * this file; the TypeScript loader costs ~45 MB of resident memory.
 */
const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

const workspaceSources: Plugin = {
  name: 'workspace-sources',
  setup(b) {
    b.onResolve({ filter: /^@feedback\/[a-z-]+$/ }, (args) => ({
      path: join(root, args.path.replace('@feedback/', ''), 'src', 'index.ts'),
    }));
    b.onResolve({ filter: /^[^./]/ }, (args) => (args.path.startsWith('@feedback/') ? undefined : { path: args.path, external: true }));
  },
};

const started = Date.now();
await build({
  entryPoints: {
    server: join(root, 'gateway', 'src', 'main', 'server.ts'),
    // The ingest benchmark's baseline: the same gateway storing answers without rollups (never started by npm start).
    'bench-server': join(root, 'gateway', 'scripts', 'bench-server.ts'),
    // ... and with the answer rollups but without responses and their rollups (what counting people costs).
    'bench-server-without-responses': join(root, 'gateway', 'scripts', 'bench-server-without-responses.ts'),
    // The emotion monitor's inference threads load this file beside the server.
    'inference-worker': join(root, 'models', 'src', 'pipeline', 'inference-worker.ts'),
    // Reports' PDF and XLSX are drawn by a short-lived thread running this file.
    'report-worker': join(root, 'gateway', 'src', 'modules', 'reports', 'render-worker.ts'),
  },
  outdir: join(root, 'gateway', 'dist'),
  outExtension: { '.js': '.mjs' },
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: true,
  plugins: [workspaceSources],
  logLevel: 'warning',
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
});
process.stdout.write(
  `gateway/dist/server.mjs, bench-server.mjs, inference-worker.mjs and report-worker.mjs built in ${Date.now() - started} ms\n`,
);
