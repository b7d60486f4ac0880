import { TEST_IDS } from '../src/lib/testIds'
import type { Page } from '@playwright/test'
import { test, expect, type Editor } from './fixtures'
import { clock, clockReaches, lesson, openScenario, runRegion } from './lessonHelpers'

const toolbar = (editor: Editor) => editor.page.locator('header.toolbar')

test('presenter mode hides the editing chrome, keeps the canvas, run bar and caption, and steps by keyboard', async ({ editor, page }) => {
  await openScenario(editor, 'backlog-drains')
  await lesson(editor).getByRole('button', { name: 'Start the lesson (5 steps)' }).click()
  await clockReaches(editor, '9.000 s')

  await editor.toolbarButton('Present').click()
  await expect(toolbar(editor)).toBeHidden()
  await expect(editor.palette).toBeHidden()
  await expect(editor.inspector).toBeHidden()
  await expect(page.getByRole('region', { name: 'Metrics, log and trace' })).toBeHidden()
  await expect(editor.canvas).toBeVisible()
  await expect(runRegion(editor)).toBeVisible()
  // the narration is a caption under the canvas, in large type
  const canvasBox = (await editor.canvas.boundingBox())!
  const captionBox = (await lesson(editor).boundingBox())!
  expect(captionBox.y).toBeGreaterThanOrEqual(canvasBox.y + canvasBox.height - 1)
  const size = await lesson(editor).locator('.lesson__narration').evaluate((el) => parseFloat(getComputedStyle(el).fontSize))
  expect(size).toBeGreaterThanOrEqual(20)
  await expect(editor.nodes).toHaveCount(4)

  await page.keyboard.press('ArrowRight')
  await expect(lesson(editor)).toContainText('Step 2 of 5')
  await page.keyboard.press('ArrowLeft')
  await expect(lesson(editor)).toContainText('Step 1 of 5')
  await clockReaches(editor, '9.000 s')
  // Space runs and pauses, even with a lesson button focused
  await lesson(editor).getByRole('button', { name: 'Next →' }).focus()
  await page.keyboard.press('Space')
  await expect(runRegion(editor).getByRole('button', { name: 'Pause', exact: true })).toBeVisible()
  await page.clock.runFor(1_000)
  await page.keyboard.press('Space')
  await expect(runRegion(editor).getByRole('button', { name: 'Run', exact: true })).toBeVisible()
  await expect(clock(editor)).not.toHaveText('9.000 s')
  await expect(lesson(editor)).toContainText('Step 1 of 5')

  await page.keyboard.press('Escape')
  await expect(toolbar(editor)).toBeVisible()
  await expect(editor.palette).toBeVisible()
  // F enters it again
  await editor.clickEmptyCanvas()
  await page.keyboard.press('f')
  await expect(toolbar(editor)).toBeHidden()
  await page.getByRole('toolbar', { name: 'Presenter' }).getByRole('button', { name: 'Leave presenter mode' }).click()
  await expect(toolbar(editor)).toBeVisible()
  // and from a focused tab of the run panel, whose own keys are only the arrows
  await page.getByRole('tab', { name: 'Metrics' }).focus()
  await page.keyboard.press('f')
  await expect(toolbar(editor)).toBeHidden()
  await page.keyboard.press('Escape')
  await expect(toolbar(editor)).toBeVisible()
})

