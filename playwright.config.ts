import { existsSync } from 'node:fs'
import { defineConfig, devices } from '@playwright/test'

// Debian's Chromium by default (this machine cannot download Playwright's browsers);
// WIREPLAY_CHROMIUM overrides the path, and an empty value means Playwright's own browser.
const chromiumPath = process.env.WIREPLAY_CHROMIUM ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : '')
const port = Number(process.env.WIREPLAY_E2E_PORT ?? 4179)

export default defineConfig({
  testDir: 'e2e',
  fullyParallel: true,
  forbidOnly: true,
  // no retries: a test that passes only on a second try is a failure to fix, not to hide
  retries: 0,
  workers: 2,
  timeout: 30_000,
  reporter: 'list',
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    trace: 'retain-on-failure',
    viewport: { width: 1280, height: 800 },
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        viewport: { width: 1280, height: 800 },
        launchOptions: {
          ...(chromiumPath ? { executablePath: chromiumPath } : {}),
          args: ['--disable-gpu'],
        },
      },
    },
  ],
  webServer: {
    // The production build, served as users get it. `npm test` builds before this runs.
    command: `npx vite preview --port ${port} --strictPort --host 127.0.0.1`,
    url: `http://127.0.0.1:${port}`,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
  },
})
