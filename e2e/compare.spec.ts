import type { Page } from '@playwright/test'
import { TEST_IDS } from '../src/lib/testIds'
import { expect, test } from './fixtures'

/** The compared numbers, by metric and variant: { 'Operations failed': { messages: '0', … } }. */
async function compared(page: Page): Promise<Record<string, Record<string, number>>> {
  const table = page.getByRole('region', { name: 'Compared metrics' }).getByRole('table')
  const heads = (await table.getByRole('columnheader').allTextContents()).slice(1)
  const out: Record<string, Record<string, number>> = {}
  for (const row of await table.getByRole('row').all()) {
    if ((await row.getByRole('rowheader').count()) === 0) continue
    const name = (await row.getByRole('rowheader').textContent())!
    const cells = await row.getByRole('cell').all()
    out[name.trim()] = Object.fromEntries(await Promise.all(cells.map(async (c, i) => [heads[i]!.trim(), Number(await c.getAttribute('data-value'))])))
  }
  return out
}

test('the compare view runs the three order flows side by side on one clock', async ({ page }) => {
  // three engines and three canvases in one page: slow on a loaded 2-core machine
  test.setTimeout(60_000)
  await page.goto('/?view=compare&c=order-flow')
  await expect(page.getByRole('region', { name: /built with synchronous calls/ })).toBeVisible()
  await expect(page.getByRole('region', { name: /built with messages/ })).toBeVisible()
  await expect(page.getByRole('region', { name: /built with events/ })).toBeVisible()
  await expect(page.locator('.react-flow')).toHaveCount(3)
  await page.clock.install()
  await page.getByRole('combobox', { name: 'Fast-forward by' }).selectOption({ label: '10 s' })
  await page.getByRole('button', { name: 'Fast-forward', exact: true }).click()
  await page.clock.runFor(3_000)
  await page.getByRole('button', { name: 'Fast-forward', exact: true }).click()
  await page.clock.runFor(3_000)
  await expect(page.getByRole('timer', { name: 'Simulated time' })).toHaveText('20.000 s')
  // every variant saw the same load; only the synchronous one failed during the outage
  await expect(page.getByRole('region', { name: 'Compared metrics' }).getByRole('columnheader')).toHaveText(['Metric', 'synchronous calls', 'messages', 'events'])
  const n = await compared(page)
  const issued = n['Operations issued']!
  expect(new Set(Object.values(issued)).size).toBe(1)
  expect(n['Operations failed']!['synchronous calls']).toBeGreaterThan(0)
  expect(n['Operations failed']!.messages).toBe(0)
  expect(n['Operations failed']!.events).toBe(0)
  // Run plays all three together
  await page.getByRole('button', { name: 'Run', exact: true }).click()
  await page.clock.runFor(1_000)
  // a fast-forward while playing: all of them get there before any plays on
  await page.getByRole('button', { name: 'Fast-forward', exact: true }).click()
  await page.clock.runFor(3_000)
  await page.getByRole('button', { name: 'Pause', exact: true }).click()
  const later = await compared(page)
  expect(later['Operations issued']!.messages).toBeGreaterThan(issued.messages!)
  expect(new Set(Object.values(later['Operations issued']!)).size).toBe(1)
})

test('each side keeps its diagram framed once the run and its numbers have arrived', async ({ page }) => {
  test.setTimeout(60_000)
  await page.goto('/?view=compare&c=order-flow')
  await expect(page.getByRole('region', { name: 'Compared metrics' })).toBeVisible()
  await page.getByRole('button', { name: 'Run', exact: true }).click()
  // the metrics under the columns shrink them, and the nodes grow with their live state
  await expect
    .poll(async () =>
      page.locator('.compare__column .react-flow').evaluateAll((flows) =>
        flows.map((flow) => {
          const pane = flow.getBoundingClientRect()
          const boxes = [...flow.querySelectorAll('.react-flow__node')].map((n) => n.getBoundingClientRect())
          const top = Math.min(...boxes.map((b) => b.top)) - pane.top
          const bottom = pane.bottom - Math.max(...boxes.map((b) => b.bottom))
          const left = Math.min(...boxes.map((b) => b.left)) - pane.left
          const right = pane.right - Math.max(...boxes.map((b) => b.right))
          // inside its pane and centred in it, as fitting the view leaves it (give or take
          // the few px its nodes grew by since)
          return Math.min(top, bottom, left, right) >= 0 && Math.abs(top - bottom) <= 16 && Math.abs(left - right) <= 16
        }),
      ),
    )
    .toEqual([true, true, true])
})

