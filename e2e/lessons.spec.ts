import { TEST_IDS } from '../src/lib/testIds'
import { test, expect, Editor } from './fixtures'
import { clock, clockReaches, events, lesson, openScenario } from './lessonHelpers'

const live = (editor: Editor, label: string) => editor.node(label).getByTestId(TEST_IDS.nodeLive)
const faults = (editor: Editor) => editor.page.evaluate(() => (window.__wireplay!.document() as { faults?: { at: number; action: string }[] }).faults ?? [])
/** the opacity of a node's React Flow wrapper (dimmed when a lesson step points elsewhere) */
const opacity = (editor: Editor, label: string) => editor.node(label).evaluate((el) => Number(getComputedStyle(el.closest('.react-flow__node')!).opacity))

test('a lesson walks forward, waits for the room’s answer, and Previous shows exactly the earlier run', async ({ editor, page }) => {
  await openScenario(editor, 'backlog-drains')
  await lesson(editor).getByRole('button', { name: 'Start the lesson (5 steps)' }).click()
  await expect(lesson(editor)).toContainText('Step 1 of 5')
  await expect(lesson(editor).getByRole('progressbar', { name: /step 1 of 5/ })).toBeVisible()
  await expect(lesson(editor)).toContainText('The shop sends ten orders a second')
  await clockReaches(editor, '9.000 s')
  const at9 = { queue: await live(editor, 'Orders to fulfil').getAttribute('aria-label'), events: await events(editor).textContent() }
  // step 1 points at the queue and its links; the shop is dimmed, the queue's ends are not
  expect(await opacity(editor, 'Web shop')).toBeLessThan(1)
  expect(await opacity(editor, 'Orders to fulfil')).toBe(1)
  expect(await opacity(editor, 'Fulfilment')).toBe(1)

  await lesson(editor).getByRole('button', { name: 'Next →' }).click()
  await expect(lesson(editor)).toContainText('Step 2 of 5')
  const question = lesson(editor).getByRole('group', { name: 'What happens to the orders while the worker is down?' })
  await expect(question).toContainText('The simulation waits for the room’s answer.')
  // nothing happens until the room has answered
  await page.clock.runFor(2_000)
  await expect(clock(editor)).toHaveText('9.000 s')
  await question.getByRole('button', { name: /The shop’s requests fail/ }).click()
  await expect(question.getByRole('status')).toContainText('Not quite. The answer: They wait in the queue; the shop notices nothing')
  await expect(question.getByRole('status')).toContainText('Orders only needs the broker to accept the message')
  await clockReaches(editor, '20.000 s')
  const at20 = { queue: await live(editor, 'Orders to fulfil').getAttribute('aria-label'), events: await events(editor).textContent() }
  expect(at20.queue).not.toBe(at9.queue)

  await lesson(editor).getByRole('button', { name: 'Next →' }).click()
  await expect(lesson(editor)).toContainText('Step 3 of 5')
  await clockReaches(editor, '30.000 s')

  // back: the same instant, the same numbers, the answer still given
  await lesson(editor).getByRole('button', { name: '← Previous' }).click()
  await expect(lesson(editor)).toContainText('Step 2 of 5')
  await clockReaches(editor, '20.000 s')
  await expect(live(editor, 'Orders to fulfil')).toHaveAttribute('aria-label', at20.queue!)
  await expect(events(editor)).toHaveText(at20.events!)
  await expect(question.getByRole('status')).toBeVisible()
  await lesson(editor).getByRole('button', { name: '← Previous' }).click()
  await clockReaches(editor, '9.000 s')
  await expect(live(editor, 'Orders to fulfil')).toHaveAttribute('aria-label', at9.queue!)
  await expect(events(editor)).toHaveText(at9.events!)
  expect(await faults(editor)).toEqual([
    { at: 10_000, action: 'crash', node: 'fulfilment' },
    { at: 30_000, action: 'restart', node: 'fulfilment' },
  ])

  await lesson(editor).getByRole('button', { name: 'End lesson' }).click()
  await expect(lesson(editor).getByRole('button', { name: 'Start the lesson (5 steps)' })).toBeVisible()
  expect(await opacity(editor, 'Web shop')).toBe(1)
})

test('a step’s fault joins the timeline once the question is answered and leaves it on the way back; arrows step', async ({ editor, page }) => {
  await openScenario(editor, 'sync-call-chain')
  await lesson(editor).getByRole('button', { name: 'Start the lesson (6 steps)' }).click()
  await clockReaches(editor, '5.000 s')
  await editor.clickEmptyCanvas()
  await page.keyboard.press('ArrowRight')
  await expect(lesson(editor)).toContainText('Step 2 of 6')
  await clockReaches(editor, '10.000 s')
  await page.keyboard.press('ArrowRight')
  await expect(lesson(editor)).toContainText('Step 3 of 6')
  expect(await faults(editor)).toEqual([])
  await lesson(editor).getByRole('button', { name: 'Reveal the answer' }).click()
  await expect(lesson(editor).getByRole('status')).toContainText('The answer: Its workers stay busy longer')
  await expect.poll(() => faults(editor)).toEqual([{ at: 10_000, action: 'latency', link: 'orders-db-call', addMs: 200 }])
  await page.keyboard.press('ArrowRight')
  await expect(lesson(editor)).toContainText('Step 4 of 6')
  await clockReaches(editor, '20.000 s')
  await page.keyboard.press('ArrowLeft')
  await page.keyboard.press('ArrowLeft')
  await expect(lesson(editor)).toContainText('Step 2 of 6')
  await clockReaches(editor, '10.000 s')
  expect(await faults(editor)).toEqual([])
})

test('a link to a lesson step stands the run where that step stands, with the faults of the steps before it', async ({ browser }) => {
  const context = await browser.newContext()
  const editor = new Editor(await context.newPage())
  await editor.page.goto('/#s.sync-call-chain.4')
  await expect(lesson(editor)).toContainText('Step 4 of 6')
  await expect(clock(editor)).toHaveText('20.000 s', { timeout: 20_000 })
  expect(await faults(editor)).toEqual([{ at: 10_000, action: 'latency', link: 'orders-db-call', addMs: 200 }])
  await expect(editor.node('API gateway')).toBeVisible()
  expect(await opacity(editor, 'API gateway')).toBe(1)
  expect(await opacity(editor, 'Shoppers')).toBeLessThan(1)
  expect(editor.errors.filter((e) => e.startsWith('pageerror'))).toEqual([])
  await context.close()
})

test('starting the lesson clears the notice of the scenario just opened, which would cover its first step', async ({ page }) => {
  await page.goto('/#s.sync-call-chain')
  const notice = page.getByText(/Opened the scenario “A chain of synchronous calls”/)
  await expect(notice).toBeVisible()
  await page.getByRole('button', { name: 'Start the lesson (6 steps)' }).first().click()
  await expect(notice).toBeHidden()
  await expect(page.getByRole('button', { name: /^Next/ }).first()).toBeVisible()
})
