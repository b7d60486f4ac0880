import { expect, test } from './fixtures'

const TITLE = 'Retry storm — workshop 2 ✓'
const NOTES = 'Step 1: press Run and watch Orders.\nStep 2: crash Shipping at 10 s.\n\nWhy do orders still succeed?'

test('a title and notes typed here open with the shared link in a fresh browser', async ({ editor, page, browser }) => {
  await editor.open()
  const title = page.getByRole('textbox', { name: 'Diagram title' })
  await expect(title).toHaveAttribute('placeholder', 'Untitled diagram')
  await title.fill(TITLE)
  await title.press('Enter')
  await expect(page).toHaveTitle(`${TITLE} — Wireplay`)
  await editor.inspector.getByRole('textbox', { name: 'Notes' }).fill(NOTES)
  const url = await editor.shareUrl()

  const fresh = await browser.newContext()
  const other = await fresh.newPage()
  await other.goto(url)
  await expect(other.locator('.react-flow__node')).toHaveCount(8)
  // the receiver sees both without doing anything: the title in the toolbar and the tab,
  // the notes in the inspector beside the canvas
  await expect(other.getByRole('textbox', { name: 'Diagram title' })).toHaveValue(TITLE)
  await expect(other).toHaveTitle(`${TITLE} — Wireplay`)
  const inspector = other.getByRole('complementary', { name: 'Inspector' })
  await expect(inspector.getByText(TITLE)).toBeVisible()
  const notes = inspector.getByRole('textbox', { name: 'Notes' })
  await expect(notes).toBeVisible()
  await expect(notes).toHaveValue(NOTES)
  await expect(notes).toBeInViewport()
  await fresh.close()
})

test('the title is one undo step, and a reload keeps it', async ({ editor, page }) => {
  await editor.open()
  const title = page.getByRole('textbox', { name: 'Diagram title' })
  await title.fill('Order flow')
  await title.press('Enter')
  await editor.toolbarButton('Undo').click()
  await expect(title).toHaveValue('')
  await expect(page).toHaveTitle(/^Wireplay/)
  await editor.toolbarButton('Redo').click()
  await expect(title).toHaveValue('Order flow')
  await editor.waitForAutosave()
  await editor.reload()
  await expect(page.getByRole('textbox', { name: 'Diagram title' })).toHaveValue('Order flow')
})

test('with a node or link selected, the inspector says the diagram has notes, and opens them by keyboard', async ({ editor, page }) => {
  await editor.open()
  await editor.load({ ...(await editor.document()), title: TITLE, notes: NOTES } as Awaited<ReturnType<typeof editor.document>>)
  await editor.selectNode('Orders')
  await expect(editor.inspector.getByRole('textbox', { name: 'Name' })).toHaveValue('Orders')
  // folded to one row above the node's settings, which stay where they were
  const peek = editor.inspector.getByRole('button', { name: 'Diagram notes' })
  await expect(peek).toBeVisible()
  await expect(peek).toHaveAttribute('aria-expanded', 'false')
  await expect(editor.inspector.getByText('Step 2: crash Shipping at 10 s.')).toBeHidden()

  await peek.focus()
  await page.keyboard.press('Enter')
  await expect(peek).toHaveAttribute('aria-expanded', 'true')
  await expect(editor.inspector.getByText('Step 2: crash Shipping at 10 s.')).toBeVisible()
  // it stays open while the user works through the diagram
  await editor.selectNode('Shipping')
  await expect(editor.inspector.getByRole('textbox', { name: 'Name' })).toHaveValue('Shipping')
  await expect(editor.inspector.getByText('Why do orders still succeed?')).toBeVisible()
  // a selection made from within the inspector puts focus on its own first field, not on
  // the notes' button above it
  await editor.selectNode('Orders')
  await editor.inspector.getByRole('button', { name: 'Shipping jobs — Message' }).click()
  await expect(editor.inspector.getByRole('heading', { name: /from Orders to Shipping jobs/ })).toBeVisible()
  await expect(editor.inspector.getByRole('textbox', { name: 'Latency (ms)' })).toBeFocused()
  await expect(editor.inspector.getByText('Why do orders still succeed?')).toBeVisible()
  await editor.inspector.getByRole('button', { name: 'Edit notes' }).click()
  // back to the diagram's view, in its notes field
  const notes = editor.inspector.getByRole('textbox', { name: 'Notes' })
  await expect(notes).toBeFocused()
  await expect(notes).toHaveValue(NOTES)
})

