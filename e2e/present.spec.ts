import { TEST_IDS } from '../src/lib/testIds'
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
