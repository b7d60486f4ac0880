import { type Editor, expect, test } from './fixtures'

/**
 * The canvas takes all the height between the toolbar (and the welcome hint, when shown)
 * and the run bar; the run panel below it reaches the bottom of the window, whether or not the hint is
 * there and whatever the inspector shows.
 */
async function expectCanvasFillsWindow(editor: Editor) {
  const viewport = editor.page.viewportSize()!
  const canvas = (await editor.canvas.boundingBox())!
  const above = (await editor.page.getByRole('banner').boundingBox())!
  const hint = (await editor.hint.count()) > 0 ? await editor.hint.boundingBox() : null
  const top = hint ? hint.y + hint.height : above.y + above.height
  expect(Math.round(canvas.y)).toBe(Math.round(top))
  const runBar = editor.page.getByRole('region', { name: 'Run' })
  await expect(runBar).toBeVisible()
  const below = (await runBar.boundingBox())!
  expect(Math.round(canvas.y + canvas.height)).toBe(Math.round(below.y))
  // then the panel of metrics, log and trace (hidden to its tabs on short windows), to the bottom
  const panel = (await editor.page.getByRole('region', { name: 'Metrics, log and trace' }).boundingBox())!
  expect(Math.round(panel.y)).toBe(Math.round(below.y + below.height))
  expect(Math.round(panel.y + panel.height)).toBe(viewport.height)
}

test('the canvas fills the window on a first visit', async ({ editor }) => {
  await editor.open()
  await expect(editor.hint).toBeVisible()
  await expectCanvasFillsWindow(editor)
  await editor.selectNode('Orders')
  await expectCanvasFillsWindow(editor)
})

test('the canvas fills the window once the welcome hint is gone', async ({ editor }) => {
  // regression: `.app` was a grid whose `1fr` row went unused without the hint, leaving the
  // canvas only as tall as the palette, or as the inspector's content
  await editor.open()
  await editor.dismissHint()
  await expect(editor.hint).toHaveCount(0)
  await expectCanvasFillsWindow(editor)
  await editor.selectNode('Orders')
  await expectCanvasFillsWindow(editor)
  // and on a return visit, which opens the saved diagram without the hint
  await editor.reload()
  await expect(editor.hint).toHaveCount(0)
  await expectCanvasFillsWindow(editor)
})

test('a view framing the whole diagram keeps framing it as the canvas changes size, until someone moves it', async ({ editor, page }) => {
  await editor.open()
  const canvasBox = async () => (await editor.canvas.boundingBox())!
  const allInside = async () => {
    const c = await canvasBox()
    for (const n of await editor.nodes.all()) {
      const b = (await n.boundingBox())!
      if (b.y < c.y - 1 || b.y + b.height > c.y + c.height + 1 || b.x < c.x - 1 || b.x + b.width > c.x + c.width + 1) return false
    }
    return true
  }
  expect(await allInside()).toBe(true)
  // the panel of metrics takes height from the canvas: the diagram is fitted again
  const before = (await canvasBox()).height
  await page.getByRole('region', { name: 'Metrics, log and trace' }).getByRole('button', { name: 'Show panel' }).click()
  await expect.poll(async () => (await canvasBox()).height).toBeLessThan(before - 100)
  await editor.settle()
  expect(await allInside()).toBe(true)
  // once the person zooms in themselves, a resize leaves their view alone
  await page.getByRole('button', { name: 'Zoom In' }).click()
  await editor.settle()
  const zoom = await editor.zoom()
  await page.getByRole('region', { name: 'Metrics, log and trace' }).getByRole('button', { name: 'Hide panel' }).click()
  await editor.settle()
  expect(await editor.zoom()).toBe(zoom)
})
