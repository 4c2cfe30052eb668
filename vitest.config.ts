import { configDefaults, defineConfig } from 'vitest/config';

/**
 * One configuration, one project per package and tier; `vitest run` (npm test) runs them all.
 * A test's tier follows from where it lives and how it is named:
 *
 *   unit:*    each package's own test/ folder (gateway, firmware-protocol, web-base, dashboard):
 *             in-process, real SQLite in a temp dir, routes through app.inject; no browser, no gateway
 *             process, no broker or serial port (a loopback socket opened by the test itself is fine)
 *   e2e       the cross-package test/ folder: real gateways, brokers, serial lines, SMTP
 *   browser   test/**\/*.browser.test.ts: the web apps in real Chromium (needs `npm run build`)
 *   models    the emotion models' accuracy and inference tests (minutes, 120 s timeouts)
 */
const unitProject = (name: string, root: string) => ({
  test: { name: `unit:${name}`, root, environment: 'node' as const, include: ['test/**/*.test.ts'], testTimeout: 10_000 },
});

// conditions over processes, brokers and browsers on a two-core machine: waited for up to 5 s by
// default; tests that promise a time (a tile within 2 s) say so with their own timeout
const acrossPackages = {
  root: './test',
  environment: 'node' as const,
  testTimeout: 60_000,
  hookTimeout: 60_000,
  expect: { poll: { timeout: 5000 } },
};

export default defineConfig({
  test: {
    projects: [
      unitProject('gateway', './gateway'),
      unitProject('firmware-protocol', './firmware-protocol'),
      // the web apps' pure parts (catalogues, tokens, periods); their components run in Chromium under test/
      unitProject('web-base', './dashboard/web-base'),
      unitProject('dashboard', './dashboard'),
      { test: { name: 'models', root: './models', environment: 'node', include: ['test/**/*.test.ts'], testTimeout: 120_000 } },
      { test: { name: 'e2e', ...acrossPackages, include: ['**/*.test.ts'], exclude: [...configDefaults.exclude, '**/*.browser.test.ts'] } },
      { test: { name: 'browser', ...acrossPackages, include: ['**/*.browser.test.ts'] } },
    ],
    coverage: {
      provider: 'v8',
      // every source file of the packages run, read or not (globbed from each project's root, hence no package names);
      // the e2e and browser tiers run the gateway in child processes, which v8 coverage does not see
      include: ['**/src/**/*.ts'],
      exclude: ['**/node_modules/**', '**/dist/**', '**/*.d.ts'],
      reporter: ['text-summary', 'json-summary', 'html'],
      reportsDirectory: './coverage',
    },
  },
});