test('one fault reaches every design: crash Payment and see each design meet the same outage', async ({ page }) => {
  test.setTimeout(60_000)
  await page.goto('/?view=compare&c=order-flow')
  await expect(page.getByRole('region', { name: 'Compared metrics' })).toBeVisible()
  await page.getByRole('button', { name: 'Run', exact: true }).click()
  // a button that says whether its panel is open, as a screen reader announces it
  const opener = page.getByRole('button', { name: 'Faults in every design' })
  await expect(opener).toHaveAttribute('aria-expanded', 'false')
  await opener.click()
  await expect(opener).toHaveAttribute('aria-expanded', 'true')
  await page.getByLabel('Service', { exact: true }).selectOption('Payment')
  await page.getByRole('group', { name: 'Faults for Payment in every design' }).getByRole('button', { name: 'Crash Payment' }).click()
  for (const design of [/built with synchronous calls/, /built with messages/, /built with events/]) {
    const payment = page.getByRole('region', { name: design }).locator('.react-flow__node').filter({ has: page.getByText('Payment', { exact: true }) })
    await expect(payment.getByTestId(TEST_IDS.nodeLive)).toHaveAttribute('aria-label', /0 of 1 replicas up/)
  }
  // like a menu, it folds away once a fault is chosen; opened again, it offers what can
  // happen now: Payment is down everywhere, so Restart and no Crash
  const choices = page.getByRole('group', { name: 'Faults for Payment in every design' })
  await expect(choices).toBeHidden()
  await expect(opener).toHaveAttribute('aria-expanded', 'false')
  await expect(opener).toBeFocused()
  await opener.click()
  await expect(choices.getByRole('button', { name: 'Restart Payment' })).toBeVisible()
  await expect(choices.getByRole('button', { name: 'Crash Payment' })).toHaveCount(0)
  // a popover: Escape folds it away and gives focus back to what opened it
  await choices.getByRole('button', { name: 'Restart Payment' }).focus()
  await page.keyboard.press('Escape')
  await expect(choices).toBeHidden()
  await expect(opener).toHaveAttribute('aria-expanded', 'false')
  await expect(opener).toBeFocused()
  // and so does a press outside it
  await opener.click()
  await expect(choices).toBeVisible()
  await page.getByText('The same shop, load and Payment outage').click()
  await expect(choices).toBeHidden()
  await expect(opener).toHaveAttribute('aria-expanded', 'false')
  // the synchronous design fails, the others keep succeeding: the numbers stay in their columns
  await expect(page.getByRole('rowheader', { name: 'Failed: 503 no replica up' })).toBeVisible({ timeout: 20_000 })
  // read at one instant: paused
  await page.getByRole('button', { name: 'Pause', exact: true }).click()
  const numbers = await compared(page)
  expect(numbers['Failed: 503 no replica up']!['synchronous calls']).toBeGreaterThan(0)
  expect(numbers['Failed: 503 no replica up']).toMatchObject({ messages: 0, events: 0 })
  expect(numbers['Operations failed']).toMatchObject({ messages: 0, events: 0 })
  // rows only the synchronous design has do not shift the others' numbers
  expect(numbers['Success rate']).toMatchObject({ messages: 1, events: 1 })
})

