import { TEST_IDS } from '../src/lib/testIds'
import { test, expect, type Editor } from './fixtures'

/**
 * The fault timeline as a person meets it: what the Faults buttons and the right-click
 * menu offer follows the timeline even before the run has applied it (before Run, after
 * Reset), and the diagram's faults can be seen as a list and removed one or all at once,
 * each an edit of its own that Undo brings back, the run replaying without it.
 */

async function openWithClock(editor: Editor) {
  await editor.open()
  await editor.dismissHint()
  // installed after the app has settled, so only the run's frames are driven by the test
  await editor.page.clock.install()
  await expect(runBar(editor).getByRole('button', { name: 'Run', exact: true })).toBeVisible()
}

const runBar = (editor: Editor) => editor.page.getByRole('region', { name: 'Run' })
const faultButtons = (editor: Editor) => editor.inspector.getByRole('group', { name: 'Faults' }).getByRole('button')
const clock = (editor: Editor) => editor.page.getByRole('timer', { name: 'Simulated time' })
const live = (editor: Editor, label: string) => editor.node(label).getByTestId(TEST_IDS.nodeLive)

async function fastForward(editor: Editor, label: string) {
  await editor.page.getByRole('combobox', { name: 'Fast-forward by' }).selectOption({ label })
  await editor.page.getByRole('button', { name: 'Fast-forward', exact: true }).click()
  await editor.page.clock.runFor(3_000)
}

test('a service the timeline has crashed is offered Restart, not Crash, before Run and after Reset', async ({ editor, page }) => {
  await openWithClock(editor)
  await editor.selectNode('Orders')
  await editor.field('Replicas').fill('2')
  await editor.field('Replicas').press('Tab')
  await editor.inspector.getByRole('button', { name: 'Crash replica 1', exact: true }).click()
  await expect(faultButtons(editor)).toContainText(['Crash Orders', 'Restart Orders', 'Crash replica 2'])
  await expect(faultButtons(editor).filter({ hasText: 'Crash replica 1' })).toHaveCount(0)

  await editor.inspector.getByRole('button', { name: 'Crash Orders', exact: true }).click()
  const afterCrash = ['Restart Orders', 'Raise the error rate to 50 %']
  await expect(faultButtons(editor)).toContainText(afterCrash)
  await expect(faultButtons(editor).filter({ hasText: /^Crash/ })).toHaveCount(0)

  // played past the crash and reset to 0 s: the run has not applied the timeline yet, the choices have
  await fastForward(editor, '10 s')
  await expect(clock(editor)).toHaveText('10.000 s')
  await runBar(editor).getByRole('button', { name: 'Reset', exact: true }).click()
  await expect(clock(editor)).toHaveText('0.000 s')
  await expect(faultButtons(editor)).toContainText(afterCrash)
  await expect(faultButtons(editor).filter({ hasText: /^Crash/ })).toHaveCount(0)

  // the right-click menu says the same
  await editor.node('Orders').locator('.wire-node__kind').click({ button: 'right' })
  const menu = page.getByRole('menu', { name: 'Faults for Orders' })
  await expect(menu.getByRole('menuitem', { name: 'Restart Orders' })).toBeVisible()
  await expect(menu.getByRole('menuitem', { name: /^Crash/ })).toHaveCount(0)
  await page.keyboard.press('Escape')
  await expect(menu).toHaveCount(0)

  // and so does a fresh page that has not pressed Run
  await editor.waitForAutosave()
  await editor.reload()
  await editor.selectNode('Orders')
  await expect(faultButtons(editor)).toContainText(afterCrash)
  await expect(faultButtons(editor).filter({ hasText: /^Crash/ })).toHaveCount(0)
})