test('an audience window follows the presenter’s step, clock and selection', async ({ editor, page, context }) => {
  await openScenario(editor, 'backlog-drains')
  await lesson(editor).getByRole('button', { name: 'Start the lesson (5 steps)' }).click()
  await clockReaches(editor, '9.000 s')
  await page.keyboard.press('f')
  const [audience] = await Promise.all([context.waitForEvent('page'), page.getByRole('button', { name: 'Open audience window' }).click()])
  const errors: string[] = []
  audience.on('pageerror', (e) => errors.push(e.message))
  const audienceLesson = audience.getByRole('region', { name: 'Lesson' })
  const audienceClock = audience.getByRole('timer', { name: 'Simulated time' })
  await expect(audienceLesson).toContainText('Step 1 of 5')
  await expect(audienceLesson).toContainText('The shop sends ten orders a second')
  await expect(audienceClock).toHaveText('9.000 s')
  await expect(audience.locator('.react-flow__node')).toHaveCount(4)
  // the audience only watches: no lesson or run controls
  await expect(audience.getByRole('button', { name: 'Next →' })).toHaveCount(0)
  await expect(audience.getByRole('button', { name: 'Run', exact: true })).toHaveCount(0)

  await page.keyboard.press('ArrowRight')
  await expect(audienceLesson).toContainText('Step 2 of 5')
  await expect(audienceLesson).toContainText('The simulation waits for the room’s answer.')
  await lesson(editor).getByRole('button', { name: /They wait in the queue/ }).click()
  await clockReaches(editor, '20.000 s')
  await expect(audienceLesson.getByRole('status')).toContainText('Right: They wait in the queue')
  await expect(audienceClock).toHaveText('20.000 s')
  // the same replay gives the same picture: the queue holds what the presenter's holds
  const held = await editor.node('Orders to fulfil').getByTestId(TEST_IDS.nodeLive).getAttribute('aria-label')
  await expect(audience.locator('.react-flow__node[data-id="order-queue"] [data-testid="node-live"]')).toHaveAttribute('aria-label', held!)

  await editor.node('Fulfilment').click()
  await expect(audience.locator('.react-flow__node[data-id="fulfilment"]')).toHaveClass(/selected/)

  // the audience frames what the presenter shows: zoom in twice there, and it zooms in as much
  const zoomOf = (p: typeof page) => p.locator('.react-flow__viewport').evaluate((el) => Number(/scale\(([\d.]+)\)/.exec((el as HTMLElement).style.transform)?.[1]))
  await editor.settle()
  const presenterBefore = await zoomOf(page)
  const audienceBefore = await zoomOf(audience)
  await page.getByRole('button', { name: 'Zoom In' }).click()
  await page.getByRole('button', { name: 'Zoom In' }).click()
  await editor.settle()
  const presenterRatio = (await zoomOf(page)) / presenterBefore
  expect(presenterRatio).toBeGreaterThan(1.3)
  await expect.poll(async () => (await zoomOf(audience)) / audienceBefore).toBeCloseTo(presenterRatio, 1)
  // the audience has no zoom of its own to drift from the presenter's
  await expect(audience.getByRole('button', { name: 'Zoom In' })).toHaveCount(0)

  // arrows step even with a node selected (and focused) in presenter mode
  await page.keyboard.press('ArrowLeft')
  await clockReaches(editor, '9.000 s')
  await expect(audienceLesson).toContainText('Step 1 of 5')
  await expect(audienceClock).toHaveText('9.000 s')
  expect(errors).toEqual([])
})

