import type { Locator } from '@playwright/test'
import type { NodeKind } from '../src/model/types'
import { STARTER_DOCUMENT } from '../src/scenarios/starter'
import { expect, test, type Editor, type WireDoc } from './fixtures'

/**
 * The "Done means": a person can build the starter diagram from an empty canvas
 * with the mouse only, and with the keyboard only. Both tests end with the same structure
 * as the starter: node kinds and labels, and link kinds between the same labelled nodes
 * (ids, positions and settings are not compared).
 */

interface Structure {
  nodes: string[]
  links: string[]
}

function structureOf(doc: Pick<WireDoc, 'nodes' | 'links'> | typeof STARTER_DOCUMENT): Structure {
  const label = (id: string) => doc.nodes.find((n) => n.id === id)?.label ?? `<missing ${id}>`
  return {
    nodes: doc.nodes.map((n) => `${n.kind} "${n.label}"`).sort(),
    links: doc.links.map((l) => `"${label(l.source)}" -> "${label(l.target)}": ${l.kind}`).sort(),
  }
}

const STARTER = structureOf(STARTER_DOCUMENT)

/** The starter's nodes, in the order both tests add them. */
const NODES: Array<{ kind: NodeKind; label: string }> = STARTER_DOCUMENT.nodes.map((n) => ({ kind: n.kind, label: n.label }))

/** The starter's links as [source label, target label], in document order. */
const LINKS: Array<[string, string]> = STARTER_DOCUMENT.links.map((l) => {
  const label = (id: string) => STARTER_DOCUMENT.nodes.find((n) => n.id === id)!.label
  return [label(l.source), label(l.target)]
})

async function expectStarterStructure(editor: Editor) {
  const doc = await editor.document()
  expect(structureOf(doc)).toEqual(STARTER)
  // nothing left over: one node per label, nothing else selected or half-made
  expect(new Set(doc.nodes.map((n) => n.label)).size).toBe(doc.nodes.length)
}

test('the starter diagram can be built from an empty canvas with the mouse alone', async ({ editor, page }) => {
  // eight drags, eight renames and seven connections: over the default 30 s on a busy machine
  test.setTimeout(120_000)
  await editor.open()
  await editor.dismissHint()

  // New diagram asks first, since the starter is on the canvas
  await editor.toolbarButton('New diagram').click()
  await expect(editor.confirmDialog).toBeVisible()
  await editor.confirmDialog.getByRole('button', { name: 'Discard and start new' }).click()
  await expect(editor.nodes).toHaveCount(0)
  await expect(editor.emptyCanvas).toBeVisible()

  // where each block is dropped, relative to the canvas' top-left corner: four columns,
  // left to right as the messages flow, clear of the controls, legend and mini map
  const SPOTS: Record<string, { x: number; y: number }> = {
    'Web shop': { x: 90, y: 280 },
    Orders: { x: 290, y: 280 },
    Reports: { x: 290, y: 110 },
    'Shipping jobs': { x: 490, y: 110 },
    'Order events': { x: 490, y: 450 },
    Shipping: { x: 690, y: 110 },
    Email: { x: 690, y: 300 },
    Analytics: { x: 690, y: 450 },
  }

  for (const [i, { kind, label }] of NODES.entries()) {
    const spot = SPOTS[label]!
    await editor.dragFromPalette(kind, spot.x, spot.y)
    await expect(editor.nodes).toHaveCount(i + 1)

    // the dropped block is selected; rename it in place: double-click its label, type
    const added = editor.canvas.locator('.react-flow__node.selected')
    await expect(added).toHaveCount(1)
    await added.locator('.wire-node__label').dblclick()
    const input = added.getByRole('textbox', { name: /^Rename / })
    await expect(input).toBeFocused()
    // The field opens with the caret after the default name, nothing selected, so typing
    // would append ("ServiceOrders"). A mouse user selects the old name by triple-clicking.
    await input.click({ clickCount: 3 })
    await page.keyboard.type(label)
    await page.keyboard.press('Enter')
    await expect(input).toHaveCount(0)
    await expect(editor.node(label)).toBeVisible()
  }
  expect(structureOf(await editor.document()).nodes).toEqual(STARTER.nodes)

  // link by dragging from each source's right-hand handle onto the target node
  for (const [source, target] of LINKS) {
    const before = (await editor.document()).links.length
    await editor.connect(source, target)
    await expect.poll(async () => (await editor.document()).links.length, { message: `link ${source} -> ${target}` }).toBe(before + 1)
    await expect(editor.notice).toContainText('Linked')

    if (source === 'Web shop' && target === 'Reports') {
      // the new link is selected: switch it to asynchronous in the inspector
      await expect(editor.inspector.getByRole('heading', { name: 'Synchronous HTTP from Web shop to Reports' })).toBeVisible()
      await editor.inspector.getByRole('radio', { name: 'Asynchronous HTTP (202 + polling)' }).click()
      await expect(editor.inspector.getByRole('radio', { name: 'Asynchronous HTTP (202 + polling)' })).toBeChecked()
      await expect(editor.link('Asynchronous HTTP (202 + polling) from Web shop to Reports')).toBeAttached()
    }
  }

  await expectStarterStructure(editor)
  await editor.expectAllNodesInCanvas()
})

