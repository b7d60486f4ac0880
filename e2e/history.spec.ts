import { TEST_IDS } from '../src/lib/testIds'
import { expect, test } from './fixtures'

test('undo and redo from the keyboard and the toolbar', async ({ editor, page }) => {
  await editor.open()
  const undo = editor.toolbarButton('Undo')
  const redo = editor.toolbarButton('Redo')
  const summary = editor.node('Orders').getByTestId(TEST_IDS.nodeSummary)
  await expect(undo).toBeDisabled()
  await expect(redo).toBeDisabled()

  // a run of keystrokes in a field is one step
  await editor.selectNode('Orders')
  await editor.field('Workers per replica').fill('1')
  await editor.field('Workers per replica').pressSequentially('25')
  await expect(summary).toContainText('1 × 125 workers')
  await expect(undo).toBeEnabled()

  // off the field, Ctrl+Z and Ctrl+Shift+Z (or Ctrl+Y) undo and redo the diagram
  await editor.clickEmptyCanvas()
  await expect(editor.inspector.getByRole('heading', { name: 'Diagram' })).toBeVisible()
  await page.keyboard.press('Control+z')
  await expect(summary).toContainText('1 × 4 workers')
  await expect(redo).toBeEnabled()
  await page.keyboard.press('Control+Shift+z')
  await expect(summary).toContainText('1 × 125 workers')
  await page.keyboard.press('Control+z')
  await expect(summary).toContainText('1 × 4 workers')
  await page.keyboard.press('Control+y')
  await expect(summary).toContainText('1 × 125 workers')

  // the inspector follows an undo
  await editor.selectNode('Orders')
  await expect(editor.field('Workers per replica')).toHaveValue('125')
  await editor.clickEmptyCanvas()
  await page.keyboard.press('Control+z')
  await editor.selectNode('Orders')
  await expect(editor.field('Workers per replica')).toHaveValue('4')

  // deleting a node (and its links) is one step too
  await editor.selectNode('Reports')
  await page.keyboard.press('Delete')
  await expect(editor.node('Reports')).toHaveCount(0)
  await expect(editor.nodes).toHaveCount(7)
  await expect(editor.linkBadges).toHaveCount(6)

  await page.keyboard.press('Control+z')
  await expect(editor.node('Reports')).toBeVisible()
  await expect(editor.nodes).toHaveCount(8)
  await expect(editor.linkBadges).toHaveCount(7)
  await page.keyboard.press('Control+Shift+z')
  await expect(editor.node('Reports')).toHaveCount(0)
  await expect(editor.linkBadges).toHaveCount(6)

  // the toolbar buttons do the same
  await undo.click()
  await expect(editor.node('Reports')).toBeVisible()
  await expect(editor.linkBadges).toHaveCount(7)
  await redo.click()
  await expect(editor.node('Reports')).toHaveCount(0)
  await expect(redo).toBeDisabled()
  // the settings edit was undone before the deletion, which dropped its redo: one step is left
  await undo.click()
  await expect(editor.node('Reports')).toBeVisible()
  await expect(summary).toContainText('1 × 4 workers')
  await expect(undo).toBeDisabled()
  await expect(redo).toBeEnabled()

  // dragging a node is one step, however many pointer moves it took
  const start = await editor.docNode('Orders')
  await editor.moveNode('Orders', 90, 0)
  await expect.poll(async () => (await editor.docNode('Orders')).x).toBeGreaterThan(start.x + 60)
  const moved = await editor.docNode('Orders')
  await page.keyboard.press('Control+z')
  await expect.poll(async () => editor.docNode('Orders')).toMatchObject({ x: start.x, y: start.y })
  await page.keyboard.press('Control+Shift+z')
  await expect.poll(async () => editor.docNode('Orders')).toMatchObject({ x: moved.x, y: moved.y })
})