test('presenter mode and the audience window show the title and notes above the diagram; the presenter folds the notes for both', async ({ editor, page, context }) => {
  const TITLE = 'Retry storm — workshop 2'
  await editor.open()
  await editor.dismissHint()
  const title = page.getByRole('textbox', { name: 'Diagram title' })
  await title.fill(TITLE)
  await title.press('Enter')
  await editor.inspector.getByRole('textbox', { name: 'Notes' }).fill('Step 1: press Run and watch Orders.\nStep 2: crash Shipping at 10 s.')

  await editor.toolbarButton('Present').click()
  await expect(toolbar(editor)).toBeHidden()
  const about = page.getByRole('region', { name: 'About this diagram' })
  await expect(about.getByRole('heading', { name: TITLE })).toBeVisible()
  await expect(about.getByText(/Step 2: crash Shipping at 10 s\./)).toBeVisible()
  // in large type, in a band above the canvas rather than over it
  const size = await about.getByRole('heading', { name: TITLE }).evaluate((el) => parseFloat(getComputedStyle(el).fontSize))
  expect(size).toBeGreaterThanOrEqual(22)
  const below = async (p: typeof page) => {
    const band = (await p.getByRole('region', { name: 'About this diagram' }).boundingBox())!
    const canvas = (await p.locator('.react-flow').boundingBox())!
    return { bandBottom: band.y + band.height, canvasTop: canvas.y, canvasHeight: canvas.height }
  }
  const open = await below(page)
  expect(open.bandBottom).toBeLessThanOrEqual(open.canvasTop + 1)
  await editor.expectAllNodesInCanvas()
  // the presenter's own buttons are still there, beside the title
  await expect(page.getByRole('toolbar', { name: 'Presenter' }).getByRole('button', { name: 'Leave presenter mode' })).toBeVisible()

  const [audience] = await Promise.all([context.waitForEvent('page'), page.getByRole('button', { name: 'Open audience window' }).click()])
  const audienceAbout = audience.getByRole('region', { name: 'About this diagram' })
  await expect(audienceAbout.getByRole('heading', { name: TITLE })).toBeVisible()
  await expect(audienceAbout.getByText(/Step 1: press Run and watch Orders\./)).toBeVisible()
  await expect(audience.locator('.react-flow__node')).toHaveCount(8)
  // the room watches: the presenter decides when the notes show
  await expect(audience.getByRole('button', { name: 'Notes' })).toHaveCount(0)

  const notes = about.getByRole('button', { name: 'Notes' })
  await expect(notes).toHaveAttribute('aria-expanded', 'true')
  await notes.click()
  await expect(notes).toHaveAttribute('aria-expanded', 'false')
  await expect(about.getByText(/Step 1: press Run/)).toBeHidden()
  await expect(audienceAbout.getByText(/Step 1: press Run/)).toBeHidden()
  await expect(audienceAbout.getByRole('heading', { name: TITLE })).toBeVisible()
  // the diagram gets the room back
  await expect.poll(async () => (await below(page)).canvasHeight).toBeGreaterThan(open.canvasHeight)
  await notes.click()
  await expect(audienceAbout.getByText(/Step 2: crash Shipping at 10 s\./)).toBeVisible()

  // folded when presenting stops, the notes are shown again when it starts again
  await notes.click()
  await expect(notes).toHaveAttribute('aria-expanded', 'false')
  await page.keyboard.press('Escape')
  await expect(toolbar(editor)).toBeVisible()
  await expect(about).toHaveCount(0)
  await editor.toolbarButton('Present').click()
  await expect(about.getByText(/Step 2: crash Shipping at 10 s\./)).toBeVisible()
  await page.keyboard.press('Escape')
  await expect(toolbar(editor)).toBeVisible()
})

const runPanel = (p: Page) => p.getByRole('region', { name: 'Metrics, log and trace' })
const presenterBar = (p: Page) => p.getByRole('toolbar', { name: 'Presenter' })
/** How large the state machine is drawn on screen: its width on screen over its width as laid out (1: text at 11 px). */
const machineScale = (p: Page) =>
  runPanel(p)
    .locator('svg.run-machine__svg')
    .evaluate((svg) => svg.getBoundingClientRect().width / (svg as SVGSVGElement).viewBox.baseVal.width)

