import { expect, test } from './fixtures'

const STARTER_LABELS = ['Web shop', 'Orders', 'Reports', 'Shipping jobs', 'Order events', 'Shipping', 'Email', 'Analytics']

test('a first visit opens the starter diagram with a welcome hint that stays dismissed', async ({ editor }) => {
  await editor.open()

  await expect(editor.nodes).toHaveCount(8)
  for (const label of STARTER_LABELS) await expect(editor.node(label)).toBeVisible()
  await expect(editor.node('Web shop')).toContainText('Client')
  await expect(editor.node('Shipping jobs')).toContainText('Queue')
  await expect(editor.node('Order events')).toContainText('Topic')
  await expect(editor.linkBadges).toHaveCount(7)
  await expect(editor.emptyCanvas).toHaveCount(0)

  await expect(editor.hint).toBeVisible()
  await editor.dismissHint()
  await expect(editor.hint).toHaveCount(0)

  await editor.reload()
  await expect(editor.nodes).toHaveCount(8)
  await expect(editor.hint).toHaveCount(0)
})

test('"New diagram" asks first, empties the canvas on confirmation, and Undo brings the diagram back', async ({ editor, page }) => {
  await editor.open()
  await expect(editor.nodes).toHaveCount(8)
  const newDiagram = editor.toolbarButton('New diagram')
  const dialog = page.getByRole('dialog', { name: 'Start a new diagram?' })

  await newDiagram.click()
  await expect(dialog).toBeVisible()
  await expect(dialog).toContainText('8 nodes')
  await dialog.getByRole('button', { name: 'Cancel' }).click()
  await expect(dialog).toBeHidden()
  await expect(editor.nodes).toHaveCount(8)
  await expect(editor.emptyCanvas).toHaveCount(0)

  // Escape cancels too
  await newDiagram.click()
  await expect(dialog).toBeVisible()
  await page.keyboard.press('Escape')
  await expect(dialog).toBeHidden()
  await expect(editor.nodes).toHaveCount(8)

  await newDiagram.click()
  await dialog.getByRole('button', { name: 'Discard and start new' }).click()
  await expect(dialog).toBeHidden()
  await expect(editor.nodes).toHaveCount(0)
  await expect(editor.linkBadges).toHaveCount(0)
  await expect(editor.emptyCanvas).toBeVisible()
  await expect(editor.emptyCanvas).toContainText('The canvas is empty')

  // an empty canvas needs no confirmation
  await newDiagram.click()
  await expect(dialog).toBeHidden()

  await editor.toolbarButton('Undo').click()
  await expect(editor.nodes).toHaveCount(8)
  for (const label of STARTER_LABELS) await expect(editor.node(label)).toBeVisible()
  await expect(editor.linkBadges).toHaveCount(7)
  await expect(editor.emptyCanvas).toHaveCount(0)
})

test('a person’s browser (not under automation) gets no test bridge on window', async ({ browser }) => {
  const context = await browser.newContext()
  // what a browser nobody automates reports
  await context.addInitScript(() => Object.defineProperty(Navigator.prototype, 'webdriver', { get: () => false }))
  const page = await context.newPage()
  await page.goto('/')
  await expect(page.getByRole('group', { name: /^Client Web shop: / })).toBeVisible()
  expect(await page.evaluate(() => navigator.webdriver)).toBe(false)
  expect(await page.evaluate(() => 'wireplay' in window || '__wireplay' in window)).toBe(false)
  await context.close()
})
