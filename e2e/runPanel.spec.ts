import { parseDocument } from '../src/share/document'
import { STARTER_DOCUMENT } from '../src/scenarios/starter'
import { createSimulation } from '../src/sim/index'
import { test, expect, type Editor, type WireDoc } from './fixtures'

/**
 * The panel under the canvas (metrics, event log, trace) during a live run, with the
 * page's clock under the test's control: no real waiting.
 */
async function openWithClock(editor: Editor, doc?: WireDoc) {
  await editor.open(doc ? { doc } : {})
  await editor.dismissHint()
  await editor.page.clock.install()
  await expect(runBar(editor).getByRole('button', { name: 'Run', exact: true })).toBeVisible()
  // an 800-pixel window starts with the panel hidden, leaving the canvas its room
  await expect(panel(editor).getByRole('tabpanel')).toHaveCount(0)
  await panel(editor).getByRole('button', { name: 'Show panel' }).click()
  await expect(panel(editor).getByRole('tabpanel')).toBeVisible()
}

const runBar = (editor: Editor) => editor.page.getByRole('region', { name: 'Run', exact: true })
const panel = (editor: Editor) => editor.page.getByRole('region', { name: 'Metrics, log and trace' })
const tab = (editor: Editor, name: string) => panel(editor).getByRole('tab', { name, exact: false })
/** A number of a table in the Metrics tab, exact (as the engine gave it). */
async function figure(editor: Editor, table: string, row: string): Promise<number> {
  const cell = panel(editor).getByRole('table', { name: table }).getByRole('row', { name: new RegExp(`^${row}\\b`) }).getByRole('cell')
  return Number(await cell.getAttribute('data-value'))
}
async function shownTime(editor: Editor): Promise<number> {
  return Number(await panel(editor).locator('.run-metrics__at [data-value]').getAttribute('data-value'))
}

function headless(t: number) {
  const r = parseDocument(STARTER_DOCUMENT)
  if (!r.ok) throw new Error('starter does not parse')
  const sim = createSimulation({ diagram: r.value, seed: r.value.seed ?? 1, faults: r.value.faults ?? [] })
  sim.runUntil(t)
  return sim.metrics()
}

test('the numbers shown after Pause and after Step are the engine’s at that instant', async ({ editor, page }) => {
  await openWithClock(editor)
  await expect(tab(editor, 'Metrics')).toHaveAttribute('aria-selected', 'true')
  await runBar(editor).getByRole('button', { name: 'Run', exact: true }).click()
  await page.clock.runFor(3_000)
  await runBar(editor).getByRole('button', { name: 'Pause', exact: true }).click()
  const t = await shownTime(editor)
  expect(t).toBeGreaterThan(0)
  const m = headless(t)
  expect(await figure(editor, 'Whole system', 'Operations issued')).toBe(m.totals.operations.issued)
  expect(await figure(editor, 'Whole system', 'Operations succeeded')).toBe(m.totals.operations.succeeded)
  expect(await figure(editor, 'Whole system', 'Operations failed')).toBe(m.totals.operations.failed)
  expect(await figure(editor, 'Whole system', 'Latency p95')).toBe(m.clients[0]!.latency.p95)
  expect(m.totals.operations.issued).toBeGreaterThan(5)

  // Step: shown at once, no refresh interval to wait for
  for (let i = 0; i < 5; i++) await runBar(editor).getByRole('button', { name: 'Step', exact: true }).click()
  await expect.poll(() => shownTime(editor)).toBeGreaterThan(t)
  const after = headless(await shownTime(editor))
  expect(await figure(editor, 'Whole system', 'Operations in flight')).toBe(after.totals.operations.inFlight)

  // a selected node gets its own table and charts
  await editor.selectNode('Shipping')
  await expect(panel(editor).getByRole('table', { name: 'Shipping' })).toBeVisible()
  const shipping = after.servers.find((s) => s.label === 'Shipping')!
  expect(await figure(editor, 'Shipping', 'Requests arrived')).toBe(shipping.arrivals)
  await expect(panel(editor).getByRole('group', { name: 'Charts: Shipping' })).toBeVisible()
  await expect(panel(editor).locator('.run-chart canvas')).toHaveCount(4)
})

test('the event log filters, and a line traces its request in a sequence diagram and a state machine', async ({ editor, page }) => {
  await openWithClock(editor)
  await runBar(editor).getByRole('button', { name: 'Run', exact: true }).click()
  await page.clock.runFor(2_000)
  await runBar(editor).getByRole('button', { name: 'Pause', exact: true }).click()
  await tab(editor, 'Event log').click()
  const log = panel(editor).getByRole('log', { name: 'Event log' })
  const lines = log.getByRole('listitem')
  await expect(lines.first()).toBeVisible()
  await expect(lines.first()).toHaveText(/^\d+\.\d{3} s/)

  await panel(editor).getByLabel('Pattern', { exact: true }).selectOption({ label: 'Message (queue)' })
  await expect(lines.first()).toBeVisible()
  for (const text of await lines.allTextContents()) expect(text).toMatch(/Shipping jobs/)
  await panel(editor).getByLabel('Node', { exact: true }).selectOption({ label: 'Reports' })
  await expect(log).toContainText('No line matches the filter.')
  await panel(editor).getByLabel('Node', { exact: true }).selectOption({ label: 'All nodes' })
  await panel(editor).getByLabel('Pattern', { exact: true }).selectOption({ label: 'Synchronous HTTP' })

  // keyboard: the last line is the list's tab stop; Enter traces it
  const request = lines.filter({ hasText: 'POST, waiting for the reply' }).last()
  await request.focus()
  await page.keyboard.press('Enter')
  await expect(request).toHaveAttribute('aria-current', 'true')
  await tab(editor, 'Trace').click()
  const trace = panel(editor).getByRole('tabpanel')
  await expect(trace.getByRole('heading', { name: /^Operation \d+$/ })).toBeVisible()
  const hops = trace.getByRole('list', { name: 'Hops of the traced request' }).getByRole('listitem')
  await expect(hops.first()).toContainText('Web shop → Orders, request')
  await expect(trace.getByRole('heading', { name: 'Synchronous call (with retries)' })).toBeVisible()
  const machine = trace.getByRole('img', { name: /^Synchronous call/ })
  await expect(machine).toHaveAttribute('data-current', /^(waiting|succeeded)$/)
  await expect(trace).toContainText(/Now: (waiting|succeeded)\./)
  await trace.getByRole('button', { name: 'Stop tracing' }).click()
  await expect(trace).toContainText('Click a moving packet or a log line')
})

