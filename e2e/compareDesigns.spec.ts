import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { expect, test } from './fixtures'

const endsWith = (text: string) => new RegExp(`${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`)

/** One compared number per column: { 'Design A': 12, … } for a metric's row. */
async function row(page: Page, metric: string): Promise<Record<string, number>> {
  const table = page.getByRole('region', { name: 'Compared metrics' }).getByRole('table')
  const heads = (await table.getByRole('columnheader').allTextContents()).slice(1).map((h) => h.trim())
  const cells = await table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: metric, exact: true }) }).getByRole('cell').all()
  return Object.fromEntries(await Promise.all(cells.map(async (c, i) => [heads[i]!, Number(await c.getAttribute('data-value'))])))
}

test('compare this diagram with an earlier version of it from its share link, and run both side by side', async ({ editor, page }) => {
  // two engines and two canvases in one page, after the editor's: slow on a loaded machine
  test.setTimeout(60_000)
  await editor.open()
  const title = page.getByRole('textbox', { name: 'Diagram title' })
  await title.fill('Checkout, first try')
  await title.press('Enter')
  const earlier = await editor.shareUrl()

  // the design moves on: renamed, and without its Email consumer
  await title.fill('Checkout, second try')
  await title.press('Enter')
  await editor.selectNode('Email')
  await page.keyboard.press('Delete')
  await expect(editor.nodes).toHaveCount(7)
  const mine = await editor.document()

  await editor.toolbarButton('Share…').click()
  await page.getByRole('dialog', { name: 'Share this diagram' }).getByRole('button', { name: 'Compare with…' }).click()
  const dialog = page.getByRole('dialog', { name: 'Compare with another design' })
  await expect(dialog).toBeVisible()
  const pasted = dialog.getByRole('textbox', { name: 'Share link of the other design' })
  await expect(pasted).toBeFocused()
  // something that is not a link is refused at the field, and nothing else happens
  await pasted.fill('see my other design in the chat')
  await expect(dialog.getByRole('alert')).toContainText('This is not a Wireplay link')
  await expect(dialog.getByRole('link', { name: /Open the comparison/ })).toHaveCount(0)
  await pasted.fill(earlier)
  await expect(dialog.getByRole('status').filter({ hasText: 'Read the link' })).toContainText('“Checkout, first try”, 8 nodes, 7 links')
  // the sides are named after the diagrams' titles until renamed
  await expect(dialog.getByRole('textbox', { name: 'Left: this diagram' })).toHaveValue('Checkout, second try')
  await expect(dialog.getByRole('textbox', { name: 'Right: the other design' })).toHaveValue('Checkout, first try')
  await expect(dialog.getByRole('textbox', { name: 'Comparison link' })).toHaveValue(/\?view=compare#a=w1\.[\w-]+&b=w1\.[\w-]+$/)

  const [compare] = await Promise.all([page.context().waitForEvent('page'), dialog.getByRole('link', { name: /Open the comparison/ }).click()])
  await compare.waitForLoadState()
  const second = compare.getByRole('region', { name: 'Checkout, second try' })
  const first = compare.getByRole('region', { name: 'Checkout, first try' })
  await expect(second.getByRole('heading', { name: 'Checkout, second try' })).toBeVisible()
  await expect(first.getByRole('heading', { name: 'Checkout, first try' })).toBeVisible()
  await expect(second.locator('.react-flow__node')).toHaveCount(7)
  await expect(first.locator('.react-flow__node')).toHaveCount(8)
  // each side goes back to the editor with its own diagram: the earlier one exactly as linked
  await expect(first.getByRole('link', { name: 'Open “Checkout, first try” in the editor' })).toHaveAttribute('href', endsWith(new URL(earlier).hash))
  await expect(second.getByRole('link', { name: 'Open “Checkout, second try” in the editor' })).toHaveAttribute('href', /#w1\.[\w-]+$/)

  await compare.getByRole('button', { name: 'Run', exact: true }).click()
  await expect(compare.getByRole('button', { name: 'Pause', exact: true })).toBeVisible()
  await expect(compare.getByRole('region', { name: 'Compared metrics' }).getByRole('columnheader')).toHaveText(['Metric', 'Checkout, second try', 'Checkout, first try'])
  // both sides run on the one clock, under the same load (5 requests/s from Web shop)
  await expect.poll(async () => Object.values(await row(compare, 'Operations issued')).every((n) => n >= 3), { timeout: 15_000 }).toBe(true)
  await compare.getByRole('button', { name: 'Pause', exact: true }).click()
  const issued = await row(compare, 'Operations issued')
  expect(issued['Checkout, second try']).toBe(issued['Checkout, first try'])

  // the editor still holds the diagram it had: starting a comparison replaced nothing
  expect(await editor.document()).toEqual(mine)
  await expect(title).toHaveValue('Checkout, second try')
})

test('a comparison link with one damaged side says which side, and still shows the other', async ({ page }) => {
  const starter = readFileSync(join(process.cwd(), 'src/share/frozen/v1-starter.link'), 'utf8').trim()
  await page.goto(`/?view=compare#a=${starter}&b=${starter.slice(0, 60)}&bn=With%20a%20queue`)
  const alert = page.getByRole('alert').filter({ hasText: 'could not be opened' })
  await expect(alert).toContainText('Part of this comparison could not be opened.')
  await expect(alert).toContainText('Design B (“With a queue”): This link is cut short')
  const a = page.getByRole('region', { name: 'Design A' })
  await expect(a.locator('.react-flow__node')).toHaveCount(8)
  await expect(a.getByRole('link', { name: 'Open “Design A” in the editor' })).toHaveAttribute('href', endsWith(`/#${starter}`))
  await expect(page.locator('.react-flow')).toHaveCount(1)
  await expect(page.getByRole('region', { name: 'Compared metrics' }).getByRole('columnheader')).toHaveText(['Metric', 'Design A'])
})

test('the gallery offers Compare with…, and the other design can be a file', async ({ editor, page }) => {
  await editor.open()
  await editor.toolbarButton('Scenarios…').click()
  await page.getByRole('dialog', { name: 'Scenarios' }).getByRole('button', { name: 'Compare with…' }).click()
  const dialog = page.getByRole('dialog', { name: 'Compare with another design' })
  await expect(dialog).toBeVisible()
  await expect(page.getByRole('dialog', { name: 'Scenarios' })).toHaveCount(0)
  const chooser = page.waitForEvent('filechooser')
  await dialog.getByRole('button', { name: 'Choose a file…' }).click()
  await (await chooser).setFiles(join(process.cwd(), 'examples/message-queue.wireplay.json'))
  await expect(dialog.getByRole('status').filter({ hasText: 'Read “message-queue.wireplay.json”' })).toBeVisible()
  // neither diagram has a title: the sides are lettered
  await expect(dialog.getByRole('textbox', { name: 'Left: this diagram' })).toHaveValue('Design A')
  await expect(dialog.getByRole('textbox', { name: 'Right: the other design' })).toHaveValue('Design B')
  // a name is the user's to choose, but the two must differ
  await dialog.getByRole('textbox', { name: 'Right: the other design' }).fill('Design A')
  await expect(dialog.getByText('Give the two sides different names.')).toBeVisible()
  await expect(dialog.getByRole('link', { name: /Open the comparison/ })).toHaveCount(0)
  await dialog.getByRole('textbox', { name: 'Right: the other design' }).fill('With a queue')
  await expect(dialog.getByRole('textbox', { name: 'Comparison link' })).toHaveValue(/&bn=With%20a%20queue$/)
  await dialog.getByRole('button', { name: 'Close' }).click()
  await expect(dialog).toHaveCount(0)
  await expect(editor.nodes).toHaveCount(8)
})

test('a comparison fragment opened without its ?view=compare still opens the comparison', async ({ page }) => {
  const starter = readFileSync(join(process.cwd(), 'src/share/frozen/v1-starter.link'), 'utf8').trim()
  await page.goto(`/#a=${starter}&b=${starter}&an=Before&bn=After`)
  await expect(page).toHaveURL(/\?view=compare#a=w1\./)
  await expect(page.getByRole('region', { name: 'Before' }).locator('.react-flow__node')).toHaveCount(8)
  await expect(page.getByRole('region', { name: 'After' }).locator('.react-flow__node')).toHaveCount(8)
})

/** Each side's zoom, from its canvas's transform: { 'Before': 0.53, … }. */
async function zooms(page: Page, sides: readonly string[]): Promise<number[]> {
  return Promise.all(
    sides.map((side) =>
      page
        .getByRole('region', { name: side, exact: true })
        .locator('.react-flow__viewport')
        .evaluate((el) => new DOMMatrix(getComputedStyle(el).transform).a),
    ),
  )
}

/** Whether every node of each side lies inside its pane. */
async function whole(page: Page, sides: readonly string[]): Promise<boolean[]> {
  return Promise.all(
    sides.map((side) =>
      page
        .getByRole('region', { name: side, exact: true })
        .locator('.react-flow')
        .evaluate((flow) => {
          const pane = flow.getBoundingClientRect()
          return [...flow.querySelectorAll('.react-flow__node')].every((n) => {
            const b = n.getBoundingClientRect()
            return b.left >= pane.left && b.right <= pane.right && b.top >= pane.top && b.bottom <= pane.bottom
          })
        }),
    ),
  )
}

test('two designs of different sizes are shown at one zoom, whole, and stay so as the window resizes; a side zoomed by hand keeps its zoom', async ({ page }) => {
  test.setTimeout(60_000)
  const wide = readFileSync(join(process.cwd(), 'src/share/frozen/v1-d30.link'), 'utf8').trim()
  const small = readFileSync(join(process.cwd(), 'src/share/frozen/v1-starter.link'), 'utf8').trim()
  await page.goto(`/?view=compare#a=${wide}&b=${small}&an=Thirty%20nodes&bn=Starter`)
  const sides = ['Thirty nodes', 'Starter']
  await expect(page.getByRole('region', { name: 'Compared metrics' })).toBeVisible()
  // the small design is drawn as small as the wide one's fit requires, so their sizes compare
  await expect.poll(async () => new Set((await zooms(page, sides)).map((z) => z.toFixed(3))).size).toBe(1)
  const first = (await zooms(page, sides))[0]!
  await expect.poll(() => whole(page, sides)).toEqual([true, true])

  // a narrower window stacks the designs: the zoom changes, and is still one zoom
  await page.setViewportSize({ width: 1024, height: 700 })
  await expect.poll(async () => (await zooms(page, sides))[0]!.toFixed(3)).not.toBe(first.toFixed(3))
  await expect.poll(async () => new Set((await zooms(page, sides)).map((z) => z.toFixed(3))).size).toBe(1)
  await expect.poll(() => whole(page, sides)).toEqual([true, true])

  // zoomed in by hand (its + button), the starter keeps its zoom through the next resize;
  // the other side follows the window
  const zoomIn = page.getByRole('region', { name: 'Starter', exact: true }).getByRole('button', { name: 'Zoom In' })
  await zoomIn.click()
  await zoomIn.click()
  await expect.poll(async () => (await zooms(page, sides))[1]! > (await zooms(page, sides))[0]! * 1.2).toBe(true)
  const [wideBefore, byHand] = await zooms(page, sides)
  await page.setViewportSize({ width: 1280, height: 800 })
  await expect.poll(async () => (await zooms(page, sides))[0]!.toFixed(3)).not.toBe(wideBefore!.toFixed(3))
  expect((await zooms(page, sides))[1]).toBeCloseTo(byHand!, 3)
})