test('the starter diagram can be built from an empty canvas with the keyboard alone', async ({ editor, page }) => {
  // a few hundred key presses, each checked: more than the default 30 s on a busy machine
  test.setTimeout(180_000)
  const { keyboard } = page
  /** Where focus went after an action that should have kept it; recorded, not failed (see the report). */
  const focusNotes: string[] = []
  const checkFocusKept = async (action: string, expected: Locator) => {
    if (!(await expected.evaluate((el) => el === document.activeElement))) {
      focusNotes.push(`after ${action}: focus on ${await editor.focusedDescription()}`)
    }
  }
  /** Every Tab press, to show how far apart the controls of one task are. */
  const presses: string[] = []
  const tabTo = async (what: string, target: Locator, options?: { backwards?: boolean }) => {
    const n = await editor.tabTo(target, options)
    presses.push(`${what}: ${n}`)
  }

  await editor.open()
  // no mouse from here on; focus starts on the page body
  await expect(page.locator('body')).toBeFocused()

  // New diagram, and confirm in the dialog
  await tabTo('New diagram', editor.toolbarButton('New diagram'))
  await keyboard.press('Enter')
  await expect(editor.confirmDialog).toBeVisible()
  const discard = editor.confirmDialog.getByRole('button', { name: 'Discard and start new' })
  await tabTo('Discard', discard)
  await keyboard.press('Enter')
  await expect(editor.nodes).toHaveCount(0)
  await expect(editor.emptyCanvas).toBeVisible()

  // each block: press it in the palette (it is added and selected), then name it in the inspector
  const nameField = editor.field('Name')
  for (const [i, { kind, label }] of NODES.entries()) {
    const block = editor.paletteButton(kind)
    await tabTo(`palette ${kind}`, block)
    await keyboard.press('Enter')
    await expect(editor.nodes).toHaveCount(i + 1)
    await checkFocusKept(`adding a ${kind} with Enter`, block)

    await tabTo(`Name of new ${kind}`, nameField)
    await keyboard.press('ControlOrMeta+A')
    await keyboard.type(label)
    await keyboard.press('Enter')
    await expect(editor.node(label)).toBeAttached()
    await expect(editor.inspector.getByRole('heading', { name: label, exact: true })).toBeVisible()
    await checkFocusKept(`renaming to "${label}" with Enter in the Name field`, nameField)
  }
  expect(structureOf(await editor.document()).nodes).toEqual(STARTER.nodes)

  // links: Tab to the source node on the canvas, Enter selects it; then "Link to" and "Add link"
  const linkTo = editor.field('Link to')
  const addLink = editor.inspector.getByRole('button', { name: 'Add link' })
  let selected = ''
  for (const [source, target] of LINKS) {
    // the canvas comes before the inspector: back with Shift+Tab to the node, on to "Link to",
    // and back one step from "Add link" to "Link to" for the next target
    const sameSource = selected === source
    if (!sameSource) {
      await tabTo(`node ${source}`, editor.node(source), { backwards: true })
      await keyboard.press('Enter')
      await expect(editor.inspector.getByRole('heading', { name: source, exact: true })).toBeVisible()
      selected = source
    }
    await tabTo(`Link to (from ${source})`, linkTo, { backwards: sameSource })
    await editor.arrowToOption(linkTo, new RegExp(`^${target} \\(`))
    await tabTo('Add link', addLink)
    await keyboard.press('Enter')
    await expect(editor.notice).toContainText(`Linked ${source} to ${target}`)
    await checkFocusKept(`Add link (${source} -> ${target})`, addLink)

    if (source === 'Web shop' && target === 'Reports') {
      // open the new link from the node's list of outgoing links, switch it with the arrow keys
      const entry = editor.inspector.getByRole('button', { name: 'Reports — Synchronous HTTP' })
      await tabTo('link entry in Outgoing links', entry, { backwards: true })
      await keyboard.press('Enter')
      await expect(editor.inspector.getByRole('heading', { name: 'Synchronous HTTP from Web shop to Reports' })).toBeVisible()
      selected = ''
      const syncRadio = editor.inspector.getByRole('radio', { name: 'Synchronous HTTP', exact: true })
      const asyncRadio = editor.inspector.getByRole('radio', { name: 'Asynchronous HTTP (202 + polling)' })
      await checkFocusKept('opening a link from the Outgoing links list', syncRadio)
      await tabTo('Kind radio group', syncRadio)
      await keyboard.press('ArrowDown')
      await expect(asyncRadio).toBeChecked()
      await expect(asyncRadio).toBeFocused()
      await expect(editor.link('Asynchronous HTTP (202 + polling) from Web shop to Reports')).toBeAttached()
    }
  }

  await expectStarterStructure(editor)

  // the keyboard-added blocks sit stepped around the centre; Tidy up lays them out
  await tabTo('Tidy up', editor.toolbarButton('Tidy up'))
  await keyboard.press('Enter')
  await editor.settle(450)
  await editor.expectAllNodesInCanvas()
  await expectStarterStructure(editor)

  test.info().annotations.push({ type: 'tab presses', description: presses.join('; ') })
  for (const note of focusNotes) test.info().annotations.push({ type: 'focus not kept', description: note })
  console.log(`tab presses: ${presses.join('; ')}`)
  console.log(`focus not kept (${focusNotes.length}):\n  ${focusNotes.join('\n  ')}`)
})
