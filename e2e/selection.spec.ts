import { expect, test } from './fixtures'

test('shift-click selects several; copy, paste, duplicate and delete act on them', async ({ editor, page }) => {
  await editor.open()
  // the originals and their copies, which get numbered names ("Orders 2")
  const orders = editor.canvas.getByRole('group', { name: /^Service Orders( \d+)?: / })
  const reports = editor.canvas.getByRole('group', { name: /^Service Reports( \d+)?: / })

  await editor.selectNode('Orders')
  await editor.selectNode('Reports', ['Shift'])
  await expect(editor.inspector.getByRole('heading', { name: '2 items selected' })).toBeVisible()
  await expect(orders).toHaveClass(/selected/)
  await expect(reports).toHaveClass(/selected/)

  // copy and paste: copies of both, offset from the originals, and the copies are selected
  await page.keyboard.press('Control+c')
  await expect(editor.notice).toContainText('Copied')
  await page.keyboard.press('Control+v')
  await expect(editor.nodes).toHaveCount(10)
  await expect(orders).toHaveCount(2)
  await expect(reports).toHaveCount(2)
  await expect(orders.nth(0)).not.toHaveClass(/selected/)
  await expect(orders.nth(1)).toHaveClass(/selected/)
  await expect(reports.nth(1)).toHaveClass(/selected/)
  const doc = await editor.document()
  const original = doc.nodes.find((n) => n.label === 'Orders')
  const copy = doc.nodes.find((n) => n.label === 'Orders 2')
  expect(copy!.id).not.toBe(original!.id)
  expect(copy!.x - original!.x).toBeGreaterThan(0)
  expect(copy!.y - original!.y).toBeGreaterThan(0)
  // nothing linked them to each other, so no links were copied
  await expect(editor.linkBadges).toHaveCount(7)

  // duplicate the (pasted) selection
  await page.keyboard.press('Control+d')
  await expect(editor.nodes).toHaveCount(12)
  await expect(orders).toHaveCount(3)
  await expect(reports).toHaveCount(3)
  await expect(editor.inspector.getByRole('heading', { name: '2 items selected' })).toBeVisible()

  // Delete removes exactly the selection
  await page.keyboard.press('Delete')
  await expect(editor.nodes).toHaveCount(10)
  await expect(orders).toHaveCount(2)
  await expect(reports).toHaveCount(2)
  await expect(editor.inspector.getByRole('heading', { name: 'Diagram' })).toBeVisible()
  await expect(editor.toolbarButton('Delete')).toBeDisabled()
  await expect(editor.toolbarButton('Duplicate')).toBeDisabled()

  // the toolbar's and the inspector's Duplicate and Delete work on a shift-click selection too
  await editor.selectNode('Email')
  await editor.selectNode('Analytics', ['Shift'])
  await editor.toolbarButton('Duplicate').click()
  await expect(editor.nodes).toHaveCount(12)
  await editor.toolbarButton('Delete').click()
  await expect(editor.nodes).toHaveCount(10)
  await editor.selectNode('Email')
  await editor.selectNode('Analytics', ['Shift'])
  await editor.inspector.getByRole('button', { name: 'Duplicate' }).click()
  await expect(editor.nodes).toHaveCount(12)
  await editor.inspector.getByRole('button', { name: 'Delete selection' }).click()
  await expect(editor.nodes).toHaveCount(10)
  await expect(editor.node('Email')).toHaveCount(1)
  await expect(editor.node('Analytics')).toHaveCount(1)

  // shift-clicking a selected node takes it out of the selection
  await editor.selectNode('Email')
  await editor.selectNode('Analytics', ['Shift'])
  await expect(editor.inspector.getByRole('heading', { name: '2 items selected' })).toBeVisible()
  await editor.selectNode('Analytics', ['Shift'])
  await expect(editor.inspector.getByRole('heading', { name: 'Email', exact: true })).toBeVisible()
})

