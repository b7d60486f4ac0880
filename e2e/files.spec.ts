import { readFileSync } from 'node:fs'
import { expect, test } from './fixtures'

test('export a .wireplay.json file and open it again, by the file picker and by dropping it on the canvas', async ({ editor, page }) => {
  await editor.open()
  await editor.selectNode('Orders')
  await editor.field('Workers per replica').fill('11')
  const downloading = page.waitForEvent('download')
  await editor.toolbarButton('Export ▾').click()
  await editor.toolbarButton('Export file').click()
  const download = await downloading
  expect(download.suggestedFilename()).toBe('diagram.wireplay.json')
  const text = readFileSync((await download.path())!, 'utf8')
  const saved = JSON.parse(text)
  expect(saved.wireplay).toBe(1)
  expect(saved.nodes).toHaveLength(8)

  // start over, then open the file with the picker
  await editor.newDiagram()
  await expect(editor.nodes).toHaveCount(0)
  await page.locator('input[type=file]').setInputFiles({ name: 'diagram.wireplay.json', mimeType: 'application/json', buffer: Buffer.from(text) })
  await expect(editor.nodes).toHaveCount(8)
  await expect(editor.node('Orders')).toContainText('1 × 11 workers')
  await expect(editor.notice).toContainText('Opened “diagram.wireplay.json”')

  // and by dropping it onto the canvas
  await editor.newDiagram()
  await page.evaluate((content) => {
    const data = new DataTransfer()
    data.items.add(new File([content], 'dropped.wireplay.json', { type: 'application/json' }))
    const target = document.querySelector('.react-flow__pane')!
    target.dispatchEvent(new DragEvent('dragover', { bubbles: true, cancelable: true, dataTransfer: data }))
    target.dispatchEvent(new DragEvent('drop', { bubbles: true, cancelable: true, dataTransfer: data }))
  }, text)
  await expect(editor.nodes).toHaveCount(8)
  await expect(editor.notice).toContainText('Opened “dropped.wireplay.json”')
})

test('a file that is not a valid diagram is refused with its name and the path of each problem', async ({ editor, page }) => {
  await editor.open()
  const bad = JSON.stringify({ wireplay: 1, nodes: [{ id: 'a', kind: 'service', label: 'A', x: 0, y: 0, settings: { workers: 0 } }], links: [{ id: 'l', source: 'a', target: 'nowhere', kind: 'sync' }] })
  await page.locator('input[type=file]').setInputFiles({ name: 'broken.wireplay.json', mimeType: 'application/json', buffer: Buffer.from(bad) })
  const banner = page.getByRole('alert').filter({ hasText: 'could not be opened' })
  await expect(banner).toContainText('“broken.wireplay.json”')
  await expect(banner).toContainText('nodes[0].settings.workers: Workers per replica must be at least 1.')
  await expect(banner).toContainText('links[0].target')
  await expect(editor.nodes).toHaveCount(8)
  await page.locator('input[type=file]').setInputFiles({ name: 'notes.json', mimeType: 'application/json', buffer: Buffer.from('{"nodes": [') })
  await expect(page.getByRole('alert').filter({ hasText: 'could not be opened' })).toContainText('Not valid JSON')
  await expect(editor.nodes).toHaveCount(8)
})

test('export the diagram as a PNG and an SVG picture that are not empty', async ({ editor, page }) => {
  await editor.open()
  for (const [button, name, magic] of [['Export PNG', 'diagram.png', 'data:image/png'], ['Export SVG', 'diagram.svg', 'data:image/svg+xml']] as const) {
    const downloading = page.waitForEvent('download')
    await editor.toolbarButton('Export ▾').click()
    await editor.toolbarButton(button).click()
    const download = await downloading
    expect(download.suggestedFilename()).toBe(name)
    const bytes = readFileSync((await download.path())!)
    expect(download.url().startsWith(magic)).toBe(true)
    // a real picture of eight nodes, not an empty canvas
    expect(bytes.length).toBeGreaterThan(name.endsWith('png') ? 20_000 : 10_000)
    if (name.endsWith('svg')) expect(bytes.toString('utf8')).toContain('Order events')
  }
})

test('a picture taken while zoomed out still shows link labels and node types', async ({ editor, page }) => {
  await editor.open()
  // far enough out that the canvas draws nodes as plain shapes, without names or labels
  const zoomOut = page.getByRole('button', { name: /zoom out/i })
  while ((await editor.zoom()) >= 0.28) await zoomOut.click()
  await editor.settle(400)
  await expect(page.getByText('✉ ShipOrder v1')).toHaveCount(0)
  await expect(page.getByText('Order events')).toHaveCount(0)
  const downloading = page.waitForEvent('download')
  await editor.toolbarButton('Export ▾').click()
  await editor.toolbarButton('Export SVG').click()
  const svg = readFileSync((await (await downloading).path())!).toString('utf8')
  // (not toContain: on failure it would print the whole picture)
  expect(svg.includes('ShipOrder v1'), 'a link label in the picture').toBe(true)
  expect(svg.includes('Order events'), 'a node name in the picture').toBe(true)
  expect(svg.includes('wire-node__kind'), 'node types in the picture').toBe(true)
  // labels whole: a picture is not hovered, so none is drawn shortened
  expect(svg.includes('wire-edge__badge--short'), 'a shortened label in the picture').toBe(false)
  // the screen is as it was
  await expect(page.getByText('✉ ShipOrder v1')).toHaveCount(0)
})

test('a titled diagram’s file and pictures are named after its title', async ({ editor, page }) => {
  await editor.open()
  const title = page.getByRole('textbox', { name: 'Diagram title' })
  await title.fill('Checkout / with a queue')
  await title.press('Enter')
  for (const [button, name] of [['Export file', 'Checkout-with-a-queue.wireplay.json'], ['Export PNG', 'Checkout-with-a-queue.png']] as const) {
    const downloading = page.waitForEvent('download')
    await editor.toolbarButton('Export ▾').click()
    await editor.toolbarButton(button).click()
    expect((await downloading).suggestedFilename()).toBe(name)
    await expect(editor.notice).toContainText(`Exported ${name}.`)
  }
})

test('an exported picture shows the diagram’s title above the diagram, and an untitled one has none', async ({ editor, page }) => {
  await editor.open()
  const picture = async (button: 'Export PNG' | 'Export SVG') => {
    const downloading = page.waitForEvent('download')
    await editor.toolbarButton('Export ▾').click()
    await editor.toolbarButton(button).click()
    return readFileSync((await (await downloading).path())!)
  }
  // a PNG's height is the big-endian number at byte 20, in its IHDR header
  const untitled = (await picture('Export PNG')).readUInt32BE(20)
  const untitledSvg = (await picture('Export SVG')).toString('utf8')

  const title = page.getByRole('textbox', { name: 'Diagram title' })
  await title.fill('Checkout & payments')
  await title.press('Enter')
  const titled = (await picture('Export PNG')).readUInt32BE(20)
  // a band for one line of a 22 px heading, at the export's pixel ratio of 2
  expect(titled - untitled).toBeGreaterThan(2 * 40)
  const svg = (await picture('Export SVG')).toString('utf8')
  // (booleans: a failing match would print a megabyte of inlined styles)
  expect(/<text [^>]*font-size="22"[^>]*><tspan [^>]*>Checkout &#38; payments<\/tspan><\/text>/.test(svg), 'the title as text in the SVG').toBe(true)
  expect(/^<svg [^>]*><foreignObject/.test(untitledSvg), 'the untitled SVG is the diagram alone').toBe(true)
})
