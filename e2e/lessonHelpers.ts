import { expect, type Editor } from './fixtures'

/**
 * Shared by the lesson and presenter tests: open a built-in scenario through the test
 * bridge (as the gallery does), then take the page's clock, so only the run's frames are
 * driven by the test.
 */
export async function openScenario(editor: Editor, id: string) {
  await editor.open()
  await editor.dismissHint()
  await editor.page.waitForFunction(() => window.__wireplay?.openScenario !== undefined)
  expect(await editor.page.evaluate((s) => window.__wireplay!.openScenario!(s), id)).toBe(true)
  await editor.ready()
  await editor.page.clock.install()
  await expect(runRegion(editor).getByRole('button', { name: 'Run', exact: true })).toBeVisible()
}

export const runRegion = (editor: Editor) => editor.page.getByRole('region', { name: 'Run' })
export const clock = (editor: Editor) => editor.page.getByRole('timer', { name: 'Simulated time' })
export const lesson = (editor: Editor) => editor.page.getByRole('region', { name: 'Lesson' })
export const events = (editor: Editor) => editor.page.getByLabel('Events processed')

/** Drive frames until the simulated clock reads `text` (a replay is spread over frames). */
export async function clockReaches(editor: Editor, text: string) {
  for (let i = 0; i < 40; i++) {
    if ((await clock(editor).textContent()) === text) break
    await editor.page.clock.runFor(250)
  }
  await expect(clock(editor)).toHaveText(text)
  // the replay is over (the seeking status is gone)
  await expect(runRegion(editor).getByRole('status')).toHaveCount(0)
}
