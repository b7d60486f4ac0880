import { TEST_IDS } from '../src/lib/testIds'
import { expect, test } from './fixtures'

test('a normal session logs no errors', async ({ editor, page }) => {
  await editor.open()
  await editor.dismissHint()

  // build something
  await editor.dragFromPalette('database', 420, 120)
  await editor.field('Name').fill('Ledger')
  await editor.field('Name').press('Enter')
  await editor.connect('Orders', 'Ledger')
  await expect(editor.link('Synchronous HTTP from Orders to Ledger')).toBeAttached()
  await editor.field('Timeout').fill('250')
  await editor.field('Retries').fill('2')

  // change settings, including refused values
  await editor.selectNode('Web shop')
  await editor.field('Rate').fill('-1')
  await expect(editor.inspector.getByTestId(TEST_IDS.fieldError)).toContainText('cannot be negative')
  await editor.field('Rate').fill('40')
  await editor.field('Arrivals').selectOption('uniform')
  await expect(editor.node('Web shop')).toContainText('40 req/s · uniform')

  // a refused link, a move, undo and redo, copy and paste, delete
  await editor.connect('Shipping', 'Web shop')
  await expect(editor.notice).toContainText('Nothing calls a client')
  await editor.moveNode('Ledger', 40, 30)
  await page.keyboard.press('Control+z')
  await page.keyboard.press('Control+Shift+z')
  await editor.selectNode('Ledger')
  await page.keyboard.press('Control+c')
  await page.keyboard.press('Control+v')
  await expect(editor.nodes).toHaveCount(10)
  await page.keyboard.press('Delete')
  await expect(editor.nodes).toHaveCount(9)

  // view and theme
  await editor.toolbarButton('Tidy up').click()
  await editor.settle(450)
  await editor.toolbarButton('Dark theme').click()
  await editor.toolbarButton('Fit view').click()
  await editor.settle(450)

  // come back later
  await editor.waitForAutosave()
  await editor.reload()
  await expect(editor.node('Ledger')).toBeVisible()
  await editor.newDiagram()
  await editor.toolbarButton('Undo').click()
  await expect(editor.nodes).toHaveCount(9)

  expect(editor.errors).toEqual([])
})
