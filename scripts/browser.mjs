// Shared by the scripts that drive a real browser: Debian's Chromium when present (this
// machine cannot download Playwright's), overridable by WIREPLAY_CHROMIUM; an empty
// value selects Playwright's own browser.
import { existsSync } from 'node:fs'
import { chromium } from '@playwright/test'

export function launchChromium(extraArgs = []) {
  const path = process.env.WIREPLAY_CHROMIUM ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : '')
  return chromium.launch({ ...(path ? { executablePath: path } : {}), args: ['--disable-gpu', ...extraArgs] })
}

/**
 * A fresh page showing `doc` (as if it were the saved diagram, hint dismissed), fitted
 * and settled, for the editor's benchmark and profiler. Returns the page, the canvas pane's
 * box and the box of the node nearest its centre (away from the legend, minimap and
 * controls), where a drag starts.
 */
export async function openDiagram(browser, baseURL, doc, extraCss) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } })
  await context.addInitScript((saved) => {
    localStorage.setItem('wireplay.autosave.v1', saved)
    localStorage.setItem('wireplay.hintDismissed', '1')
  }, JSON.stringify({ document: doc }))
  const page = await context.newPage()
  await page.goto(baseURL)
  await page.locator('.react-flow__node').first().waitFor()
  if (extraCss) await page.addStyleTag({ content: extraCss })
  await page.waitForTimeout(500)
  const pane = await page.locator('.react-flow__pane').boundingBox()
  const boxes = await page.locator('.react-flow__node').evaluateAll((els) => els.map((e) => e.getBoundingClientRect().toJSON()))
  const cx = pane.x + pane.width / 2
  const cy = pane.y + pane.height / 2
  const node = boxes.reduce((a, b) => (Math.hypot(b.x - cx, b.y - cy) < Math.hypot(a.x - cx, a.y - cy) ? b : a))
  return { context, page, pane, node }
}
