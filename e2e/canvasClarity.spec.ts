import type { Page } from '@playwright/test'
import { test, expect, type Editor } from './fixtures'
import { TEST_IDS } from '../src/lib/testIds'
import { SCENARIOS } from '../src/scenarios/library'

/**
 * What the canvas shows must not hide itself: the open legend covers no node, names are
 * not cut off, a topic's backlog says what it counts, and text drawn over the canvas
 * (packet labels, count pills) never lands on a node's name or badges.
 */

type Box = { x0: number; y0: number; x1: number; y1: number }
const meet = (a: Box, b: Box) => a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1

/** Every node's box on screen (client px). */
const nodeBoxes = (page: Page) =>
  page.locator('.react-flow__node').evaluateAll((els) =>
    els.map((e) => {
      const r = e.getBoundingClientRect()
      return { x0: r.left, y0: r.top, x1: r.right, y1: r.bottom, label: e.querySelector('.wire-node__label')?.textContent ?? '' }
    }),
  )

const transform = (page: Page) => page.locator('.react-flow__viewport').evaluate((el) => (el as HTMLElement).style.transform)

/** Open a built-in scenario: by its link on a fresh page, as the gallery does after that. */
async function openScenario(editor: Editor, id: string) {
  const opened = await editor.page.evaluate((s) => window.__wireplay?.openScenario?.(s) ?? null, id)
  if (opened === null) await editor.page.goto(`/#s.${id}`)
  else expect(opened, `scenario ${id} opened`).toBe(true)
  await editor.ready()
  await editor.settle(400)
}

/** Simulate ahead by one of the run bar's fast-forward steps. */
async function fastForward(page: Page, label = '10 s') {
  await page.getByRole('combobox', { name: 'Fast-forward by' }).selectOption({ label })
  await page.getByRole('button', { name: 'Fast-forward', exact: true }).click()
}

test.describe('the legend', () => {
  test.use({ viewport: { width: 1024, height: 700 } })

  test('opening it moves the view so that it covers no node; closing it moves the view back', async ({ editor, page }) => {
    await openScenario(editor, 'event-fan-out')
    const fitted = await transform(page)
    const summary = page.getByText('Legend: links and packets')
    await summary.click()
    const explain = page.getByRole('button', { name: 'What do these mean?' })
    await expect(explain).toBeVisible()
    await editor.settle(400)
    // at this size the open legend would sit on the diagram's left half: the view moved
    expect(await transform(page)).not.toBe(fitted)
    const legend = await page.locator('.legend').evaluate((e) => {
      const r = e.getBoundingClientRect()
      return { x0: r.left, y0: r.top, x1: r.right, y1: r.bottom }
    })
    const pane = await editor.canvas.evaluate((e) => {
      const r = e.getBoundingClientRect()
      return { x0: r.left, y0: r.top, x1: r.right, y1: r.bottom }
    })
    for (const n of await nodeBoxes(page)) {
      expect(meet(n, legend), `${n.label} is under the legend`).toBe(false)
      expect(n.x0 >= pane.x0 && n.x1 <= pane.x1 && n.y0 >= pane.y0 && n.y1 <= pane.y1, `${n.label} is in view`).toBe(true)
    }
    // folded from its summary: the view goes back to where it was
    await summary.click()
    await expect(explain).toBeHidden()
    await editor.settle(400)
    expect(await transform(page)).toBe(fitted)
  })

  test('it folds away when the person presses on the diagram, and with Escape', async ({ editor, page }) => {
    await openScenario(editor, 'backlog-drains')
    const summary = page.getByText('Legend: links and packets')
    const explain = page.getByRole('button', { name: 'What do these mean?' })
    await summary.click()
    await expect(explain).toBeVisible()
    // pressing inside the legend keeps it open
    await page.getByRole('list', { name: 'Packet kinds' }).click()
    await expect(explain).toBeVisible()
    await editor.node('Orders').click()
    await expect(explain).toBeHidden()
    // and Escape, from inside it, folds it and leaves focus on its summary
    await summary.click()
    await expect(explain).toBeVisible()
    await explain.focus()
    await page.keyboard.press('Escape')
    await expect(explain).toBeHidden()
    await expect(page.locator('.legend summary').first()).toBeFocused()
  })
})

test('names are shown whole (on two lines at most), and no node overlaps another, in every shipped scenario while it runs', async ({ editor, page }) => {
  test.setTimeout(90_000)
  for (const s of SCENARIOS) {
    await openScenario(editor, s.id)
    await fastForward(page)
    await expect(page.getByRole('timer', { name: 'Simulated time' })).toHaveText('10.000 s')
    await expect(page.getByTestId(TEST_IDS.nodeLive).first()).toBeVisible()
    const labels = await page.locator('.wire-node__label').evaluateAll((els) =>
      els.map((e) => ({ text: e.textContent, cut: e.scrollHeight > e.clientHeight + 1 || e.scrollWidth > e.clientWidth + 1 })),
    )
    for (const l of labels) expect(l.cut, `"${l.text}" is cut off in ${s.id}`).toBe(false)
    const boxes = await nodeBoxes(page)
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) expect(meet(boxes[i]!, boxes[j]!), `${boxes[i]!.label} overlaps ${boxes[j]!.label} in ${s.id}`).toBe(false)
    }
  }
})

test('a queue’s and a topic’s backlog say what they count, per subscription for a topic', async ({ editor, page }) => {
  await openScenario(editor, 'event-fan-out')
  await fastForward(page)
  const topic = editor.node('Order events').getByTestId(TEST_IDS.nodeLive)
  for (const name of ['Email', 'Warehouse', 'Analytics']) await expect(topic).toContainText(new RegExp(`→ ${name}\\s*\\d+ waiting`))
  await expect(topic).toHaveAttribute('title', /Waiting: held for the subscriber, not yet acknowledged/)
  await openScenario(editor, 'backlog-drains')
  await fastForward(page)
  await expect(editor.node('Orders to fulfil').getByTestId(TEST_IDS.nodeLive)).toContainText(/^\d+ waiting/)
})