test('the compare timeline shows every design’s faults as diamonds, and going to one moves every design there', async ({ page }) => {
  test.setTimeout(60_000)
  await page.goto('/?view=compare&c=order-flow')
  await expect(page.getByRole('region', { name: 'Compared metrics' })).toBeVisible()
  const run = page.getByRole('region', { name: 'Run' })
  // the comparison's own outage, which all three designs have: one diamond, not three
  const outage = run.getByRole('button', { name: 'Fault at 10.000 s: Crash Payment, in every design' })
  await expect(outage).toHaveCount(1)
  // a fault added to every design here is drawn too
  await page.getByRole('button', { name: 'Faults in every design' }).click()
  await page.getByLabel('Service', { exact: true }).selectOption('Stock')
  await page.getByRole('group', { name: 'Faults for Stock in every design' }).getByRole('button', { name: 'Crash Stock' }).click()
  await expect(run.getByRole('button', { name: /^Fault at 0\.\d+ s: Crash Stock, in every design$/ })).toHaveCount(1)
  // pressing a diamond says what it is and goes there, for all the designs at once
  await outage.click()
  const popover = page.getByRole('dialog', { name: 'Fault at 10.000 s' })
  await expect(popover).toContainText('At 10.000 s: Crash Payment')
  // read-only: the designs' faults are looked at and gone to, not removed
  await expect(popover.getByRole('button', { name: 'Remove this fault' })).toHaveCount(0)
  await popover.getByRole('button', { name: 'Go to this instant' }).click()
  await expect(page.getByRole('timer', { name: 'Simulated time' })).toHaveText('10.000 s', { timeout: 20_000 })
  for (const design of [/built with synchronous calls/, /built with messages/, /built with events/]) {
    const payment = page.getByRole('region', { name: design }).locator('.react-flow__node').filter({ has: page.getByText('Payment', { exact: true }) })
    await expect(payment.getByTestId(TEST_IDS.nodeLive)).toHaveAttribute('aria-label', /0 of 1 replicas up/)
  }
})

test('in a 1024 × 700 window the designs stack and the run controls stay in view as the page scrolls', async ({ page }) => {
  test.setTimeout(60_000)
  await page.setViewportSize({ width: 1024, height: 700 })
  await page.goto('/?view=compare&c=order-flow')
  const metrics = page.getByRole('region', { name: 'Compared metrics' })
  // with the engine, loaded after the first paint: slow on a loaded machine
  await expect(metrics).toBeVisible({ timeout: 20_000 })
  // down to the last design and the numbers under it
  await metrics.getByRole('table').scrollIntoViewIfNeeded()
  expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(300)
  const play = page.getByRole('button', { name: 'Run', exact: true })
  await expect(play).toBeInViewport()
  await expect(page.getByRole('timer', { name: 'Simulated time' })).toBeInViewport()
  // and nothing covers it: a press reaches it where it is, without scrolling back up
  const box = (await play.boundingBox())!
  expect(await page.evaluate(({ x, y }) => document.elementFromPoint(x, y)?.textContent, { x: box.x + box.width / 2, y: box.y + box.height / 2 })).toBe('Run')
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2)
  await expect(page.getByRole('button', { name: 'Pause', exact: true })).toBeInViewport()
  expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(300)
})

test('an unknown comparison says so', async ({ page }) => {
  await page.goto('/?view=compare&c=nope')
  await expect(page.getByRole('alert').filter({ hasText: 'could not be opened' })).toContainText('There is no comparison “nope”')
})

test('the scenario gallery offers the comparison', async ({ editor, page }) => {
  await editor.open()
  await editor.toolbarButton('Scenarios…').click()
  const link = page.getByRole('link', { name: 'Compare: Placing an order, three ways' })
  await expect(link).toHaveAttribute('href', /\?view=compare&c=order-flow$/)
  await expect(link).toHaveAttribute('target', '_blank')
  // below every scenario card, one button away: it scrolls there and focuses the first comparison
  await expect(link).not.toBeInViewport()
  await page.getByRole('dialog', { name: 'Scenarios' }).getByRole('button', { name: 'Side by side ↓' }).click()
  await expect(link).toBeInViewport()
  await expect(link).toBeFocused()
  // only the list moved: the dialog's heading and search stay in view
  await expect(page.getByRole('heading', { name: 'Scenarios', exact: true })).toBeInViewport()
  await expect(page.getByRole('searchbox', { name: 'Search scenarios' })).toBeInViewport()
})
