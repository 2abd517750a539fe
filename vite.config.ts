/// <reference types="vitest/config" />
import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import packageJson from './package.json' with { type: 'json' };
import { precompressPlugin } from './scripts/precompress.ts';

export default defineConfig({
  plugins: [
    preact(),
    VitePWA({
      strategies: 'injectManifest',
      srcDir: 'src/app',
      filename: 'sw.ts',
      injectRegister: false,
      manifest: false,
      injectManifest: {
        globPatterns: ['**/*.{js,css,html,svg,png,webmanifest,woff2}'],
        // The coordinator dashboard is used online, on the coordinators' own computers: tablets do not store it.
        globIgnores: ['**/startDashboard-*'],
      },
    }),
    // After the service worker is built: compressed copies of every text file, sent to browsers that accept them.
    precompressPlugin(),
  ],
  // Shown in Settings and sent with every sync, so coordinators see which version each tablet runs.
  define: { __APP_VERSION__: JSON.stringify(packageJson.version) },
  server: { proxy: { '/api': 'http://127.0.0.1:8080', '/healthz': 'http://127.0.0.1:8080' } },
  build: { target: 'es2022', sourcemap: true },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'app',
          environment: 'jsdom',
          include: ['tests/unit/**/*.test.{ts,tsx}', 'tests/app/**/*.test.{ts,tsx}'],
          setupFiles: ['tests/helpers/setupDom.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'server',
          environment: 'node',
          include: ['tests/server/**/*.test.ts'],
          // Drops the PostgreSQL test schemas of finished test processes.
          globalSetup: ['tests/server/globalSetup.ts'],
          // One worker, no isolation: the PGlite and PostgreSQL stores are opened once and shared by every file.
          isolate: false,
          fileParallelism: false,
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['tests/e2e/**/*.test.ts'],
          // Builds the app once and fails the run, with the instruction, when there is no Chromium.
          globalSetup: ['tests/e2e/globalSetup.ts'],
          // One browser and one city server at a time, after the other projects: 2 cores are not enough for more.
          fileParallelism: false,
          sequence: { groupOrder: 1 },
          testTimeout: 180_000,
          hookTimeout: 120_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'bench',
          environment: 'node',
          include: ['tests/bench/**/*.test.ts'],
          // Runs `npm run bench -- --quick` (cities, PostgreSQL, Chromium) as its own process, after everything else.
          sequence: { groupOrder: 2 },
          testTimeout: 60_000,
        },
      },
    ],
  },
});
