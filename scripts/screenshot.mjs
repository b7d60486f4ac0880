// Usage: node scripts/screenshot.mjs <url> <out.png> [dark]
// Takes a screenshot of a running Wireplay (e.g. `npm start`), for the README and reviews.
import { launchChromium } from './browser.mjs'

const [url = 'http://127.0.0.1:4173/', out = 'docs/screenshot.png', theme] = process.argv.slice(2)
const browser = await launchChromium()
const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, colorScheme: theme === 'dark' ? 'dark' : 'light' })
const problems = []
page.on('pageerror', (e) => problems.push(`page error: ${e.message}`))
page.on('console', (m) => m.type() === 'error' && problems.push(`console error: ${m.text()}`))
// a returning visitor's view: no welcome hint, one node selected so the inspector shows
await page.addInitScript(() => localStorage.setItem('wireplay.hintDismissed', '1'))
await page.goto(url)
await page.locator('.react-flow__node').first().waitFor()
const select = process.env.SELECT
if (select) await page.locator('.react-flow__node', { hasText: select }).first().click()
await page.waitForTimeout(400)
await page.screenshot({ path: out })
await browser.close()
console.log(`wrote ${out}`)
if (problems.length) console.log(problems.join('\n'))
