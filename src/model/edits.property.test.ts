import assert from 'node:assert/strict'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { parseDocumentText, serializeDocument } from '../share/document'
import { addNode, connect, copyFragment, moveNodes, pasteFragment, removeElements, renameNode, setLinkKind, setLinkSetting, setNodeSetting } from './edits'
import { NODE_FIELDS, linkFields, parseField } from './fields'
import { checkDiagram } from './invariants'
import { checkConnection } from './rules'
import { ARRIVALS, BALANCING, DISTRIBUTIONS, LINK_KINDS, NODE_KINDS, type Diagram, type LinkKind, type NodeKind } from './types'

/**
 * Random sequences of user edits, from an empty diagram (a few adds first). Whatever the edits accept or
 * refuse, the diagram must stay valid after every step and survive a save and load.
 * Picks are indices taken modulo the current number of nodes or links (with the odd
 * id that does not exist), so the edits land on real elements most of the time.
 */

type Op =
  | { t: 'add'; kind: NodeKind; x: number; y: number }
  | { t: 'connect'; a: number; gap: number; kind: LinkKind | undefined }
  | { t: 'remove'; nodes: number[]; links: number[] }
  | { t: 'paste'; nodes: number[]; dx: number; dy: number }
  | { t: 'setNode'; node: number; key: string; raw: unknown }
  | { t: 'setLinkKind'; link: number; kind: LinkKind }
  | { t: 'setLink'; link: number; key: string; raw: unknown }
  | { t: 'rename'; node: number; raw: string }
  | { t: 'move'; node: number; x: number; y: number }

const ALL_NODE_KEYS = [...new Set(Object.values(NODE_FIELDS).flatMap((fields) => fields.map((f) => f.key)))]
const ALL_LINK_KEYS = [...new Set(LINK_KINDS.flatMap((k) => (['call', 'publish', 'consume'] as const).flatMap((r) => linkFields(k, r).map((f) => f.key))))]

const coord = fc.oneof(fc.integer({ min: -5_000, max: 5_000 }), fc.double({ min: -5_000, max: 5_000, noNaN: true }))

/** What a person might type into a field, or what a buggy caller might pass. */
const rawValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: fc.string({ maxLength: 12 }) },
  { weight: 4, arbitrary: fc.oneof(fc.integer({ min: -10, max: 2_000_000 }), fc.double({ noNaN: false })).map(String) },
  {
    weight: 3,
    arbitrary: fc.constantFrom(
      '', ' ', '0', '1', '2.5', ' 42 ', '1e3', '0x10', '-1', '101', '100', '10000', '10001', 'NaN', 'Infinity', '-Infinity', '1,5',
      ...DISTRIBUTIONS, ...ARRIVALS, ...BALANCING, 'Gaussian', 'POISSON',
      'Job v2', ' OrderPlaced v10 ', 'Job', 'OrderPlaced', 'Order placed', 'A, B', ' A ,B.c ', 'x'.repeat(61), `Name v${'9'.repeat(5)}`,
    ),
  },
  { weight: 1, arbitrary: fc.oneof(fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.constant(undefined)) },
)

/** Mostly a real element; now and then an id that does not exist. */
const MISSING_FROM = 50
const pick = fc.oneof({ weight: 19, arbitrary: fc.nat({ max: 19 }) }, { weight: 1, arbitrary: fc.integer({ min: MISSING_FROM, max: MISSING_FROM + 9 }) })

const opArb: fc.Arbitrary<Op> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ t: fc.constant('add' as const), kind: fc.constantFrom(...NODE_KINDS), x: coord, y: coord }) },
  // the target is `gap` places after the source (a self link only for 0, which stays rare)
  { weight: 10, arbitrary: fc.record({ t: fc.constant('connect' as const), a: pick, gap: fc.oneof({ weight: 1, arbitrary: fc.constant(0) }, { weight: 15, arbitrary: fc.integer({ min: 1, max: 19 }) }), kind: fc.oneof({ weight: 2, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: fc.constantFrom(...LINK_KINDS) }) }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('remove' as const), nodes: fc.array(pick, { maxLength: 2 }), links: fc.array(pick, { maxLength: 3 }) }) },
  // at most 5 nodes per paste keeps the diagram far below the size caps (see the report on caps)
  { weight: 1, arbitrary: fc.record({ t: fc.constant('paste' as const), nodes: fc.array(pick, { maxLength: 5 }), dx: coord, dy: coord }) },
  { weight: 4, arbitrary: fc.record({ t: fc.constant('setNode' as const), node: pick, key: fc.constantFrom(...ALL_NODE_KEYS, 'colour', 'toString'), raw: rawValue }) },
  { weight: 2, arbitrary: fc.record({ t: fc.constant('setLinkKind' as const), link: pick, kind: fc.constantFrom(...LINK_KINDS) }) },
  { weight: 2, arbitrary: fc.record({ t: fc.constant('setLink' as const), link: pick, key: fc.constantFrom(...ALL_LINK_KEYS, 'jitter'), raw: rawValue }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('rename' as const), node: pick, raw: fc.string({ maxLength: 50 }) }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('move' as const), node: pick, x: coord, y: coord }) },
)

/** An element's id by index (modulo the length), or an id that does not exist. */
function idAt(list: readonly { id: string }[], i: number): string {
  if (list.length === 0 || i >= MISSING_FROM) return `missing-${i}`
  return list[i % list.length]!.id
}

/** Like toMatchObject, for flat objects. */
function assertHas(actual: object | undefined, expected: Record<string, unknown>): void {
  assert.ok(actual, 'missing')
  const a = actual as Record<string, unknown>
  assert.deepEqual(Object.fromEntries(Object.keys(expected).map((k) => [k, a[k]])), expected)
}

