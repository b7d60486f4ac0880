import type { NodeKind } from '../src/model/types'
import { diagram, expect, KIND_NAMES, test } from './fixtures'

const KINDS: NodeKind[] = ['client', 'service', 'database', 'queue', 'topic']

test('each node kind can be dragged from the palette onto the canvas', async ({ editor, page }) => {
  await editor.open()
  await editor.newDiagram()

  for (const [i, kind] of KINDS.entries()) {
    const drop = { x: 110 + i * 150, y: 120 + (i % 2) * 90 }
    await editor.dragFromPalette(kind, drop.x, drop.y)
    await expect(editor.nodes).toHaveCount(i + 1)
    const node = editor.node(KIND_NAMES[kind])
    await expect(node).toBeVisible()
    await expect(node.locator('.wire-node__kind')).toHaveText(KIND_NAMES[kind])
    // dropped where the pointer let go: the node is centred on the drop point
    const box = (await node.boundingBox())!
    const at = await editor.canvasPoint(drop.x, drop.y)
    expect(Math.abs(box.x + box.width / 2 - at.x)).toBeLessThan(4)
    expect(Math.abs(box.y + box.height / 2 - at.y)).toBeLessThan(4)
    // the new node is selected: the inspector shows it
    await expect(editor.inspector.getByRole('heading', { name: KIND_NAMES[kind], exact: true })).toBeVisible()
  }
  await expect(editor.emptyCanvas).toHaveCount(0)
  expect((await editor.document()).nodes.map((n) => n.kind)).toEqual(KINDS)

  // a drop outside the canvas adds nothing and says why
  const from = (await editor.paletteButton('service').boundingBox())!
  const inspectorBox = (await editor.inspector.boundingBox())!
  await editor.mouseDrag({ x: from.x + 20, y: from.y + 20 }, { x: inspectorBox.x + 100, y: inspectorBox.y + 300 })
  await expect(editor.notice).toContainText('Drop the block on the canvas')
  await expect(editor.nodes).toHaveCount(KINDS.length)
  await expect(page.getByTestId('drag-ghost')).toHaveCount(0)
})

test('each node kind can be added from the keyboard', async ({ editor, page }) => {
  await editor.open()
  await editor.newDiagram()

  for (const [i, kind] of KINDS.entries()) {
    await editor.paletteButton(kind).focus()
    await page.keyboard.press('Enter')
    await expect(editor.nodes).toHaveCount(i + 1)
    await expect(editor.node(KIND_NAMES[kind]).locator('.wire-node__kind')).toHaveText(KIND_NAMES[kind])
  }
  // Space works as well, and a second block of a kind gets a numbered name
  await editor.paletteButton('service').focus()
  await page.keyboard.press('Space')
  await expect(editor.nodes).toHaveCount(KINDS.length + 1)
  await expect(editor.node('Service 2')).toBeVisible()

  // added at the centre of the view, each stepped aside so none hides another
  const doc = await editor.document()
  expect(doc.nodes.map((n) => n.kind)).toEqual([...KINDS, 'service'])
  expect(new Set(doc.nodes.map((n) => `${n.x},${n.y}`)).size).toBe(doc.nodes.length)
  for (const node of await editor.nodes.all()) await expect(node).toBeInViewport()
})

test('a block dropped onto a node moves just clear of it instead of covering it', async ({ editor }) => {
  await editor.open({ doc: diagram([{ id: 'o', kind: 'service', label: 'Orders', x: 0, y: 0 }, { id: 'p', kind: 'service', label: 'Payments', x: 300, y: 0 }]) })
  const orders = (await editor.node('Orders').boundingBox())!
  const canvas = (await editor.canvas.boundingBox())!
  // let go a little right of and below the middle of Orders
  const drop = { x: orders.x + orders.width / 2 + 10, y: orders.y + orders.height / 2 + 8 }
  await editor.dragFromPalette('database', drop.x - canvas.x, drop.y - canvas.y)
  await expect(editor.nodes).toHaveCount(3)
  const added = (await editor.node('Database').boundingBox())!
  for (const label of ['Orders', 'Payments']) {
    const other = (await editor.node(label).boundingBox())!
    const apart = added.x >= other.x + other.width || added.x + added.width <= other.x || added.y >= other.y + other.height || added.y + added.height <= other.y
    expect(apart, `the new node covers ${label}`).toBe(true)
  }
  // still where the person meant: straight below Orders, not a grid step or more away
  expect(Math.abs(added.x + added.width / 2 - drop.x)).toBeLessThan(2)
  expect(added.y).toBeGreaterThanOrEqual(orders.y + orders.height)
  expect(added.y - (orders.y + orders.height)).toBeLessThan(orders.height / 2)
})
