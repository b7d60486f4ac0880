import { expect, test } from './fixtures'
import { lesson, openScenario } from './lessonHelpers'

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

test('a dismissed part that could not load loads when it is wanted again', async ({ editor, page }) => {
  await editor.open()
  await editor.dismissHint()
  const gallery = /ScenarioGallery-[^/]*\.js$/
  await page.route(gallery, (route) => route.abort())
  await page.getByRole('button', { name: 'Scenarios…' }).click()
  const alert = page.getByRole('alert').filter({ hasText: 'The scenario gallery did not load' })
  await alert.getByRole('button', { name: 'Dismiss' }).click()
  await expect(alert).toBeHidden()
  // the connection is back: opening the gallery again fetches it again
  await page.unroute(gallery)
  await page.getByRole('button', { name: 'Scenarios…' }).click()
  await expect(page.getByRole('dialog', { name: 'Scenarios' })).toBeVisible()
  await expect(alert).toBeHidden()
})

test('a lesson player that could not load tries again when a scenario is opened again', async ({ editor, page }) => {
  const player = /LessonPlayer-[^/]*\.js$/
  await page.route(player, (route) => route.abort())
  await openScenario(editor, 'backlog-drains')
  const alert = page.getByRole('alert').filter({ hasText: 'The lesson player did not load' })
  await alert.getByRole('button', { name: 'Dismiss' }).click()
  await expect(alert).toBeHidden()
  await page.unroute(player)
  expect(await page.evaluate(() => window.__wireplay!.openScenario!('backlog-drains'))).toBe(true)
  await expect(lesson(editor).getByRole('button', { name: 'Start the lesson (5 steps)' })).toBeVisible()
})

test('the run controls that could not load can be tried again on the spot, and cannot be dismissed out of reach', async ({ editor, page }) => {
  const runBar = /RunBar-[^/]*\.js$/
  await page.route(runBar, (route) => route.abort())
  await editor.open()
  const alert = page.getByRole('alert').filter({ hasText: 'The run controls did not load' })
  await expect(alert).toBeVisible()
  // always on screen: hidden, nothing would ask for them again before a reload
  await expect(alert.getByRole('button', { name: 'Dismiss' })).toHaveCount(0)
  await page.unroute(runBar)
  await alert.getByRole('button', { name: 'Try again' }).click()
  await expect(alert).toBeHidden()
  await expect(page.getByRole('region', { name: 'Run' }).getByRole('button', { name: 'Run', exact: true })).toBeVisible()
})
