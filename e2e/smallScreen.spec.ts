import type { Locator, Page } from '@playwright/test'
import { test, expect, type Editor, type WireDoc } from './fixtures'
import { TEST_IDS } from '../src/lib/testIds'

/**
 * A 1024 × 700 window, a small laptop's: the toolbar, the run bar, the lesson chip and the
 * open legend each keep a place of their own, every control is in the window, and a link's
 * badge leaves its line and arrowhead in view even when the link is short.
 */
test.use({ viewport: { width: 1024, height: 700 } })

type Box = { x0: number; y0: number; x1: number; y1: number }
const meet = (a: Box, b: Box) => a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1
const inside = (a: Box, b: Box) => a.x0 >= b.x0 - 0.5 && a.x1 <= b.x1 + 0.5 && a.y0 >= b.y0 - 0.5 && a.y1 <= b.y1 + 0.5
const WINDOW: Box = { x0: 0, y0: 0, x1: 1024, y1: 700 }

async function boxOf(locator: Locator): Promise<Box> {
  await expect(locator).toBeVisible()
  return locator.evaluate((e) => {
    const r = e.getBoundingClientRect()
    return { x0: r.left, y0: r.top, x1: r.right, y1: r.bottom }
  })
}

/** Open a built-in scenario: by its link on a fresh page, as the gallery does after that. */
async function openScenario(editor: Editor, id: string) {
  await editor.page.goto(`/#s.${id}`)
  await editor.ready()
  await editor.settle(400)
}

/** The toolbar, the run bar, the lesson chip and the open legend: no two meet. */
async function expectApart(page: Page) {
  const parts: Record<string, Box> = {
    toolbar: await boxOf(page.getByRole('banner')),
    'run bar': await boxOf(page.getByRole('region', { name: 'Run' })),
    'lesson button': await boxOf(page.getByRole('region', { name: 'Lesson' }).getByRole('button', { name: /^Start the lesson/ })),
    legend: await boxOf(page.locator('.react-flow__panel.legend')),
  }
  const names = Object.keys(parts)
  for (let i = 0; i < names.length; i++) {
    for (let j = i + 1; j < names.length; j++) expect(meet(parts[names[i]!]!, parts[names[j]!]!), `${names[i]} meets ${names[j]}`).toBe(false)
  }
}

test('the bars, the lesson button and the open legend keep apart, and every control is in the window', async ({ editor, page }) => {
  await openScenario(editor, 'sync-call-chain')
  await page.getByText('Legend: links and packets').click()
  await expect(page.getByRole('button', { name: 'What do these mean?' })).toBeVisible()
  await editor.settle(400)
  await expectApart(page)

  // every button of the toolbar, whole and in the window
  const toolbar = page.getByRole('banner')
  for (const button of await toolbar.getByRole('button').all()) expect(inside(await boxOf(button), WINDOW), `${await button.getAttribute('title')} is in the window`).toBe(true)

  // the run bar: two lines, each control whole inside it
  const run = page.getByRole('region', { name: 'Run' })
  const bar = await boxOf(run)
  const controls = {
    Run: run.getByRole('button', { name: 'Run', exact: true }),
    Step: run.getByRole('button', { name: 'Step', exact: true }),
    Reset: run.getByRole('button', { name: 'Reset', exact: true }),
    clock: run.getByRole('timer', { name: 'Simulated time' }),
    Speed: run.getByRole('combobox', { name: 'Speed' }),
    'Fast-forward': run.getByRole('button', { name: 'Fast-forward', exact: true }),
    'Fast-forward by': run.getByRole('combobox', { name: 'Fast-forward by' }),
    Timeline: run.getByRole('slider', { name: 'Timeline' }),
    Seed: run.getByRole('textbox', { name: 'Seed' }),
  }
  const boxes: Record<string, Box> = {}
  for (const [name, control] of Object.entries(controls)) {
    boxes[name] = await boxOf(control)
    expect(inside(boxes[name]!, bar), `${name} is inside the run bar`).toBe(true)
  }
  const middle = (b: Box) => (b.y0 + b.y1) / 2
  // the controls on the first line, the timeline and the seed on the second
  for (const name of ['Step', 'Reset', 'Speed', 'Fast-forward', 'Fast-forward by']) expect(Math.abs(middle(boxes[name]!) - middle(boxes.Run!)), `${name} is on the Run button's line`).toBeLessThan(6)
  expect(Math.abs(middle(boxes.Seed!) - middle(boxes.Timeline!)), 'the seed is on the timeline’s line').toBeLessThan(6)
  expect(boxes.Timeline!.y0).toBeGreaterThan(boxes.Run!.y1)
  // a slider long enough to aim with
  expect(boxes.Timeline!.x1 - boxes.Timeline!.x0).toBeGreaterThan(250)

  // the run panel open leaves the canvas short: the legend stops under the lesson button
  await page.getByRole('button', { name: 'Show panel' }).click()
  await expect(page.getByRole('button', { name: 'Hide panel' })).toBeVisible()
  await editor.settle(400)
  await expectApart(page)
})