test('tidy up, fit view and the theme toggle', async ({ editor, page }) => {
  await editor.open()

  // tidy up rearranges the diagram, keeps every node and link, and can be undone
  const before = await editor.document()
  await editor.toolbarButton('Tidy up').click()
  await expect.poll(async () => JSON.stringify((await editor.document()).nodes.map((n) => [n.x, n.y]))).not.toBe(JSON.stringify(before.nodes.map((n) => [n.x, n.y])))
  await editor.settle(450)
  const tidied = await editor.document()
  expect(tidied.nodes.map((n) => n.label)).toEqual(before.nodes.map((n) => n.label))
  expect(tidied.links).toEqual(before.links)
  // laid out left to right: each link goes rightwards, and no two nodes overlap
  const byId = new Map(tidied.nodes.map((n) => [n.id, n]))
  for (const l of tidied.links) expect(byId.get(l.target)!.x).toBeGreaterThan(byId.get(l.source)!.x)
  const boxes = await Promise.all((await editor.nodes.all()).map(async (n) => (await n.boundingBox())!))
  for (const [i, a] of boxes.entries()) {
    for (const b of boxes.slice(i + 1)) {
      const overlap = a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height
      expect(overlap).toBe(false)
    }
  }
  // and it is fitted into the canvas afterwards
  await editor.expectAllNodesInCanvas()
  await editor.toolbarButton('Undo').click()
  await expect.poll(async () => (await editor.document()).nodes).toEqual(before.nodes)

  // fit view brings a far-away diagram back into sight
  await page.getByRole('button', { name: 'Zoom Out' }).click()
  await editor.settle()
  const canvas = (await editor.canvas.boundingBox())!
  await editor.mouseDrag({ x: canvas.x + 300, y: canvas.y + 30 }, { x: canvas.x + 20, y: canvas.y + 25 })
  await page.getByRole('button', { name: 'Zoom In' }).click()
  await page.getByRole('button', { name: 'Zoom In' }).click()
  await page.getByRole('button', { name: 'Zoom In' }).click()
  await editor.settle()
  await expect(editor.node('Web shop')).not.toBeInViewport()
  await editor.toolbarButton('Fit view').click()
  await editor.expectAllNodesInCanvas()
  await editor.settle(450)
  // Shift+1 does the same
  await page.getByRole('button', { name: 'Zoom In' }).click()
  await page.getByRole('button', { name: 'Zoom In' }).click()
  await expect.poll(() => editor.nodesOutsideCanvas()).not.toEqual([])
  await page.keyboard.press('Shift+!')
  await editor.expectAllNodesInCanvas()

  // the theme toggle switches the page's theme and says what it switches to
  const html = page.locator('html')
  await expect(html).toHaveAttribute('data-theme', 'light')
  await editor.toolbarButton('Dark theme').click()
  await expect(html).toHaveAttribute('data-theme', 'dark')
  await expect(editor.toolbarButton('Light theme')).toBeVisible()
  await expect(editor.canvas.locator('.react-flow')).toHaveClass(/dark/)
  await editor.toolbarButton('Light theme').click()
  await expect(html).toHaveAttribute('data-theme', 'light')
  await editor.toolbarButton('Dark theme').click()
  // the choice is remembered
  await editor.reload()
  await expect(html).toHaveAttribute('data-theme', 'dark')
  await expect(editor.toolbarButton('Light theme')).toBeVisible()
})

test('shift-dragging a box on the canvas selects the nodes inside it', async ({ editor, page }) => {
  await editor.open()
  await editor.settle()
  const queue = (await editor.node('Shipping jobs').boundingBox())!
  const topic = (await editor.node('Order events').boundingBox())!
  // a box around the queue and the topic (the middle column), started on empty canvas to
  // their upper right; away from the canvas edges, where a selection drag pans the view
  const from = { x: queue.x + queue.width + 30, y: queue.y - 15 }
  const to = { x: topic.x - 30, y: topic.y + topic.height + 30 }
  await page.keyboard.down('Shift')
  await editor.mouseDrag(from, to, 10)
  await page.keyboard.up('Shift')
  // React Flow's box selection takes the links of the boxed nodes along (5 here)
  await expect(editor.inspector.getByRole('heading', { name: '7 items selected' })).toBeVisible()
  await expect(editor.inspector).toContainText('2 nodes and 5 links')
  await expect(editor.node('Shipping jobs')).toHaveClass(/selected/)
  await expect(editor.node('Order events')).toHaveClass(/selected/)
  await expect(editor.node('Orders')).not.toHaveClass(/selected/)
  await expect(editor.node('Email')).not.toHaveClass(/selected/)
  // the selection acts as one: Delete removes both, and the links that touch them
  await page.keyboard.press('Delete')
  await expect(editor.nodes).toHaveCount(6)
  await expect(editor.linkBadges).toHaveCount(2)
})
