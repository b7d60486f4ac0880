import { expect, test } from './fixtures'

test('double-clicking a node label renames it in place', async ({ editor, page }) => {
  await editor.open()

  await editor.node('Orders').getByText('Orders', { exact: true }).dblclick()
  const input = page.getByRole('textbox', { name: 'Rename Orders' })
  await expect(input).toBeFocused()
  await expect(input).toHaveValue('Orders')
  await input.fill('Checkout')
  await input.press('Enter')
  await expect(input).toHaveCount(0)
  await expect(editor.node('Checkout')).toBeVisible()
  await expect(editor.node('Orders')).toHaveCount(0)
  // the links follow the new name
  await expect(editor.link('Synchronous HTTP from Web shop to Checkout')).toBeAttached()
  expect((await editor.document()).nodes.filter((n) => n.label === 'Checkout')).toHaveLength(1)

  // typing in the field does not trigger shortcuts: Delete and Backspace edit the text
  await editor.node('Checkout').getByText('Checkout', { exact: true }).dblclick()
  const again = page.getByRole('textbox', { name: 'Rename Checkout' })
  await again.press('End')
  await again.press('Backspace')
  await again.press('Backspace')
  await expect(again).toHaveValue('Checko')
  await expect(editor.nodes).toHaveCount(8)

  // Escape leaves the name as it was
  await again.press('Escape')
  await expect(again).toHaveCount(0)
  await expect(editor.node('Checkout')).toBeVisible()

  // an empty name is refused with a reason, and the field stays open
  await editor.node('Checkout').getByText('Checkout', { exact: true }).dblclick()
  await again.fill('   ')
  await again.press('Enter')
  await expect(editor.node('Checkout').getByRole('alert')).toContainText('A name cannot be empty')
  await expect(again).toBeVisible()
  await again.fill('  Checkout   API ')
  await again.press('Enter')
  // spaces are tidied
  await expect(editor.node('Checkout API')).toBeVisible()

  // the rename is one undoable step
  await editor.toolbarButton('Undo').click()
  await expect(editor.node('Checkout')).toBeVisible()
  await editor.toolbarButton('Undo').click()
  await expect(editor.node('Orders')).toBeVisible()
})
