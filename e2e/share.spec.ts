import { expect, test } from './fixtures'

test('a share link opens the same diagram, settings included, in a fresh browser', async ({ editor, page, browser }) => {
  await editor.open()
  await editor.selectNode('Orders')
  await editor.field('Workers per replica').fill('9')
  await editor.toolbarButton('Share…').click()
  const dialog = page.getByRole('dialog', { name: 'Share this diagram' })
  await expect(dialog).toBeVisible()
  const url = await dialog.getByRole('textbox', { name: 'Share link' }).inputValue()
  expect(url).toMatch(/#w1\.[A-Za-z0-9_-]+$/)
  await dialog.getByRole('button', { name: 'Close' }).click()
  await expect(dialog).toBeHidden()
  const mine = await editor.document()

  const fresh = await browser.newContext()
  const other = await fresh.newPage()
  await other.goto(url)
  await expect(other.locator('.react-flow__node')).toHaveCount(8)
  await expect(other.getByRole('group', { name: /^Service Orders: 1 × 9 workers/ })).toBeVisible()
  // nothing of theirs was replaced, so nothing is offered back
  await expect(other.getByRole('region', { name: 'Shared diagram opened' })).toHaveCount(0)
  const theirs = (await other.evaluate(() => window.__wireplay!.document())) as typeof mine
  expect({ ...theirs, nodes: theirs.nodes.map((n) => ({ ...n, x: 0, y: 0 })) }).toEqual({ ...mine, nodes: mine.nodes.map((n) => ({ ...n, x: 0, y: 0 })) })
  // the link is not kept in the address bar: a reload shows the (saved) diagram, not the link again
  expect(new URL(other.url()).hash).toBe('')
  await fresh.close()
})

test('opening a link over a saved diagram asks first, and Undo brings the old one back', async ({ editor, page }) => {
  await editor.open()
  // change the diagram here, then open the earlier link in the same tab: saved work is asked about
  const url = await editor.openOwnLinkOverSavedEdit()
  const ask = page.getByRole('dialog', { name: 'Open the shared diagram?' })
  await expect(ask).toBeVisible()
  await ask.getByRole('button', { name: 'Open shared diagram' }).click()
  await expect(editor.nodes).toHaveCount(8)
  await page.keyboard.press('Control+z')
  await expect(editor.nodes).toHaveCount(7)
  // pasting a link into the address bar of an open editor asks too
  await page.evaluate((hash) => {
    location.hash = hash
  }, new URL(url).hash)
  await expect(ask).toBeVisible()
  await ask.getByRole('button', { name: 'Cancel' }).click()
  await expect(editor.nodes).toHaveCount(7)
})

test('a broken link shows a banner that says what is wrong, and the diagram stays as it was', async ({ editor, page }) => {
  await editor.open()
  await editor.selectNode('Email')
  await page.keyboard.press('Delete')
  await expect(editor.nodes).toHaveCount(7)
  await editor.waitForAutosave()
  await page.goto('/#w1.dZAxb4MwFIT_Crr5DTbghHjr0K1Sq3bogDwQ')
  const banner = page.getByRole('alert').filter({ hasText: 'could not be opened' })
  await expect(banner).toContainText('cut short')
  await expect(editor.nodes).toHaveCount(7)
  await banner.getByRole('button', { name: 'Dismiss' }).click()
  await expect(banner).toHaveCount(0)
  await page.goto('/#w7.abc')
  await expect(page.getByRole('alert').filter({ hasText: 'could not be opened' })).toContainText('newer version')
  await expect(editor.nodes).toHaveCount(7)
})