test('a diagram without notes shows no notes button when something is selected', async ({ editor }) => {
  await editor.open()
  await editor.selectNode('Orders')
  await expect(editor.inspector.getByRole('textbox', { name: 'Name' })).toHaveValue('Orders')
  await expect(editor.inspector.getByRole('button', { name: 'Diagram notes' })).toHaveCount(0)
})

test('the title field takes the toolbar’s spare room: one line at 1280 px, two at 1024 px with more of the title', async ({ editor, page }) => {
  await editor.open()
  const title = page.getByRole('textbox', { name: 'Diagram title' })
  await title.fill(TITLE)
  await title.press('Enter')
  const layout = () =>
    page.getByRole('banner').evaluate((bar) => {
      const field = bar.querySelector('input')!.getBoundingClientRect()
      const groups = [...bar.querySelectorAll('[role="toolbar"]')].map((g) => g.getBoundingClientRect())
      const inner = bar.getBoundingClientRect().right - parseFloat(getComputedStyle(bar).paddingRight)
      return { field: field.width, rows: new Set(groups.map((g) => Math.round(g.top))).size, spare: inner - Math.max(...groups.map((g) => g.right)) }
    })
  const wide = await layout()
  expect(wide.rows).toBe(1)
  expect(wide.field).toBeGreaterThanOrEqual(132)
  // nothing left over at the end of the line that the title could have had
  expect(wide.spare).toBeLessThan(2)

  await page.setViewportSize({ width: 1024, height: 700 })
  // the buttons take two lines there (they did before); the title does not add a third
  await expect.poll(async () => (await layout()).rows).toBeLessThanOrEqual(2)
  expect((await layout()).field).toBeGreaterThan(wide.field + 100)
})

test('the embed view shows the title, and the notes it has room for behind a Notes button', async ({ editor, page, browser }) => {
  await editor.open()
  await editor.load({ ...(await editor.document()), title: TITLE, notes: NOTES } as Awaited<ReturnType<typeof editor.document>>)
  const embedUrl = (await editor.shareUrl()).replace('/#', '/?view=embed#')

  await page.goto(embedUrl)
  await expect(page.getByRole('heading', { name: TITLE })).toBeVisible()
  const notesButton = page.getByRole('button', { name: 'Notes' })
  await expect(notesButton).toHaveAttribute('aria-expanded', 'true')
  const about = page.getByRole('region', { name: 'About this diagram' })
  await expect(about.getByText(/Why do orders still succeed\?/)).toBeVisible()
  // above the diagram, not over it
  const canvas = page.locator('.react-flow')
  expect((await about.boundingBox())!.y + (await about.boundingBox())!.height).toBeLessThanOrEqual((await canvas.boundingBox())!.y + 1)
  const withNotes = (await canvas.boundingBox())!.height
  await notesButton.press('Enter')
  await expect(about).toBeHidden()
  await expect.poll(async () => (await canvas.boundingBox())!.height).toBeGreaterThan(withNotes)
  // and the diagram is framed again in the taller canvas
  const offCentre = () =>
    page.evaluate(() => {
      const frame = document.querySelector('.react-flow')!.getBoundingClientRect()
      const boxes = [...document.querySelectorAll('.react-flow__node')].map((n) => n.getBoundingClientRect())
      const top = Math.min(...boxes.map((b) => b.top))
      const bottom = Math.max(...boxes.map((b) => b.bottom))
      return Math.abs((top + bottom) / 2 - (frame.top + frame.bottom) / 2)
    })
  await expect.poll(offCentre).toBeLessThan(30)

  // a small frame leaves the room to the diagram: the notes are one press away
  const small = await browser.newContext({ viewport: { width: 640, height: 400 } })
  const framed = await small.newPage()
  await framed.goto(embedUrl)
  await expect(framed.getByRole('heading', { name: TITLE })).toBeVisible()
  await expect(framed.getByRole('button', { name: 'Notes' })).toHaveAttribute('aria-expanded', 'false')
  await framed.getByRole('button', { name: 'Notes' }).click()
  await expect(framed.getByRole('region', { name: 'About this diagram' }).getByText(/Step 1: press Run and watch Orders\./)).toBeVisible()
  await small.close()
})