/**
 * Apply one edit; refused edits leave the diagram as it was. Checks each edit's own promise
 * on the way (with node:assert, since which checks apply depends on the edit).
 */
function apply(d: Diagram, op: Op): Diagram {
  switch (op.t) {
    case 'add': {
      const r = addNode(d, op.kind, { x: op.x, y: op.y })
      assert.equal(r.diagram.nodes.length, d.nodes.length + 1)
      assertHas(r.diagram.nodes.at(-1), { id: r.id, kind: op.kind, x: Math.round(op.x), y: Math.round(op.y) })
      return r.diagram
    }
    case 'connect': {
      const a = idAt(d.nodes, op.a)
      const n = d.nodes.length
      const b = op.a >= MISSING_FROM || op.gap === 0 || n < 2 ? a : idAt(d.nodes, (op.a % n) + 1 + ((op.gap - 1) % (n - 1)))
      const r = connect(d, a, b, op.kind)
      const allowed = checkConnection(d, a, b)
      if (!allowed.ok) {
        assert.deepEqual(r, { ok: false, error: allowed.error })
        return d
      }
      if (!r.ok) {
        // only a chosen kind the ends do not allow may be refused here
        assert.ok(op.kind !== undefined && op.kind !== allowed.value, r.error)
        assert.match(r.error, /link cannot join/)
        return d
      }
      assertHas(r.value.diagram.links.at(-1), { id: r.value.id, source: a, target: b, kind: op.kind ?? allowed.value })
      return r.value.diagram
    }
    case 'remove': {
      const nodeIds = op.nodes.map((i) => idAt(d.nodes, i))
      const linkIds = op.links.map((i) => idAt(d.links, i))
      const next = removeElements(d, nodeIds, linkIds)
      for (const id of [...nodeIds, ...linkIds]) {
        assert.ok(!next.nodes.some((x) => x.id === id) && !next.links.some((l) => l.id === id), `${id} was not removed`)
      }
      return next
    }
    case 'paste': {
      const fragment = copyFragment(d, op.nodes.map((i) => idAt(d.nodes, i)))
      const r = pasteFragment(d, fragment, { x: op.dx, y: op.dy })
      assert.equal(r.nodeIds.length, fragment.nodes.length)
      assert.equal(r.diagram.links.length, d.links.length + fragment.links.length)
      return r.diagram
    }
    case 'setNode': {
      const id = idAt(d.nodes, op.node)
      const r = setNodeSetting(d, id, op.key, op.raw)
      if (!r.ok) return d
      const node = r.value.nodes.find((x) => x.id === id)!
      const field = NODE_FIELDS[node.kind].find((f) => f.key === op.key)!
      const parsed = parseField(field, op.raw)
      // === on purpose: a "-0" typed over a 0 keeps the 0, and -0 === 0
      assert.ok(parsed.ok && (node.settings as unknown as Record<string, unknown>)[op.key] === parsed.value, `${op.key} = ${String(op.raw)}`)
      return r.value
    }
    case 'setLinkKind': {
      const id = idAt(d.links, op.link)
      const r = setLinkKind(d, id, op.kind)
      if (!r.ok) return d
      assert.equal(r.value.links.find((l) => l.id === id)?.kind, op.kind)
      return r.value
    }
    case 'setLink': {
      const r = setLinkSetting(d, idAt(d.links, op.link), op.key, op.raw)
      return r.ok ? r.value : d
    }
    case 'rename': {
      const r = renameNode(d, idAt(d.nodes, op.node), op.raw)
      return r.ok ? r.value : d
    }
    case 'move':
      return moveNodes(d, new Map([[idAt(d.nodes, op.node), { x: op.x, y: op.y }]]))
  }
}

/** A few nodes to begin with, so that early connects have something to join. */
const startArb = fc.array(
  fc.record({ t: fc.constant('add' as const), kind: fc.constantFrom(...NODE_KINDS), x: coord, y: coord }),
  { minLength: 2, maxLength: 6 },
)

/** JSON has no negative zero: a value typed as "-0" is stored as -0 and loads as 0. */
const withoutNegativeZero = (d: Diagram): unknown => JSON.parse(JSON.stringify(d))

describe('edits keep every diagram valid (property)', () => {
  it('checkDiagram finds nothing after any edit, and the result saves and loads unchanged', { timeout: 30_000 }, () => {
    let totalLinks = 0
    let totalNodes = 0
    const kinds = new Set<LinkKind>()
    fc.assert(
      fc.property(startArb, fc.array(opArb, { minLength: 1, maxLength: 40, size: 'max' }), (start, ops) => {
        let d: Diagram = { nodes: [], links: [] }
        ;[...start, ...ops].forEach((op, step) => {
          d = apply(d, op)
          const problems = checkDiagram(d)
          if (problems.length) throw new Error(`after step ${step} (${JSON.stringify(op)}): ${JSON.stringify(problems)}`)
        })
        totalLinks += d.links.length
        totalNodes += d.nodes.length
        for (const l of d.links) kinds.add(l.kind)
        const text = serializeDocument(d)
        const loaded = parseDocumentText(text)
        if (!loaded.ok) throw new Error(`does not load: ${JSON.stringify(loaded.error)}`)
        expect(loaded.value).toEqual(withoutNegativeZero(d))
        expect(serializeDocument(loaded.value)).toBe(text)
      }),
      { numRuns: 200 },
    )
    // the generator must actually build diagrams with links, or the property says little
    expect(totalNodes).toBeGreaterThan(200)
    expect(totalLinks).toBeGreaterThan(100)
    expect([...kinds].sort()).toEqual([...LINK_KINDS].sort())
  })
})
