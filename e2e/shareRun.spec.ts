import type { Page } from '@playwright/test'
import { AUTOSAVE_KEY } from '../src/app/autosave'
import { expect, test } from './fixtures'

/** The system's numbers in the metrics panel, by row name ("Operations issued" → 123). */
async function numbers(page: Page): Promise<Record<string, string>> {
  // the panel starts hidden on short windows: its Metrics tab opens it
  await page.getByRole('tab', { name: 'Metrics' }).click()
  const table = page.getByRole('group', { name: /^Numbers at / }).getByRole('table').first()
  await expect(table).toBeVisible()
  const rows = await table.getByRole('row').all()
  const out: Record<string, string> = {}
  for (const row of rows) out[(await row.getByRole('rowheader').textContent())!.trim()] = (await row.getByRole('cell').getAttribute('data-value'))!
  return out
}

async function fastForward(page: Page, label: string) {
  await page.getByRole('combobox', { name: 'Fast-forward by' }).selectOption({ label })
  await page.getByRole('button', { name: 'Fast-forward', exact: true }).click()
  await page.clock.runFor(3_000)
}

test('a shared link replays the same run: same faults and seed give the same metrics at the same instant', async ({ editor, page, browser }) => {
  await editor.open()
  await editor.dismissHint()
  await page.clock.install()
  await editor.selectNode('Orders')
  await page.getByRole('button', { name: 'Crash Orders' }).click()
  await page.getByRole('textbox', { name: 'Seed' }).fill('77')
  await page.getByRole('textbox', { name: 'Seed' }).press('Enter')
  await page.getByRole('combobox', { name: 'Speed' }).selectOption('5')
  await fastForward(page, '10 s')
  await expect(page.getByRole('timer', { name: 'Simulated time' })).toHaveText('10.000 s')
  const mine = await numbers(page)
  // the crash shows: the caller's operations fail
  expect(Number(mine['Operations failed'])).toBeGreaterThan(0)

  await editor.toolbarButton('Share…').click()
  const url = await page.getByRole('textbox', { name: 'Share link' }).inputValue()
  await page.getByRole('button', { name: 'Close' }).click()

  const fresh = await browser.newContext()
  const other = await fresh.newPage()
  await other.clock.install()
  await other.goto(url)
  await expect(other.locator('.react-flow__node')).toHaveCount(8)
  await expect(other.getByRole('textbox', { name: 'Seed' })).toHaveValue('77')
  await expect(other.getByRole('combobox', { name: 'Speed' })).toHaveValue('5')
  await expect(other.getByRole('button', { name: /^Fault at 0\.000 s: Crash Orders/ })).toBeVisible()
  await fastForward(other, '10 s')
  await expect(other.getByRole('timer', { name: 'Simulated time' })).toHaveText('10.000 s')
  expect(await numbers(other)).toEqual(mine)
  await fresh.close()
})

test('a link can open the run at the instant it was shared', async ({ editor, page, browser }) => {
  await editor.open()
  await editor.dismissHint()
  await page.clock.install()
  await fastForward(page, '10 s')
  await editor.toolbarButton('Share…').click()
  await page.getByRole('checkbox', { name: /Open the run at 10\.000 s/ }).check()
  const url = await page.getByRole('textbox', { name: 'Share link' }).inputValue()
  const fresh = await browser.newContext()
  const other = await fresh.newPage()
  await other.clock.install()
  await other.goto(url)
  await other.clock.runFor(3_000)
  await expect(other.getByRole('timer', { name: 'Simulated time' })).toHaveText('10.000 s')
  await fresh.close()
})

test('the embed view shows the diagram read-only with the run controls', async ({ editor, page, browser }) => {
  await editor.open()
  await editor.toolbarButton('Share…').click()
  const snippet = await page.getByRole('textbox', { name: 'Embed code' }).inputValue()
  expect(snippet).toMatch(/^<iframe src="[^"]+\?view=embed#w1\.[A-Za-z0-9_-]+" title="Wireplay diagram"/)
  const src = /src="([^"]+)"/.exec(snippet)![1]!

  const fresh = await browser.newContext()
  const embed = await fresh.newPage()
  await embed.clock.install()
  await embed.goto(src)
  await expect(embed.locator('.react-flow__node')).toHaveCount(8)
  // no editing: no toolbar, palette or inspector; the run controls are there and work
  await expect(embed.getByRole('toolbar', { name: 'Editing' })).toHaveCount(0)
  await expect(embed.getByRole('button', { name: 'Client', exact: true })).toHaveCount(0)
  await expect(embed.getByRole('link', { name: /Open in Wireplay/ })).toHaveAttribute('href', /^[^?]*#w1\./)
  await embed.getByRole('button', { name: 'Run', exact: true }).click()
  await embed.clock.runFor(1_000)
  await expect(embed.getByRole('timer', { name: 'Simulated time' })).not.toHaveText('0.000 s')
  // a node cannot be dragged (the drag pans the view instead) or renamed
  const positions = () => embed.evaluate(() => (window.__wireplay!.document() as { nodes: { x: number; y: number }[] }).nodes.map((n) => [n.x, n.y]))
  const before = await positions()
  const node = embed.locator('.react-flow__node').first()
  const box = (await node.boundingBox())!
  await node.hover()
  await embed.mouse.down()
  await embed.mouse.move(box.x + 150, box.y + 120, { steps: 5 })
  await embed.mouse.up()
  expect(await positions()).toEqual(before)
  await node.locator('.wire-node__label').dblclick()
  await expect(embed.getByRole('textbox', { name: /^Rename/ })).toHaveCount(0)
  // the embed keeps nothing: the visitor's own saved diagram is not touched
  expect(await embed.evaluate((key) => localStorage.getItem(key), AUTOSAVE_KEY)).toBeNull()
  await fresh.close()
})

test('after a link replaced a saved diagram, "Restore previous diagram" brings it back', async ({ editor, page }) => {
  await editor.open()
  await editor.openOwnLinkOverSavedEdit()
  await page.getByRole('dialog', { name: 'Open the shared diagram?' }).getByRole('button', { name: 'Open shared diagram' }).click()
  await expect(editor.nodes).toHaveCount(8)
  const banner = page.getByRole('region', { name: 'Shared diagram opened' })
  await banner.getByRole('button', { name: 'Restore previous diagram' }).click()
  await expect(editor.nodes).toHaveCount(7)
  await expect(banner).toHaveCount(0)
})
