import { defineConfig } from 'vitest/config';

// One configuration, one project per package. Everything server-side runs in node;
// the UIs are exercised in real Chromium by the cross-package tests under test/.
const nodeProject = (name: string, testTimeout = 10_000) => ({
  test: {
    name,
    root: `./${name}`,
    environment: 'node' as const,
    include: ['test/**/*.test.ts'],
    testTimeout,
  },
});

export default defineConfig({
  test: {
    projects: [
      nodeProject('firmware-protocol'),
      nodeProject('models', 120_000),
      nodeProject('gateway'),
      // the web apps' shared base: its pure parts (catalogues, tokens); the components run in Chromium under test/
      { test: { name: 'web-base', root: './dashboard/web-base', environment: 'node' as const, include: ['test/**/*.test.ts'] } },
      {
        test: {
          name: 'e2e',
          root: './test',
          environment: 'node',
          include: ['**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          // conditions over processes, brokers and browsers on a two-core machine: waited for up to
          // 5 s by default; tests that promise a time (a tile within 2 s) say so with their own timeout
          expect: { poll: { timeout: 5000 } },
        },
      },
    ],
  },
});
