import { expect, test } from './fixtures'

test('a part that cannot load says so and offers a reload; the editor stays', async ({ editor, page }) => {
  await editor.open()
  await editor.dismissHint()
  // the gallery's file is unreachable, as after a dropped connection or a new release
  await page.route(/ScenarioGallery-[^/]*\.js$/, (route) => route.abort())
  await page.getByRole('button', { name: 'Scenarios…' }).click()
  const alert = page.getByRole('alert').filter({ hasText: 'The scenario gallery did not load' })
  await expect(alert).toBeVisible()
  await expect(alert).toContainText('Your diagram is saved.')
  await expect(alert.getByRole('button', { name: 'Reload' })).toBeVisible()
  await alert.getByRole('button', { name: 'Dismiss' }).click()
  await expect(alert).toBeHidden()
  // the rest of the editor is still there and still works
  await expect(editor.nodes).toHaveCount(8)
  await editor.selectNode('Orders')
  await expect(editor.field('Name')).toHaveValue('Orders')
})
