import { diagram, expect, test } from './fixtures'

const DOC = diagram([
  { id: 'c', kind: 'client', label: 'Web', x: 0, y: 0 },
  { id: 's', kind: 'service', label: 'API', x: 300, y: 0 },
  { id: 'd', kind: 'database', label: 'Store', x: 600, y: 0 },
])

test('a diagram can be edited with the keyboard alone', async ({ editor, page }) => {
  await editor.open({ doc: DOC })
  const web = editor.node('Web')

  // Tab to the node, Enter selects it
  await editor.tabTo(web)
  await page.keyboard.press('Enter')
  await expect(editor.inspector.getByRole('heading', { name: 'Web', exact: true })).toBeVisible()
  await expect(editor.inspector).toContainText('None yet.')

  // link it through the inspector: "Link to" offers the first valid target; the arrow keys pick another
  const linkTo = editor.field('Link to')
  const addLink = editor.inspector.getByRole('button', { name: 'Add link' })
  await editor.tabTo(linkTo)
  await expect(linkTo).toHaveValue('s')
  await page.keyboard.press('ArrowDown')
  await expect(linkTo).toHaveValue('d')
  await editor.tabTo(addLink)
  await page.keyboard.press('Enter')
  await expect(editor.notice).toContainText('Linked Web to Store')
  await expect(editor.link('Synchronous HTTP from Web to Store')).toBeAttached()
  await expect(editor.inspector.getByRole('button', { name: 'Store — Synchronous HTTP' })).toBeVisible()
  expect(await editor.linkSummary()).toEqual(['Web -> Store: sync'])

  // Store is taken now: the list moves on to API, and says why Store is refused
  await expect(linkTo).toHaveValue('s')
  await expect(linkTo.getByRole('option', { name: /^Store \(Database\)/ })).toContainText('already linked')
  await editor.tabTo(addLink)
  await page.keyboard.press('Enter')
  await expect(editor.notice).toContainText('Linked Web to API')
  expect(await editor.linkSummary()).toEqual(['Web -> Store: sync', 'Web -> API: sync'])
  await expect(editor.linkBadges).toHaveText(['HTTP', 'HTTP'])

  // links are drawn before the nodes but left out of the Tab order (the inspector lists
  // them): from the palette, Tab goes straight to the first node
  await editor.paletteButton('topic').focus()
  await page.keyboard.press('Tab')
  await expect(web).toBeFocused()

  // back on the node, arrow keys move it (5 flow units a press, 20 with Shift)
  await editor.tabTo(web, { backwards: true })
  const x0 = (await editor.docNode('Web')).x
  const y0 = (await editor.docNode('Web')).y
  await page.keyboard.press('ArrowRight')
  await expect.poll(async () => (await editor.docNode('Web')).x).toBe(x0 + 5)
  await page.keyboard.press('Shift+ArrowRight')
  await expect.poll(async () => (await editor.docNode('Web')).x).toBe(x0 + 25)
  await page.keyboard.press('ArrowDown')
  await expect.poll(async () => (await editor.docNode('Web')).y).toBe(y0 + 5)

  // Delete removes the selection, and the links that touch it
  await page.keyboard.press('Delete')
  await expect(web).toHaveCount(0)
  await expect(editor.nodes).toHaveCount(2)
  await expect(editor.linkBadges).toHaveCount(0)
  expect(await editor.linkSummary()).toEqual([])
  await expect(editor.inspector.getByRole('heading', { name: 'Diagram' })).toBeVisible()

  // Escape clears the selection
  await editor.tabTo(editor.node('API'), { backwards: true })
  await page.keyboard.press('Enter')
  await expect(editor.inspector.getByRole('heading', { name: 'API', exact: true })).toBeVisible()
  await page.keyboard.press('Escape')
  await expect(editor.inspector.getByRole('heading', { name: 'Diagram' })).toBeVisible()
})