test('in presenter mode the run panel opens under the run bar in large type, with the trace readable; leaving gives the editor its panel back', async ({ editor, page }) => {
  await editor.open()
  await editor.dismissHint()
  await page.clock.install()
  const run = runRegion(editor)
  await expect(run.getByRole('button', { name: 'Run', exact: true })).toBeVisible()
  // the editor's panel: shown, on the event log, where a line traces a synchronous call
  await runPanel(page).getByRole('button', { name: 'Show panel' }).click()
  await runPanel(page).getByRole('tab', { name: 'Event log' }).click()
  await run.getByRole('button', { name: 'Run', exact: true }).click()
  await page.clock.runFor(2_000)
  await run.getByRole('button', { name: 'Pause', exact: true }).click()
  await runPanel(page).getByRole('log', { name: 'Event log' }).getByRole('listitem').filter({ hasText: 'POST, waiting for the reply' }).last().click()
  // in the editor, the state machine beside the sequence keeps at least 85 % of its size (and scrolls)
  await runPanel(page).getByRole('tab', { name: 'Trace' }).click()
  await expect(runPanel(page).getByRole('img', { name: /^Synchronous call/ })).toBeVisible()
  expect(await machineScale(page)).toBeGreaterThanOrEqual(0.84)
  await runPanel(page).getByRole('tab', { name: 'Event log' }).click()

  await page.keyboard.press('f')
  await expect(toolbar(editor)).toBeHidden()
  // presenting starts with the canvas alone; the presenter's bar opens the panel
  await expect(runPanel(page)).toBeHidden()
  await editor.settle()
  const alone = (await editor.canvas.boundingBox())!
  const toggle = presenterBar(page).getByRole('button', { name: 'Metrics, log and trace' })
  await expect(toggle).toHaveAttribute('aria-expanded', 'false')
  await toggle.click()
  await expect(toggle).toHaveAttribute('aria-expanded', 'true')
  await expect(runPanel(page).getByRole('tab', { name: 'Event log' })).toHaveAttribute('aria-selected', 'true')
  await runPanel(page).getByRole('tab', { name: 'Trace' }).click()
  const trace = runPanel(page).getByRole('tabpanel')
  await expect(trace.getByRole('heading', { name: /^Operation \d+$/ })).toBeVisible()
  await expect(trace.getByRole('heading', { name: 'Synchronous call (with retries)' })).toBeVisible()
  await expect(trace.getByRole('img', { name: /^Synchronous call/ })).toBeVisible()
  // large type: the heading and the drawing are magnified for the room
  const heading = await trace.getByRole('heading', { name: /^Operation \d+$/ }).evaluate((el) => el.getBoundingClientRect().height)
  expect(heading).toBeGreaterThanOrEqual(20)
  expect(await machineScale(page)).toBeGreaterThanOrEqual(1.15)
  // under the canvas and the run bar, covering neither; the canvas gives it room and the diagram is refitted
  const panelBox = (await runPanel(page).boundingBox())!
  const runBox = (await run.boundingBox())!
  const withPanel = (await editor.canvas.boundingBox())!
  expect(panelBox.y).toBeGreaterThanOrEqual(runBox.y + runBox.height - 1)
  expect(runBox.y).toBeGreaterThanOrEqual(withPanel.y + withPanel.height - 1)
  expect(withPanel.height).toBeLessThan(alone.height - 100)
  await editor.settle()
  await editor.expectAllNodesInCanvas()

  // closing it gives the canvas its room back
  await toggle.click()
  await expect(runPanel(page)).toBeHidden()
  await expect.poll(async () => (await editor.canvas.boundingBox())!.height).toBeCloseTo(alone.height, 0)
  await toggle.click()
  await expect(runPanel(page).getByRole('tab', { name: 'Trace' })).toHaveAttribute('aria-selected', 'true')

  // leaving: the editor's panel as it was (shown, on the event log); the next session starts closed
  await page.keyboard.press('Escape')
  await expect(toolbar(editor)).toBeVisible()
  await expect(runPanel(page).getByRole('tab', { name: 'Event log' })).toHaveAttribute('aria-selected', 'true')
  await expect(runPanel(page).getByRole('log', { name: 'Event log' })).toBeVisible()
  expect(await runPanel(page).getByRole('tab', { name: 'Event log' }).evaluate((el) => el.getBoundingClientRect().height)).toBeLessThan(32)
  await editor.clickEmptyCanvas()
  await page.keyboard.press('f')
  await expect(toolbar(editor)).toBeHidden()
  await expect(runPanel(page)).toBeHidden()
  await expect(presenterBar(page).getByRole('button', { name: 'Metrics, log and trace' })).toHaveAttribute('aria-expanded', 'false')
  await page.keyboard.press('Escape')
  // a panel the editor had hidden stays hidden after presenting with it open
  await runPanel(page).getByRole('button', { name: 'Hide panel' }).click()
  await page.keyboard.press('f')
  await presenterBar(page).getByRole('button', { name: 'Metrics, log and trace' }).click()
  await expect(runPanel(page).getByRole('tabpanel')).toBeVisible()
  await page.keyboard.press('Escape')
  await expect(toolbar(editor)).toBeVisible()
  await expect(runPanel(page).getByRole('button', { name: 'Show panel' })).toBeVisible()
  await expect(runPanel(page).getByRole('tabpanel')).toHaveCount(0)
})