/** Where a link's arrowhead is drawn and which points its line passes through, on screen. */
async function linkGeometry(link: Locator) {
  return link.evaluate((g) => {
    const path = g.querySelector<SVGPathElement>('.react-flow__edge-path')!
    const m = path.getScreenCTM()!
    const length = path.getTotalLength()
    const at = (l: number) => {
      const p = path.getPointAtLength(l)
      return new DOMPoint(p.x, p.y).matrixTransform(m)
    }
    const tip = at(length)
    // the marker: 9 units back from the tip and 8.1 either side of a 2-unit line, scaled by the zoom
    const zoom = m.a
    const arrow = { x0: tip.x - 9 * zoom, y0: tip.y - 8.1 * zoom, x1: tip.x, y1: tip.y + 8.1 * zoom }
    const line = Array.from({ length: 40 }, (_, i) => at((length * i) / 40)).map((p) => ({ x: p.x, y: p.y }))
    // the badge as drawn: the shortened text when there is one
    const shown = g.querySelector('.wire-edge__badge--short') ?? g.querySelector('.wire-edge__badge')!
    const r = shown.getBoundingClientRect()
    return { arrow, line, badge: { x0: r.left, y0: r.top, x1: r.right, y1: r.bottom }, shown: shown.textContent }
  })
}

test('a short link’s badge covers neither its line nor its arrowhead, nor goes under the nodes', async ({ editor, page }) => {
  await openScenario(editor, 'sync-call-chain')
  for (const [from, to] of [['Shoppers', 'API gateway'], ['API gateway', 'Orders'], ['Orders', 'Orders DB']] as const) {
    const link = editor.link(`Synchronous HTTP from ${from} to ${to}`)
    const { arrow, line, badge, shown } = await linkGeometry(link)
    expect(shown).toBe('HTTP')
    expect(meet(badge, arrow), `the badge of ${from} → ${to} covers its arrowhead`).toBe(false)
    const under = line.filter((p) => p.x > badge.x0 && p.x < badge.x1 && p.y > badge.y0 && p.y < badge.y1)
    expect(under, `the badge of ${from} → ${to} covers its line`).toEqual([])
    expect(badge.x0).toBeGreaterThanOrEqual((await boxOf(editor.node(from))).x1)
    expect(badge.x1).toBeLessThanOrEqual((await boxOf(editor.node(to))).x0)
  }
  await expect(page.getByTestId(TEST_IDS.linkBadge)).toHaveText(['HTTP', 'HTTP', 'HTTP'])
})

test('a badge too long for its link is shortened, read whole by assistive technology, and shown whole on hover and selection', async ({ editor, page }) => {
  // a queue close to its producer: the gap between them is narrower than the contract's name
  const doc: WireDoc = {
    wireplay: 1,
    nodes: [
      { id: 'o', kind: 'service', label: 'Orders', x: 0, y: 0 },
      { id: 'q', kind: 'queue', label: 'Jobs', x: 250, y: 0 },
      { id: 'w', kind: 'service', label: 'Worker', x: 500, y: 0 },
    ],
    links: [
      { id: 'oq', source: 'o', target: 'q', kind: 'message', settings: { contract: 'FulfilOrder v1' } },
      { id: 'qw', source: 'q', target: 'w', kind: 'message', settings: { contract: 'FulfilOrder v1' } },
    ],
  }
  await editor.open({ doc })
  const link = editor.link('Message from Orders to Jobs')
  const { arrow, line, badge, shown } = await linkGeometry(link)
  expect(shown).toMatch(/^✉ .+…$/)
  expect(meet(badge, arrow)).toBe(false)
  expect(line.filter((p) => p.x > badge.x0 && p.x < badge.x1 && p.y > badge.y0 && p.y < badge.y1)).toEqual([])
  expect(badge.x0).toBeGreaterThanOrEqual((await boxOf(editor.node('Orders'))).x1)
  expect(badge.x1).toBeLessThanOrEqual((await boxOf(editor.node('Jobs'))).x0)

  // the text the page holds (and screen readers read) is whole; the shortened copy is hidden from them
  const whole = link.getByTestId(TEST_IDS.linkBadge)
  await expect(whole).toHaveText('✉ FulfilOrder v1')
  await expect(link.locator('.wire-edge__badge--short')).toHaveAttribute('aria-hidden', 'true')
  await expect(whole).toHaveCSS('opacity', '0')

  // pointing at the badge shows it whole; pressing it selects the link, which keeps it whole
  await page.mouse.move((badge.x0 + badge.x1) / 2, (badge.y0 + badge.y1) / 2)
  await expect(whole).toHaveCSS('opacity', '1')
  await page.mouse.click((badge.x0 + badge.x1) / 2, (badge.y0 + badge.y1) / 2)
  await expect(editor.inspector.getByRole('heading', { name: 'Message from Orders to Jobs' })).toBeVisible()
  await page.mouse.move(5, 400)
  await expect(whole).toHaveCSS('opacity', '1')
  await editor.clickEmptyCanvas()
  await expect(whole).toHaveCSS('opacity', '0')
})

test('a lesson’s question with the panel open still leaves the diagram in view', async ({ editor, page }) => {
  await openScenario(editor, 'backlog-drains')
  await page.getByRole('button', { name: 'Start the lesson (5 steps)' }).first().click()
  await page.getByRole('button', { name: /^Next/ }).first().click()
  await expect(page.getByText('What happens to the orders while the worker is down?')).toBeVisible()
  const show = page.getByRole('button', { name: 'Show panel' })
  if (await show.isVisible()) await show.click()
  await expect(page.getByRole('button', { name: 'Hide panel' })).toBeVisible()
  // the panel's body gives up height before the canvas does
  const canvas = await boxOf(editor.canvas)
  expect(canvas.y1 - canvas.y0).toBeGreaterThanOrEqual(110)
  await expect(editor.node('Fulfilment')).toBeInViewport()
})
