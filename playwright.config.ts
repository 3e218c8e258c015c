import { existsSync } from 'node:fs';
import { defineConfig, type ReporterDescription } from '@playwright/test';

/** Debian's Chromium (or the one CHROMIUM_PATH names): the tests never download a browser. */
function chromiumPath(): string {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium'].filter((p): p is string => Boolean(p));
  const found = candidates.find((p) => existsSync(p));
  if (!found) {
    throw new Error(
      'No Chromium found for the browser tests. Install one with `apt-get install -y chromium` ' +
        '(Debian) or set CHROMIUM_PATH to a Chromium or Chrome executable.',
    );
  }
  return found;
}

// Several checkouts can run their browser tests at once when each names its own port.
const port = Number(process.env.CACHESCOPE_E2E_PORT ?? 4173);

// CI asks for a JSON report beside the usual output; .ci/count.mjs reads it.
const resultsDir = process.env.CACHESCOPE_RESULTS_DIR;
const reporter: ReporterDescription[] = [['list']];
if (resultsDir) reporter.push(['json', { outputFile: `${resultsDir}/playwright.json` }]);

export default defineConfig({
  testDir: 'test/e2e',
  testMatch: '**/*.spec.ts',
  outputDir: 'test-results/playwright',
  // Two cores shared with the worker thread of each page: one page at a time.
  workers: 1,
  fullyParallel: false,
  timeout: 90_000,
  expect: { timeout: 20_000 },
  retries: 0,
  reporter,
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    viewport: { width: 1280, height: 720 },
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: chromiumPath(),
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  projects: [{ name: 'chromium', use: { browserName: 'chromium' } }],
  webServer: {
    command: `npm run build && npx vite preview --host 127.0.0.1 --port ${port} --strictPort`,
    url: `http://127.0.0.1:${port}`,
    reuseExistingServer: false,
    timeout: 180_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