test('the audience window shows the run panel the presenter opens, on the same tab and trace, under the lesson', async ({ editor, page, context }) => {
  await openScenario(editor, 'backlog-drains')
  await lesson(editor).getByRole('button', { name: 'Start the lesson (5 steps)' }).click()
  await clockReaches(editor, '9.000 s')
  await page.keyboard.press('f')
  const [audience] = await Promise.all([context.waitForEvent('page'), page.getByRole('button', { name: 'Open audience window' }).click()])
  const errors: string[] = []
  audience.on('pageerror', (e) => errors.push(e.message))
  await expect(audience.getByRole('region', { name: 'Lesson' })).toContainText('Step 1 of 5')
  await expect(runPanel(audience)).toHaveCount(0)

  await presenterBar(page).getByRole('button', { name: 'Metrics, log and trace' }).click()
  await runPanel(page).getByRole('tab', { name: 'Event log' }).click()
  await expect(runPanel(audience).getByRole('heading', { name: 'Event log' })).toBeVisible()
  await runPanel(page).getByRole('log', { name: 'Event log' }).getByRole('listitem').filter({ hasText: /Orders to fulfil/ }).last().click()
  await runPanel(page).getByRole('tab', { name: 'Trace' }).click()
  const operation = await runPanel(page).getByRole('tabpanel').getByRole('heading', { level: 3 }).first().textContent()
  expect(operation).toMatch(/^(Operation|Request) \d+$/)
  // the audience replays the same run, so the same request has the same journey there
  await expect(runPanel(audience).getByRole('heading', { name: operation! })).toBeVisible()
  const hops = (p: Page) => runPanel(p).getByRole('list', { name: 'Hops of the traced request' }).getByRole('listitem').allTextContents()
  await expect.poll(() => hops(audience)).toEqual(await hops(page))
  // the lesson's controls stay where the presenter reaches them, above the panel
  const next = lesson(editor).getByRole('button', { name: 'Next →' })
  await expect(next).toBeInViewport()
  expect((await next.boundingBox())!.y + 10).toBeLessThan((await runPanel(page).boundingBox())!.y)
  await expect(audience.getByRole('region', { name: 'Lesson' })).toBeInViewport()
  // the room only watches: no tabs to press there
  await expect(runPanel(audience).getByRole('tab')).toHaveCount(0)

  await presenterBar(page).getByRole('button', { name: 'Metrics, log and trace' }).click()
  await expect(runPanel(audience)).toHaveCount(0)
  await presenterBar(page).getByRole('button', { name: 'Metrics, log and trace' }).click()
  await expect(runPanel(audience).getByRole('heading', { name: 'Trace' })).toBeVisible()
  // leaving presenter mode closes it there too
  await page.keyboard.press('Escape')
  await expect(runPanel(audience)).toHaveCount(0)
  expect(errors).toEqual([])
})