test('the diagram’s faults are listed and removed one or all at once, without undoing other edits', async ({ editor, page }) => {
  await openWithClock(editor)
  await editor.selectNode('Orders')
  await editor.inspector.getByRole('button', { name: 'Crash Orders', exact: true }).click()
  await fastForward(editor, '10 s')
  await expect(live(editor, 'Orders')).toHaveAttribute('aria-label', /0 of 1 replicas up/)
  await editor.inspector.getByRole('button', { name: 'Raise the error rate to 50 %', exact: true }).click()
  await expect(clock(editor)).toHaveText('10.001 s')
  // an edit after the faults, which removing them must keep
  await editor.field('Workers per replica').fill('6')
  await editor.field('Workers per replica').press('Tab')
  await fastForward(editor, '10 s')
  await expect(clock(editor)).toHaveText('10.000 s')
  const settingsKept = async () => expect((await editor.docNode('Orders')).settings).toMatchObject({ workers: 6 })

  // a diamond on the timeline says what it stands for; from the keyboard, and Escape gives focus back
  const diamond = runBar(editor).getByRole('button', { name: /^Fault at 0\.000 s: Crash Orders/ })
  await diamond.focus()
  await page.keyboard.press('Enter')
  const popover = page.getByRole('dialog', { name: 'Fault at 0.000 s' })
  await expect(popover).toContainText('At 0.000 s: Crash Orders')
  await expect(popover.getByRole('button', { name: 'Go to this instant' })).toBeFocused()
  await page.keyboard.press('Escape')
  await expect(popover).toHaveCount(0)
  await expect(diamond).toBeFocused()

  // the list names both; removing the crash leaves the rest, and the run replays without it
  await runBar(editor).getByRole('button', { name: 'Faults (2)' }).click()
  const list = page.getByRole('dialog', { name: 'Faults on the timeline' })
  await expect(list.getByRole('listitem')).toHaveText([/0\.000 s\s*Crash Orders/, /10\.001 s\s*Set the error rate of Orders to 50 %/])
  await list.getByRole('button', { name: 'Remove the fault at 0.000 s: Crash Orders' }).click()
  await expect(list.getByRole('listitem')).toHaveCount(1)
  // focus stays in the list, on what took the removed row's place
  await expect(list.getByRole('button', { name: /^Remove the fault at 10\.001 s/ })).toBeFocused()
  await expect(runBar(editor).getByRole('button', { name: 'Faults (1)' })).toBeVisible()
  expect((await editor.document()) as unknown).toMatchObject({ faults: [{ at: 10_001, action: 'errorRate', node: 'service-1', errorRate: 50 }] })
  await settingsKept()
  await page.clock.runFor(1_000)
  await expect(clock(editor)).toHaveText('10.000 s')
  await expect(live(editor, 'Orders')).toHaveAttribute('aria-label', /1 of 1 replicas up/)
  await expect(diamond).toHaveCount(0)

  // Undo brings the crash back, and only the crash
  await page.keyboard.press('Escape')
  await editor.toolbarButton('Undo').click()
  await expect(runBar(editor).getByRole('button', { name: 'Faults (2)' })).toBeVisible()
  await settingsKept()
  await page.clock.runFor(1_000)
  await expect(live(editor, 'Orders')).toHaveAttribute('aria-label', /0 of 1 replicas up/)

  // the popover removes one; Remove all takes the rest
  await diamond.click()
  await popover.getByRole('button', { name: 'Remove this fault' }).click()
  await expect(diamond).toHaveCount(0)
  await runBar(editor).getByRole('button', { name: 'Faults (1)' }).click()
  await expect(list.getByRole('listitem')).toHaveText([/Set the error rate of Orders to 50 %/])
  // pressing Undo outside the list closes it; Undo brings the fault back
  await editor.toolbarButton('Undo').click()
  await expect(list).toHaveCount(0)
  await runBar(editor).getByRole('button', { name: 'Faults (2)' }).click()
  await expect(list.getByRole('listitem')).toHaveCount(2)
  await list.getByRole('button', { name: 'Remove all' }).click()
  await expect(list).toContainText('No faults yet.')
  await expect(editor.notice).toContainText('Removed 2 faults from the timeline. Undo brings them back.')
  expect(await editor.document()).not.toHaveProperty('faults')
  await settingsKept()
  await expect(runBar(editor).getByRole('button', { name: 'Faults (0)' })).toBeVisible()
})
