import { defineConfig, type Plugin } from 'vitest/config';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { svelteTesting } from '@testing-library/svelte/vite';
import { demosPlugin } from './build/demosPlugin.js';
import { lessonsPlugin } from './build/lessonsPlugin.js';

/**
 * The page's Content-Security-Policy: everything from the page's own origin, no inline script or
 * style and no eval (zod runs jitless for that: src/engine/zod.ts). Svelte's built CSS is a file, and
 * the styles Svelte and D3 set at run time go through the CSSOM, which style-src does not restrict.
 * frame-ancestors works only as a header. test/e2e/trust.spec.ts fails on any violation.
 */
export const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "worker-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/** Puts the policy in the built index.html (the dev server's injected client needs more). */
function cspMeta(): Plugin {
  return {
    name: 'cachescope-csp',
    apply: 'build',
    transformIndexHtml: () => [
      {
        tag: 'meta',
        attrs: { 'http-equiv': 'Content-Security-Policy', content: contentSecurityPolicy },
        injectTo: 'head-prepend',
      },
    ],
  };
}

// CI asks for a JSON report beside the usual output, to print its "N passed, N failed" line.
const resultsDir = process.env.CACHESCOPE_RESULTS_DIR;

export default defineConfig({
  plugins: [svelte(), svelteTesting(), lessonsPlugin(), demosPlugin(), cspMeta()],
  worker: { format: 'es' },
  server: { host: '127.0.0.1' },
  preview: {
    host: '127.0.0.1',
    port: 4173,
    strictPort: true,
    headers: { 'Content-Security-Policy': `${contentSecurityPolicy}; frame-ancestors 'none'` },
  },
  test: {
    // Browser specs under test/e2e run through Playwright, not Vitest.
    include: ['test/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    reporters: resultsDir ? ['default', 'json'] : ['default'],
    outputFile: resultsDir ? { json: `${resultsDir}/vitest.json` } : undefined,
  },
});
