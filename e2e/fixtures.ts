import { test as base, expect, type Locator, type Page } from '@playwright/test'
import { AUTOSAVE_KEY } from '../src/app/autosave'
import { TEST_IDS } from '../src/lib/testIds'
import type { LinkKind, NodeKind } from '../src/model/types'

/**
 * The Wireplay editor as a page object, handed to tests as the `editor` fixture.
 * Locators go by role and accessible name where the app gives one, by test id otherwise.
 */

/** The saved document as `window.__wireplay.document()` returns it. */
export interface DocNode {
  id: string
  kind: NodeKind
  label: string
  x: number
  y: number
  settings?: Record<string, number | string>
}
export interface DocLink {
  id: string
  source: string
  target: string
  kind: LinkKind
  settings?: Record<string, number | string>
}
export interface WireDoc {
  wireplay: 1
  nodes: DocNode[]
  links: DocLink[]
}

export const KIND_NAMES: Record<NodeKind, string> = {
  client: 'Client',
  service: 'Service',
  database: 'Database',
  queue: 'Queue',
  topic: 'Topic',
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/** A small document for a test; `x`/`y` are flow units, settings are the defaults. */
export function diagram(nodes: Array<Pick<DocNode, 'id' | 'kind' | 'label' | 'x' | 'y'>>, links: Array<Pick<DocLink, 'id' | 'source' | 'target' | 'kind'>> = []): WireDoc {
  return { wireplay: 1, nodes: nodes.map((n) => ({ ...n })), links: links.map((l) => ({ ...l })) }
}

const center = (box: { x: number; y: number; width: number; height: number }) => ({ x: box.x + box.width / 2, y: box.y + box.height / 2 })

async function boxOf(locator: Locator) {
  await expect(locator).toBeVisible()
  const box = await locator.boundingBox()
  if (!box) throw new Error(`no bounding box for ${locator.toString()}`)
  return box
}

export class Editor {
  readonly page: Page
  readonly canvas: Locator
  readonly palette: Locator
  readonly inspector: Locator
  /** every diagram node on the canvas */
  readonly nodes: Locator
  readonly linkBadges: Locator
  /** the message bar (refused links, confirmations) */
  readonly notice: Locator
  readonly emptyCanvas: Locator
  readonly hint: Locator
  readonly confirmDialog: Locator
  /** uncaught page errors and console errors seen so far */
  readonly errors: string[] = []

  constructor(page: Page) {
    this.page = page
    this.canvas = page.getByTestId(TEST_IDS.canvas)
    this.palette = page.getByRole('navigation', { name: 'Palette' })
    this.inspector = page.getByRole('complementary', { name: 'Inspector' })
    this.nodes = this.canvas.locator('.react-flow__node')
    this.linkBadges = page.getByTestId(TEST_IDS.linkBadge)
    this.notice = page.getByRole('status', { name: 'Messages' })
    this.emptyCanvas = page.getByTestId(TEST_IDS.emptyCanvas)
    this.hint = page.getByRole('note').filter({ hasText: 'Welcome!' })
    this.confirmDialog = page.getByRole('dialog')
    page.on('pageerror', (e) => this.errors.push(`pageerror: ${e.message}`))
    page.on('console', (m) => {
      if (m.type() === 'error') this.errors.push(`console.error: ${m.text()}`)
    })
  }

  /**
   * Open the editor with empty storage, as on a first visit (the starter diagram and the
   * welcome hint). With `doc`, that document then replaces the starter through the test
   * bridge and the view is fitted to it. Storage is cleared only on the first navigation
   * of the page, so a reload keeps what the app saved.
   */
  async open(options: { doc?: WireDoc } = {}) {
    await this.page.addInitScript(() => {
      const marker = 'wireplay.e2e.prepared'
      if (sessionStorage.getItem(marker)) return
      sessionStorage.setItem(marker, '1')
      localStorage.clear()
    })
    await this.page.goto('/')
    await this.ready()
    if (options.doc) await this.load(options.doc)
  }

  /** Replace the diagram through the test bridge and fit the view to it. */
  async load(doc: WireDoc) {
    const problem = await this.page.evaluate((d) => window.__wireplay!.load(d), doc)
    expect(problem, 'the test document is valid').toBeNull()
    await expect(this.nodes).toHaveCount(doc.nodes.length)
    await this.toolbarButton('Fit view').click()
    await this.settle(450)
  }

  async reload() {
    await this.page.reload()
    await this.ready()
  }

  /** The app is booted, its nodes measured and the view no longer moving. */
  async ready() {
    await expect(this.canvas).toBeVisible()
    await this.page.waitForFunction(() => window.__wireplay !== undefined)
    const count = (await this.document()).nodes.length
    await expect(this.nodes).toHaveCount(count)
    if (count > 0) await expect(this.nodes.first()).toBeVisible()
    await this.settle()
  }

  /**
   * Wait until the canvas transform has not changed for `quietMs` (fit view and the zoom
   * buttons animate for 300 ms; pass more than that right after starting one).
   */
  async settle(quietMs = 150) {
    await this.page.evaluate(
      (quiet) =>
        new Promise<void>((resolve) => {
          const read = () => document.querySelector<HTMLElement>('.react-flow__viewport')?.style.transform ?? ''
          let last = read()
          let since = performance.now()
          const tick = () => {
            const now = performance.now()
            const current = read()
            if (current !== last || current === '') {
              last = current
              since = now
            }
            if (now - since >= quiet) resolve()
            else requestAnimationFrame(tick)
          }
          requestAnimationFrame(tick)
        }),
      quietMs,
    )
  }

  /** A node by its exact label; its accessible name is "<Kind> <Label>: <summary>". */
  node(label: string): Locator {
    return this.canvas.getByRole('group', { name: new RegExp(`^(${Object.values(KIND_NAMES).join('|')}) ${escapeRe(label)}: `) })
  }

  /** A link by its description, e.g. "Synchronous HTTP from Web shop to Orders". */
  link(description: string): Locator {
    return this.canvas.getByRole('group', { name: description, exact: true })
  }

  paletteButton(kind: NodeKind): Locator {
    return this.palette.getByRole('button', { name: KIND_NAMES[kind], exact: true })
  }

  /** A button of the toolbar at the top (New diagram, Undo, ..., the theme toggle). */
  toolbarButton(name: string): Locator {
    return this.page.getByRole('banner').getByRole('button', { name, exact: true })
  }

  /** An inspector field by (the start of) its label. */
  field(label: string): Locator {
    return this.inspector.getByLabel(label)
  }

  async document(): Promise<WireDoc> {
    return (await this.page.evaluate(() => window.__wireplay!.document())) as WireDoc
  }

  async docNode(label: string): Promise<DocNode> {
    const found = (await this.document()).nodes.filter((n) => n.label === label)
    if (found.length !== 1) throw new Error(`expected one node labelled "${label}", found ${found.length}`)
    return found[0]!
  }

  /** The links as "Source label -> Target label: kind", in document order. */
  async linkSummary(): Promise<string[]> {
    const d = await this.document()
    const label = (id: string) => d.nodes.find((n) => n.id === id)?.label ?? id
    return d.links.map((l) => `${label(l.source)} -> ${label(l.target)}: ${l.kind}`)
  }

  /** The canvas zoom, read from the React Flow viewport transform. */
  async zoom(): Promise<number> {
    const transform = await this.page.locator('.react-flow__viewport').evaluate((el) => (el as HTMLElement).style.transform)
    const m = /scale\(([\d.]+)\)/.exec(transform)
    if (!m) throw new Error(`unexpected viewport transform "${transform}"`)
    return Number(m[1])
  }

  /** A point on the canvas, relative to its top-left corner, in page coordinates. */
  async canvasPoint(x: number, y: number) {
    const box = await boxOf(this.canvas)
    return { x: box.x + x, y: box.y + y }
  }

  /** Press the mouse at `from`, move in steps to `to`, release: real pointer events throughout. */
  async mouseDrag(from: { x: number; y: number }, to: { x: number; y: number }, steps = 6) {
    const { mouse } = this.page
    await mouse.move(from.x, from.y)
    await mouse.down()
    await mouse.move(from.x + 6, from.y + 6, { steps: 2 })
    await mouse.move(to.x, to.y, { steps })
    await mouse.up()
  }

  /** Drag a palette block and drop it at (x, y) relative to the canvas' top-left corner. */
  async dragFromPalette(kind: NodeKind, x: number, y: number) {
    const from = center(await boxOf(this.paletteButton(kind)))
    const to = await this.canvasPoint(x, y)
    const { mouse } = this.page
    await mouse.move(from.x, from.y)
    await mouse.down()
    await mouse.move(from.x + 10, from.y, { steps: 2 })
    await mouse.move(to.x, to.y, { steps: 6 })
    await expect(this.page.getByTestId(TEST_IDS.dragGhost)).toBeVisible()
    await mouse.up()
    await expect(this.page.getByTestId(TEST_IDS.dragGhost)).toHaveCount(0)
  }

  /** Drag from a node's source handle (its right edge) onto the middle of another node. */
  async connect(fromLabel: string, toLabel: string) {
    await this.settle()
    const from = center(await boxOf(this.node(fromLabel).locator('.react-flow__handle.source')))
    const to = center(await boxOf(this.node(toLabel)))
    await this.mouseDrag(from, to)
  }

  /** Drag from a node's target handle (its left edge) onto another node: links the other way. */
  async connectBackwards(fromTargetOf: string, toLabel: string) {
    await this.settle()
    const from = center(await boxOf(this.node(fromTargetOf).locator('.react-flow__handle.target')))
    const to = center(await boxOf(this.node(toLabel)))
    await this.mouseDrag(from, to)
  }

  /** Drag a node by its body by (dx, dy) screen pixels. */
  async moveNode(label: string, dx: number, dy: number) {
    await this.settle()
    const from = center(await boxOf(this.node(label).locator('.wire-node__kind')))
    await this.mouseDrag(from, { x: from.x + dx, y: from.y + dy })
  }

  /** Click a node (on its kind line, away from the label and the handles). */
  async selectNode(label: string, modifiers: Array<'Shift' | 'Control'> = []) {
    await this.node(label).locator('.wire-node__kind').click({ modifiers })
  }

  /** Click an empty spot of the canvas: clears the selection and takes focus off fields. */
  async clickEmptyCanvas() {
    const box = await boxOf(this.canvas)
    await this.page.mouse.click(box.x + box.width / 2, box.y + 12)
  }

  /** Press Tab (or Shift+Tab) until `target` has focus; returns how many presses it took. */
  async tabTo(target: Locator, { backwards = false, max = 80 } = {}): Promise<number> {
    const element = await target.elementHandle()
    let presses = 0
    for (; presses < max && !(await element!.evaluate((el) => el === document.activeElement)); presses++) {
      await this.page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab')
    }
    await expect(target).toBeFocused()
    return presses
  }

  /** What has keyboard focus, in words: "body", or tag, accessible name and text. For messages. */
  async focusedDescription(): Promise<string> {
    return this.page.evaluate(() => {
      const el = document.activeElement
      if (!el || el === document.body) return 'body'
      const name = el.getAttribute('aria-label') ?? (el as HTMLInputElement).labels?.[0]?.textContent ?? ''
      const text = (el.textContent ?? '').trim().slice(0, 40)
      return `<${el.tagName.toLowerCase()}> ${name ? `"${name}" ` : ''}${text ? `text "${text}"` : ''}`.trim()
    })
  }

  /**
   * Pick an option of the focused <select> with the arrow keys alone, as a keyboard user
   * does: Down until the shown option's text matches, then Up if it was above.
   */
  async arrowToOption(select: Locator, option: RegExp) {
    await expect(select).toBeFocused()
    const shown = () => select.evaluate((el) => (el as HTMLSelectElement).selectedOptions[0]?.textContent ?? '')
    const count = await select.locator('option').count()
    for (const key of ['ArrowDown', 'ArrowUp']) {
      for (let i = 0; i <= count && !option.test(await shown()); i++) await this.page.keyboard.press(key)
      if (option.test(await shown())) return
    }
    throw new Error(`no option matching ${option} reachable with the arrow keys; shown: "${await shown()}"`)
  }

  /** The accessible names of the nodes that lie (partly) outside the visible canvas. */
  async nodesOutsideCanvas(): Promise<string[]> {
    return this.page.evaluate((canvasId) => {
      const canvas = document.querySelector(`[data-testid="${canvasId}"]`)!.getBoundingClientRect()
      return [...document.querySelectorAll('.react-flow__node')]
        .filter((node) => {
          const b = node.getBoundingClientRect()
          return b.left < canvas.left || b.top < canvas.top || b.right > canvas.right || b.bottom > canvas.bottom
        })
        .map((node) => node.getAttribute('aria-label') ?? '')
    }, TEST_IDS.canvas)
  }

  /** Every node comes to lie wholly inside the visible canvas (waits out view animations). */
  async expectAllNodesInCanvas() {
    await expect.poll(() => this.nodesOutsideCanvas(), { message: 'nodes outside the canvas' }).toEqual([])
  }

  /** Close the welcome hint with its only button ("Got it"). */
  /** The link the Share dialog gives for the diagram on screen (the dialog is closed again). */
  async shareUrl(): Promise<string> {
    await this.toolbarButton('Share…').click()
    const url = await this.page.getByRole('textbox', { name: 'Share link' }).inputValue()
    await this.page.getByRole('button', { name: 'Close' }).click()
    return url
  }

  /**
   * The starter's share link, then an edit here (Email deleted and saved), then that link
   * opened by a fresh page load: opening a link over saved work. Returns the link.
   */
  async openOwnLinkOverSavedEdit(): Promise<string> {
    const url = await this.shareUrl()
    await this.selectNode('Email')
    await this.page.keyboard.press('Delete')
    await expect(this.nodes).toHaveCount(7)
    await this.waitForAutosave()
    // a fresh page load with the link (not a hash change on this page)
    await this.page.goto('/favicon.svg')
    await this.page.goto(url)
    return url
  }

  async dismissHint() {
    await this.hint.getByRole('button').click()
    await expect(this.hint).toHaveCount(0)
  }

  /** Start from an empty canvas through the toolbar's "New diagram" (confirming if asked). */
  async newDiagram() {
    await this.toolbarButton('New diagram').click()
    if ((await this.document()).nodes.length > 0) {
      await expect(this.confirmDialog).toBeVisible()
      await this.confirmDialog.getByRole('button', { name: 'Discard and start new' }).click()
    }
    await expect(this.nodes).toHaveCount(0)
    await expect(this.emptyCanvas).toBeVisible()
  }

  /** Wait until autosave has stored the current document (and, if given, a view at `zoom`). */
  async waitForAutosave(zoom?: number) {
    const current = JSON.stringify(await this.document())
    await expect
      .poll(async () =>
        this.page.evaluate(
          ({ key, current, zoom }) => {
            const raw = localStorage.getItem(key)
            if (!raw) return false
            const entry = JSON.parse(raw) as { document?: unknown; view?: { zoom: number } }
            if (JSON.stringify(entry.document) !== current) return false
            return zoom === null || (entry.view !== undefined && Math.abs(entry.view.zoom - zoom) < 0.01)
          },
          { key: AUTOSAVE_KEY, current, zoom: zoom ?? null },
        ),
      )
      .toBe(true)
  }
}

export const test = base.extend<{ editor: Editor }>({
  editor: async ({ page }, use) => {
    const editor = new Editor(page)
    await use(editor)
    // an uncaught exception is a bug whatever the test was about
    expect(editor.errors.filter((e) => e.startsWith('pageerror')), 'uncaught page errors').toEqual([])
  },
})

export { expect }
