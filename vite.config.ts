import { defineConfig } from 'vitest/config';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { svelteTesting } from '@testing-library/svelte/vite';
import { lessonsPlugin } from './src/engine/lessons/vitePlugin.js';

// CI asks for a JSON report beside the usual output, to print its "N passed, N failed" line.
const resultsDir = process.env.CACHESCOPE_RESULTS_DIR;

export default defineConfig({
  plugins: [svelte(), svelteTesting(), lessonsPlugin()],
  worker: { format: 'es' },
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1', port: 4173, strictPort: true },
  test: {
    // Browser specs under test/e2e run through Playwright, not Vitest.
    include: ['test/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    reporters: resultsDir ? ['default', 'json'] : ['default'],
    outputFile: resultsDir ? { json: `${resultsDir}/vitest.json` } : undefined,
  },
});
