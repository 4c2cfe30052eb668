import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';

export default defineConfig({
  base: '/kiosk/',
  build: { outDir: 'dist', emptyOutDir: true, target: 'es2022' },
  plugins: [
    // The terminal's own files are cached by a service worker (Workbox), so a reload while the
    // gateway is away still shows the survey; the API is never cached (answers wait in IndexedDB).
    VitePWA({
      injectRegister: null,
      registerType: 'autoUpdate',
      manifest: false,
      scope: '/kiosk/',
      filename: 'sw.js',
      workbox: {
        globPatterns: ['**/*.{js,css,html,svg}'],
        navigateFallback: '/kiosk/index.html',
        navigateFallbackAllowlist: [/^\/kiosk\//],
        clientsClaim: true,
        skipWaiting: true,
      },
    }),
  ],
});
