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