/** Orders a second; Worker 1 takes 1 s for each with one worker and the queue waits only
 * 0.8 s for its ack: every delivery times out, and the messages pile up in the queue. */
const SLOW_CONSUMER: WireDoc = {
  wireplay: 1,
  nodes: [
    { id: 'shop', kind: 'client', label: 'Web shop', x: 40, y: 190, settings: { rate: 2, arrivals: 'uniform' } },
    { id: 'orders', kind: 'queue', label: 'Orders queue', x: 320, y: 190, settings: { ackTimeoutMs: 800 } },
    { id: 'worker', kind: 'service', label: 'Worker 1', x: 600, y: 190, settings: { workers: 1, timeDist: 'constant', timeMs: 1000 } },
  ],
  links: [
    { id: 'shop-orders', source: 'shop', target: 'orders', kind: 'message' },
    { id: 'orders-worker', source: 'orders', target: 'worker', kind: 'message' },
  ],
}

test('an ack timeout has its own log line under Timeouts, and its trace shows the timeout and the time the message waited in the queue', async ({ editor, page }) => {
  await openWithClock(editor, SLOW_CONSUMER)
  await runBar(editor).getByRole('button', { name: 'Run', exact: true }).click()
  await page.clock.runFor(6_000)
  await runBar(editor).getByRole('button', { name: 'Pause', exact: true }).click()
  await tab(editor, 'Event log').click()
  const log = panel(editor).getByRole('log', { name: 'Event log' })
  await panel(editor).getByLabel('Outcome', { exact: true }).selectOption({ label: 'Timeouts' })
  const lines = log.getByRole('listitem')
  await expect(lines.first()).toBeVisible()
  for (const text of await lines.allTextContents()) {
    expect(text).toMatch(/Orders queue: ack timeout: Worker 1 did not acknowledge message \d+ within 800 ms; (back in the queue for redelivery|no delivery left \(\d+ made\))$/)
  }

  // the message that was redelivered: its trace has the ack timeout, and its wait in the queue before the redelivery
  await lines.filter({ hasText: 'back in the queue for redelivery' }).first().click()
  await tab(editor, 'Trace').click()
  const trace = panel(editor).getByRole('tabpanel')
  const hops = trace.getByRole('list', { name: 'Hops of the traced request' }).getByRole('listitem')
  // (the list is the diagram's words for screen readers: present, not visible)
  await expect(hops.filter({ hasText: 'Orders queue stops waiting for the ack of Worker 1, ack timeout (800 ms)' }).first()).toBeAttached()
  await expect(hops.filter({ hasText: /waited [\d.]+ m?s in Orders queue before its delivery|waiting in Orders queue, [\d.]+ m?s so far/ }).first()).toBeAttached()
  await expect(trace.locator("svg.run-seq__svg")).toContainText(/waited [\d.]+ m?s in Orders queue|waiting in Orders queue/)
  await expect(trace.getByRole('heading', { name: 'Message delivery (queue)' })).toBeVisible()
})

test('tabs move with the arrow keys, and the panel hides and shows', async ({ editor }) => {
  await openWithClock(editor)
  await tab(editor, 'Metrics').focus()
  await editor.page.keyboard.press('ArrowRight')
  await expect(tab(editor, 'Event log')).toBeFocused()
  await expect(tab(editor, 'Event log')).toHaveAttribute('aria-selected', 'true')
  await editor.page.keyboard.press('End')
  await expect(tab(editor, 'Trace')).toHaveAttribute('aria-selected', 'true')
  await editor.page.keyboard.press('ArrowRight')
  await expect(tab(editor, 'Metrics')).toHaveAttribute('aria-selected', 'true')
  const hide = panel(editor).getByRole('button', { name: 'Hide panel' })
  await expect(hide).toHaveAttribute('aria-expanded', 'true')
  await hide.click()
  await expect(panel(editor).getByRole('tabpanel')).toHaveCount(0)
  await panel(editor).getByRole('button', { name: 'Show panel' }).click()
  await expect(panel(editor).getByRole('tabpanel')).toBeVisible()
})

test('after a long run, the charts’ readouts say the time in minutes, as their axes do', async ({ editor, page }) => {
  await openWithClock(editor)
  await page.getByRole('combobox', { name: 'Fast-forward by' }).selectOption({ label: '10 min' })
  await page.getByRole('button', { name: 'Fast-forward', exact: true }).click()
  await page.clock.runFor(3_000)
  await expect(editor.page.getByRole('timer', { name: 'Simulated time' })).toHaveText('10:00.000')
  const readouts = panel(editor).locator('.run-chart__readout')
  await expect(readouts).toHaveCount(4)
  // the latest point, 10 minutes in: "10 min: …", not "600 s: …"
  for (const readout of await readouts.all()) await expect(readout).toHaveText(/^10 min: \S/)
})
