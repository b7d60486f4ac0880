// Shared by the scripts that drive a real browser: Debian's Chromium when present (this
// machine cannot download Playwright's), overridable by WIREPLAY_CHROMIUM; an empty
// value selects Playwright's own browser.
import { existsSync } from 'node:fs'
import { chromium } from '@playwright/test'

export function launchChromium(extraArgs = []) {
  const path = process.env.WIREPLAY_CHROMIUM ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : '')
  return chromium.launch({ ...(path ? { executablePath: path } : {}), args: ['--disable-gpu', ...extraArgs] })
}