test('packet labels and count pills are drawn beside the nodes, never over them', async ({ editor, page }) => {
  await openScenario(editor, 'order-flow-messages')
  // slow links and a busy shop: many packets in flight near the nodes, bands on the busy links
  await page.evaluate(() => {
    const d = window.__wireplay!.document() as { nodes: { kind: string; settings?: object }[]; links: { settings?: object }[] }
    for (const l of d.links) l.settings = { ...l.settings, latencyMs: 120 }
    for (const n of d.nodes) if (n.kind === 'client') n.settings = { ...n.settings, rate: 200 }
    window.__wireplay!.load(d)
  })
  await editor.toolbarButton('Fit view').click()
  await editor.settle(450)
  await page.clock.install()
  await fastForward(page, '1 s')
  await expect(page.getByRole('timer', { name: 'Simulated time' })).toHaveText('1.000 s')
  const run = page.getByRole('region', { name: 'Run' })
  await run.getByRole('button', { name: 'Run', exact: true }).click()
  type Stats = { drawn: number; bands: number; text: Box[] }
  const stats = () => page.locator('canvas.packet-layer').evaluate((c) => (c as unknown as { packetStats(): Stats }).packetStats())
  let seen = 0
  for (let i = 0; i < 12; i++) {
    await page.clock.runFor(37)
    const s = await stats()
    const nodes = await nodeBoxes(page)
    for (const t of s.text) {
      seen++
      for (const n of nodes) expect(meet(t, n), `text drawn over ${n.label}`).toBe(false)
    }
  }
  // the check above saw text: labels are drawn at this zoom, and pills on the banded links
  expect(seen).toBeGreaterThan(10)
})

test('a drag that starts on a link’s badge pans the canvas; a click on the badge selects the link', async ({ editor, page }) => {
  await openScenario(editor, 'sync-call-chain')
  const description = 'Synchronous HTTP from API gateway to Orders'
  const badge = editor.link(description).getByTestId(TEST_IDS.linkBadge)
  const translate = async () => {
    const m = /translate\(([-\d.]+)px, ([-\d.]+)px\)/.exec(await transform(page))
    return { x: Number(m![1]), y: Number(m![2]) }
  }
  const before = await translate()
  const box = (await badge.boundingBox())!
  const from = { x: box.x + box.width / 2, y: box.y + box.height / 2 }
  await editor.mouseDrag(from, { x: from.x + 120, y: from.y + 70 })
  await editor.settle()
  // the view followed the pointer, as from the empty pane
  const after = await translate()
  expect(Math.abs(after.x - before.x - 120)).toBeLessThan(2)
  expect(Math.abs(after.y - before.y - 70)).toBeLessThan(2)
  // a pan is not a click: the link is not selected
  await expect(editor.inspector.getByRole('heading', { name: description })).toHaveCount(0)
  // a click on the badge, where it now is, selects its link
  const moved = (await badge.boundingBox())!
  await page.mouse.click(moved.x + moved.width / 2, moved.y + moved.height / 2)
  await expect(editor.inspector.getByRole('heading', { name: description })).toBeVisible()
  expect(await translate()).toEqual(after)
})

test('packet labels on short links are drawn clear of the links’ badges', async ({ editor, page }) => {
  await openScenario(editor, 'sync-call-chain')
  // slow links, so that packets linger under the badges; one badge made long by a fault
  await page.evaluate(() => {
    const d = window.__wireplay!.document() as { links: { id: string; settings?: object }[]; faults?: object[] }
    for (const l of d.links) l.settings = { ...l.settings, latencyMs: 150 }
    d.faults = [{ at: 0, action: 'latency', link: d.links[1]!.id, addMs: 200 }]
    window.__wireplay!.load(d)
  })
  await editor.toolbarButton('Fit view').click()
  await editor.settle(450)
  // near enough for packet labels (fitted, this window shows the chain at about 0.7)
  await page.getByRole('button', { name: 'Zoom In' }).click()
  await page.getByRole('button', { name: 'Zoom In' }).click()
  await editor.settle(450)
  expect(await editor.zoom()).toBeGreaterThan(0.9)
  await page.clock.install()
  await fastForward(page, '1 s')
  await expect(page.getByRole('timer', { name: 'Simulated time' })).toHaveText('1.000 s')
  await expect(editor.linkBadges.filter({ hasText: '+200 ms' })).toHaveCount(1)
  await page.getByRole('region', { name: 'Run' }).getByRole('button', { name: 'Run', exact: true }).click()
  // the badges as drawn: a shortened one is two texts, of which only one shows
  const badges = await page.locator('.wire-edge__badge').evaluateAll((els) =>
    els.filter((e) => getComputedStyle(e).opacity !== '0').map((e) => {
      const r = e.getBoundingClientRect()
      return { x0: r.left, y0: r.top, x1: r.right, y1: r.bottom, text: e.textContent ?? '' }
    }),
  )
  expect(badges).toHaveLength(3)
  type Stats = { text: Box[] }
  const stats = () => page.locator('canvas.packet-layer').evaluate((c) => (c as unknown as { packetStats(): Stats }).packetStats())
  let seen = 0
  for (let i = 0; i < 16; i++) {
    await page.clock.runFor(41)
    for (const t of (await stats()).text) {
      seen++
      for (const b of badges) expect(meet(t, b), `a packet label covers the badge "${b.text}"`).toBe(false)
    }
  }
  expect(seen).toBeGreaterThan(10)
})
