import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { LINK_DEFAULTS, defaultSettings } from '../model/defaults'
import { addNode, connect, setLinkSetting, setNodeSetting } from '../model/edits'
import { NODE_FIELDS, linkFields, parseField, parseLabel, type FieldSpec } from '../model/fields'
import { checkDiagram, type Problem } from '../model/invariants'
import { allowedKinds, linkRole } from '../model/rules'
import { NODE_KINDS, type Diagram, type DiagramLink, type DiagramNode, type NodeKind } from '../model/types'
import { STARTER_DOCUMENT } from '../scenarios/starter'
import { DOCUMENT_VERSION, MAX_DOCUMENT_CHARS, formatProblems, parseDocument, parseDocumentText, serializeDocument, toDocument } from './document'

type Json = Record<string, unknown>

function unwrap<T, E>(r: { ok: true; value: T } | { ok: false; error: E }): T {
  if (!r.ok) throw new Error(`expected ok, got ${JSON.stringify(r.error)}`)
  return r.value
}

function problemsOf(r: { ok: true; value: unknown } | { ok: false; error: Problem[] }): Problem[] {
  if (r.ok) throw new Error('expected the document to be refused')
  return r.error
}

/** A deep, mutable copy of the starter document, to corrupt one piece at a time. */
function starter(): { wireplay: unknown; nodes: Json[]; links: Json[] } & Json {
  return JSON.parse(JSON.stringify(STARTER_DOCUMENT))
}

function starterDiagram(): Diagram {
  return unwrap(parseDocument(STARTER_DOCUMENT))
}

/** Any value a field accepts, in the form the editor stores it (numbers, trimmed text). */
function fieldValue(spec: FieldSpec): fc.Arbitrary<number | string> {
  if (spec.type === 'number') {
    const ints = fc.integer({ min: Math.ceil(spec.min), max: Math.floor(spec.max) })
    if (spec.integer) return ints
    const reals = fc.double({ min: spec.min, max: spec.max, noNaN: true, noDefaultInfinity: true }).map((v) => (Object.is(v, -0) ? 0 : v))
    return fc.oneof(ints, reals)
  }
  if (spec.type === 'choice') return fc.constantFrom(...spec.options)
  const canonical = fc
    .stringMatching(spec.pattern)
    .map((s) => s.trim())
    .filter((s) => {
      const parsed = parseField(spec, s)
      return parsed.ok && parsed.value === s
    })
  return spec.optional ? fc.oneof(fc.constant(''), canonical) : canonical
}

/** Settings where each field is either its default or some other valid value. */
function settingsArb(fields: readonly FieldSpec[], defaults: object): fc.Arbitrary<Json> {
  const d = defaults as Json
  const parts: Record<string, fc.Arbitrary<unknown>> = {}
  for (const f of fields) parts[f.key] = fc.oneof(fc.constant(d[f.key]), fieldValue(f))
  return fc.record(parts).map((s) => ({ ...d, ...s }))
}

const labelArb = fc
  .string({ unit: 'grapheme', minLength: 1, maxLength: 40 })
  .map((s) => s.trim().replace(/\s+/g, ' '))
  .filter((s) => parseLabel(s).ok)

const nodeArb = fc.constantFrom(...NODE_KINDS).chain((kind) =>
  fc.record({
    kind: fc.constant(kind),
    label: labelArb,
    x: fc.integer({ min: -100_000, max: 100_000 }),
    y: fc.integer({ min: -100_000, max: 100_000 }),
    settings: settingsArb(NODE_FIELDS[kind], defaultSettings(kind)),
  }),
)

/** A random valid diagram built directly (not through edits): any allowed pair, any allowed kind, any valid setting. */
const diagramArb: fc.Arbitrary<Diagram> = fc.array(nodeArb, { maxLength: 10 }).chain((specs) => {
  const nodes = specs.map((s, i) => ({ id: `${s.kind}-${i + 1}`, ...s }) as unknown as DiagramNode)
  const pairs: [DiagramNode, DiagramNode, readonly DiagramLink['kind'][]][] = []
  for (const a of nodes) {
    for (const b of nodes) {
      if (a === b) continue
      const kinds = allowedKinds(a.kind, b.kind)
      if (kinds.ok) pairs.push([a, b, kinds.value])
    }
  }
  const onlyNodes: Diagram = { nodes, links: [] }
  return fc.shuffledSubarray(pairs, { maxLength: Math.min(16, pairs.length) }).chain((chosen) =>
    fc.tuple(
      ...chosen.map(([a, b, kinds], j) =>
        fc.constantFrom(...kinds).chain((kind) => {
          const skeleton: DiagramLink = { id: `l-${j + 1}`, source: a.id, target: b.id, kind, settings: { ...LINK_DEFAULTS } }
          return settingsArb(linkFields(kind, linkRole(onlyNodes, skeleton)), LINK_DEFAULTS).map((settings) => ({ ...skeleton, settings }) as unknown as DiagramLink)
        }),
      ),
    ).map((links): Diagram => ({ nodes, links })),
  )
})

/**
 * A refusal lists at least one problem, each with a path and a message; an acceptance is a
 * valid diagram. Returns whether the input was accepted.
 */
function expectWellFormed(r: ReturnType<typeof parseDocument>): boolean {
  const problems = r.ok ? [] : r.error
  expect(r.ok || problems.length > 0).toBe(true)
  expect(problems).toEqual(problems.map(() => ({ path: expect.any(String), message: expect.stringMatching(/\S/) })))
  expect(r.ok ? checkDiagram(r.value) : []).toEqual([])
  return r.ok
}

describe('toDocument / serializeDocument', () => {
  it('writes the version and leaves out every setting equal to its default', () => {
    let d: Diagram = { nodes: [], links: [] }
    d = addNode(d, 'client', { x: 0, y: 0 }).diagram
    d = addNode(d, 'service', { x: 260, y: 0 }).diagram
    d = unwrap(connect(d, 'client-1', 'service-1')).diagram
    expect(toDocument(d)).toEqual({
      wireplay: DOCUMENT_VERSION,
      nodes: [
        { id: 'client-1', kind: 'client', label: 'Client', x: 0, y: 0 },
        { id: 'service-1', kind: 'service', label: 'Service', x: 260, y: 0 },
      ],
      links: [{ id: 'l-1', source: 'client-1', target: 'service-1', kind: 'sync' }],
    })
    const doc = toDocument(d) as { nodes: Json[]; links: Json[] }
    expect('settings' in doc.nodes[0]!).toBe(false)
    expect('settings' in doc.links[0]!).toBe(false)
  })

  it('keeps only the changed settings, compared with the defaults of the node’s own kind', () => {
    let d: Diagram = { nodes: [], links: [] }
    d = addNode(d, 'service', { x: 0, y: 0 }).diagram
    d = addNode(d, 'database', { x: 260, y: 0 }).diagram
    // 8 workers is a change for a service, and the default for a database
    d = unwrap(setNodeSetting(d, 'service-1', 'workers', '8'))
    d = unwrap(setNodeSetting(d, 'database-1', 'workers', '8'))
    d = unwrap(setNodeSetting(d, 'database-1', 'timeMs', '25'))
    d = unwrap(connect(d, 'service-1', 'database-1')).diagram
    d = unwrap(setLinkSetting(d, 'l-1', 'retries', '3'))
    const doc = toDocument(d) as { nodes: Json[]; links: Json[] }
    expect(doc.nodes[0]!.settings).toEqual({ workers: 8 })
    expect(doc.nodes[1]!.settings).toEqual({ timeMs: 25 })
    expect(doc.links[0]!.settings).toEqual({ retries: 3 })
  })

  it('serializes as indented JSON of the document', () => {
    const d = starterDiagram()
    const text = serializeDocument(d)
    expect(text).toBe(JSON.stringify(toDocument(d), null, 2))
    expect(text).toContain('\n  "nodes": [')
  })

  it('does not change the diagram it writes', () => {
    const d = starterDiagram()
    const before = structuredClone(d)
    serializeDocument(d)
    expect(d).toEqual(before)
  })
})

describe('round trip', () => {
  it('opens the starter document as a valid diagram with defaults filled in', () => {
    const d = starterDiagram()
    expect(checkDiagram(d)).toEqual([])
    expect(d.nodes).toHaveLength(STARTER_DOCUMENT.nodes.length)
    expect(d.links).toHaveLength(STARTER_DOCUMENT.links.length)
    const web = d.nodes.find((n) => n.id === 'client-1')!
    expect(web.settings).toEqual({ ...defaultSettings('client'), rate: 5 })
    const orders = d.nodes.find((n) => n.id === 'service-1')!
    expect(orders.settings).toEqual(defaultSettings('service'))
    const l3 = d.links.find((l) => l.id === 'l-3')!
    expect(l3.settings).toEqual({ ...LINK_DEFAULTS, latencyMs: 120, contract: 'ShipOrder v1' })
  })

  it('serialize then parse gives back the starter diagram, and the text is stable', () => {
    const d = starterDiagram()
    const text = serializeDocument(d)
    const again = unwrap(parseDocumentText(text))
    expect(again).toEqual(d)
    expect(serializeDocument(again)).toBe(text)
  })

  it('serialize then parse gives back any valid diagram (property)', { timeout: 30_000 }, () => {
    fc.assert(
      fc.property(diagramArb, (d) => {
        expect(checkDiagram(d)).toEqual([])
        const text = serializeDocument(d)
        const parsed = parseDocumentText(text)
        expect(parsed.ok ? [] : parsed.error).toEqual([])
        expect(unwrap(parsed)).toEqual(d)
        expect(serializeDocument(unwrap(parsed))).toBe(text)
      }),
      { numRuns: 150 },
    )
  })

  it('writes a setting exactly when it differs from the default (property)', { timeout: 30_000 }, () => {
    fc.assert(
      fc.property(diagramArb, (d) => {
        const doc = JSON.parse(serializeDocument(d)) as { nodes: Json[]; links: Json[] }
        d.nodes.forEach((n, i) => {
          const defaults = defaultSettings(n.kind) as unknown as Json
          const expected = Object.fromEntries(Object.entries(n.settings).filter(([k, v]) => defaults[k] !== v))
          expect(doc.nodes[i]!.settings ?? {}).toEqual(expected)
        })
        d.links.forEach((l, i) => {
          const defaults = LINK_DEFAULTS as unknown as Json
          const expected = Object.fromEntries(Object.entries(l.settings).filter(([k, v]) => defaults[k] !== v))
          expect(doc.links[i]!.settings ?? {}).toEqual(expected)
        })
      }),
      { numRuns: 100 },
    )
  })
})

describe('parseDocumentText', () => {
  it('reports invalid JSON with the parser’s position', () => {
    const problems = problemsOf(parseDocumentText('{"wireplay": 1, nodes: []}'))
    expect(problems).toHaveLength(1)
    expect(problems[0]!.path).toBe('')
    expect(problems[0]!.message).toMatch(/^Not valid JSON: .*position 16/)
  })

  it('reports empty and truncated text as invalid JSON', () => {
    for (const text of ['', '   ', '{"wireplay": 1, "nodes": [', 'undefined']) {
      const problems = problemsOf(parseDocumentText(text))
      expect(problems, JSON.stringify(text)).toHaveLength(1)
      expect(problems[0]!.message).toMatch(/^Not valid JSON: /)
    }
  })

  it('refuses text over the size limit before parsing it, and accepts text of exactly the limit', () => {
    const valid = JSON.stringify(STARTER_DOCUMENT)
    const atLimit = valid + ' '.repeat(MAX_DOCUMENT_CHARS - valid.length)
    expect(atLimit.length).toBe(MAX_DOCUMENT_CHARS)
    expect(parseDocumentText(atLimit).ok).toBe(true)
    expect(parseDocumentText(atLimit + ' ')).toEqual({
      ok: false,
      error: [{ path: '', message: 'The document is too large (2,000,001 characters; the limit is 2,000,000).' }],
    })
    // not even JSON: the size is what is reported
    expect(problemsOf(parseDocumentText('{'.repeat(MAX_DOCUMENT_CHARS + 1)))[0]!.message).toMatch(/too large/)
  })

  it('survives deeply nested JSON', () => {
    const deep = '['.repeat(200_000) + ']'.repeat(200_000)
    expect(parseDocumentText(deep)).toEqual({ ok: false, error: [{ path: '', message: 'A Wireplay document is a JSON object.' }] })
  })
})

describe('parseDocument: the envelope', () => {
  it('refuses anything but an object', () => {
    for (const value of [null, undefined, 1, 'text', true, [], [STARTER_DOCUMENT]]) {
      expect(parseDocument(value), String(value)).toEqual({ ok: false, error: [{ path: '', message: 'A Wireplay document is a JSON object.' }] })
    }
  })

  it('refuses an object without the "wireplay" field', () => {
    const doc = starter()
    delete doc.wireplay
    expect(parseDocument(doc)).toEqual({
      ok: false,
      error: [{ path: 'wireplay', message: 'This is not a Wireplay document (no "wireplay" version field).' }],
    })
  })

  it('refuses a document from a newer version, saying so', () => {
    const doc = { ...starter(), wireplay: 2 }
    const problems = problemsOf(parseDocument(doc))
    expect(problems).toEqual([{ path: 'wireplay', message: 'This document was made by a newer Wireplay (format 2; this one reads up to 1).' }])
    expect(formatProblems(problems)).toMatch(/newer Wireplay/)
  })

  it('refuses a version that is not a positive whole number', () => {
    for (const wireplay of [0, -1, 1.5, '1', null, true]) {
      expect(parseDocument({ ...starter(), wireplay }), JSON.stringify(wireplay)).toEqual({
        ok: false,
        error: [{ path: 'wireplay', message: 'The document version must be a whole number.' }],
      })
    }
  })

  it('requires nodes and links lists, reporting both', () => {
    expect(problemsOf(parseDocument({ wireplay: 1 }))).toEqual([
      { path: 'nodes', message: 'nodes must be a list.' },
      { path: 'links', message: 'links must be a list.' },
    ])
    expect(problemsOf(parseDocument({ wireplay: 1, nodes: {}, links: [] }))).toEqual([{ path: 'nodes', message: 'nodes must be a list.' }])
  })

  it('accepts an empty diagram', () => {
    expect(parseDocument({ wireplay: 1, nodes: [], links: [] })).toEqual({ ok: true, value: { nodes: [], links: [] } })
  })

  it('does not change the value it reads', () => {
    const doc = starter()
    const before = JSON.stringify(doc)
    parseDocument(doc)
    expect(JSON.stringify(doc)).toBe(before)
  })
})

describe('parseDocument: nodes and links', () => {
  it('reports an unknown node kind at its path', () => {
    const doc = starter()
    doc.nodes[1]!.kind = 'lambda'
    expect(problemsOf(parseDocument(doc))).toEqual([{ path: 'nodes[1].kind', message: 'kind must be one of client, service, database, queue, topic.' }])
  })

  it('reports an unknown setting key at its path', () => {
    const doc = starter()
    doc.nodes[1]!.settings = { colour: 'red' }
    expect(problemsOf(parseDocument(doc))).toEqual([{ path: 'nodes[1].settings.colour', message: 'A service has no setting “colour”.' }])
  })

  it('reports a setting that belongs to another kind', () => {
    const doc = starter()
    doc.nodes[3]!.settings = { workers: 4 } // a queue has no workers
    expect(problemsOf(parseDocument(doc))).toEqual([{ path: 'nodes[3].settings.workers', message: 'A queue has no setting “workers”.' }])
  })

  it('reports an out-of-range setting at its path', () => {
    const doc = starter()
    doc.nodes[1]!.settings = { workers: 0 }
    expect(problemsOf(parseDocument(doc))).toEqual([{ path: 'nodes[1].settings.workers', message: 'Workers per replica must be at least 1.' }])
    doc.nodes[1]!.settings = { errorRate: 150, timeDist: 'gaussian' }
    const paths = problemsOf(parseDocument(doc)).map((p) => p.path)
    expect(paths).toEqual(['nodes[1].settings.timeDist', 'nodes[1].settings.errorRate'])
  })

  it('reports an unknown link setting and an out-of-range link setting', () => {
    const doc = starter()
    doc.links[0]!.settings = { jitter: 3 }
    expect(problemsOf(parseDocument(doc))).toEqual([{ path: 'links[0].settings.jitter', message: 'A link has no setting “jitter”.' }])
    doc.links[0]!.settings = { retries: 11 }
    expect(problemsOf(parseDocument(doc))).toEqual([{ path: 'links[0].settings.retries', message: 'Retries must be at most 10.' }])
  })

  it('reports settings that are not an object', () => {
    const doc = starter()
    doc.nodes[2]!.settings = [1, 2]
    doc.links[1]!.settings = 'fast'
    expect(problemsOf(parseDocument(doc))).toEqual([
      { path: 'nodes[2].settings', message: 'settings must be an object.' },
      { path: 'links[1].settings', message: 'settings must be an object.' },
    ])
  })

  it('reports malformed node fields at their paths', () => {
    const doc = starter()
    doc.nodes[0] = { kind: 'client', label: 7, x: '40', y: 1 }
    doc.nodes[2] = 'service' as unknown as Json
    expect(problemsOf(parseDocument(doc))).toEqual([
      { path: 'nodes[0].id', message: 'A node id must be text of 1 to 64 characters.' },
      { path: 'nodes[0].label', message: 'label must be text.' },
      { path: 'nodes[0].x', message: 'x and y must be numbers.' },
      { path: 'nodes[2]', message: 'A node must be an object.' },
    ])
  })

  it('limits ids to 1 to 64 characters', () => {
    const doc = starter()
    doc.nodes[4]!.id = ''
    doc.links[6]!.id = 'x'.repeat(65)
    expect(problemsOf(parseDocument(doc)).map((p) => p.path)).toEqual(['nodes[4].id', 'links[6].id'])
    const ok64 = starter()
    ok64.links[6]!.id = 'x'.repeat(64)
    expect(parseDocument(ok64).ok).toBe(true)
  })

  it('reports malformed link fields at their paths', () => {
    const doc = starter()
    doc.links[0] = { id: 'l-1', source: 1, target: null, kind: 'sync' }
    doc.links[2]!.kind = 'grpc'
    doc.links[3] = null as unknown as Json
    expect(problemsOf(parseDocument(doc))).toEqual([
      { path: 'links[0].source', message: 'source must be a node id.' },
      { path: 'links[0].target', message: 'target must be a node id.' },
      { path: 'links[2].kind', message: 'kind must be one of sync, async, message, event.' },
      { path: 'links[3]', message: 'A link must be an object.' },
    ])
  })

  it('reports a link to a missing node', () => {
    const doc = starter()
    doc.links[1]!.target = 'service-99'
    expect(problemsOf(parseDocument(doc))).toEqual([{ path: 'links[1].target', message: 'Link points to a missing node “service-99”.' }])
  })

  it('reports duplicate ids', () => {
    const doc = starter()
    doc.nodes[2]!.id = 'service-1'
    const problems = problemsOf(parseDocument(doc))
    expect(problems).toContainEqual({ path: 'nodes[2].id', message: 'Node id “service-1” is used twice.' })

    const links = starter()
    links.links[4]!.id = 'l-1'
    expect(problemsOf(parseDocument(links))).toEqual([{ path: 'links[4].id', message: 'Id “l-1” is used twice.' }])
  })

  it('runs the model’s invariants: a link kind not allowed between its ends', () => {
    const doc = starter()
    doc.links[0]!.kind = 'event' // client → service
    expect(problemsOf(parseDocument(doc))).toEqual([{ path: 'links[0].kind', message: expect.stringMatching(/event link cannot join a client to a service\.$/) }])
  })

  it('never throws on garbage, and always answers a well-formed result (property)', { timeout: 30_000 }, () => {
    let accepted = 0
    fc.assert(
      fc.property(fc.anything(), (value) => {
        if (expectWellFormed(parseDocument(value))) accepted++
      }),
      { numRuns: 300 },
    )
    fc.assert(
      fc.property(fc.string(), (text) => {
        if (expectWellFormed(parseDocumentText(text))) accepted++
      }),
      { numRuns: 300 },
    )
    // documents that look right on the outside, with arbitrary nodes and links inside
    const anyNode = fc.record(
      { id: fc.oneof(fc.string(), fc.anything()), kind: fc.oneof(fc.constantFrom(...NODE_KINDS), fc.anything()), label: fc.anything(), x: fc.anything(), y: fc.integer(), settings: fc.anything() },
      { requiredKeys: [] },
    )
    const anyLink = fc.record(
      { id: fc.string(), source: fc.constantFrom('client-1', 'service-1', 'queue-1', 'nope'), target: fc.constantFrom('service-1', 'queue-1', 'topic-1'), kind: fc.anything(), settings: fc.anything() },
      { requiredKeys: [] },
    )
    fc.assert(
      fc.property(fc.array(fc.oneof(anyNode, fc.anything())), fc.array(fc.oneof(anyLink, fc.anything())), (nodes, links) => {
        if (expectWellFormed(parseDocument({ wireplay: 1, nodes, links }))) accepted++
      }),
      { numRuns: 300 },
    )
    // garbage is refused (an empty { wireplay: 1, nodes: [], links: [] } is the only likely acceptance)
    expect(accepted).toBeLessThan(100)
  })

  it('never throws when one field of a valid document is replaced by any JSON value (property)', { timeout: 30_000 }, () => {
    const outcomes = { accepted: 0, refused: 0 }
    const nodeKeys = ['id', 'kind', 'label', 'x', 'y', 'settings']
    const linkKeys = ['id', 'source', 'target', 'kind', 'settings']
    fc.assert(
      fc.property(fc.boolean(), fc.nat(), fc.nat(), fc.option(fc.jsonValue(), { nil: undefined }), (inNodes, index, keyIndex, value) => {
        const doc = starter()
        const list = inNodes ? doc.nodes : doc.links
        const keys = inNodes ? nodeKeys : linkKeys
        const target = list[index % list.length]!
        const key = keys[keyIndex % keys.length]!
        if (value === undefined) delete target[key]
        else target[key] = value
        const text = JSON.stringify(doc)
        outcomes[expectWellFormed(parseDocumentText(text)) ? 'accepted' : 'refused']++
      }),
      { numRuns: 300 },
    )
    // some replacements are harmless (a new label, dropping settings), most are not
    expect(outcomes.accepted).toBeGreaterThan(0)
    expect(outcomes.refused).toBeGreaterThan(outcomes.accepted)
  })
})

describe('formatProblems', () => {
  it('puts each problem on its own line, prefixed with its path when there is one', () => {
    expect(
      formatProblems([
        { path: '', message: 'Not valid JSON: oops' },
        { path: 'nodes[1].settings.workers', message: 'Workers per replica must be at least 1.' },
      ]),
    ).toBe('Not valid JSON: oops\nnodes[1].settings.workers: Workers per replica must be at least 1.')
    expect(formatProblems([])).toBe('')
  })

  it('formats what parseDocument reports', () => {
    const doc = starter()
    doc.nodes[1]!.settings = { workers: 0 }
    expect(formatProblems(problemsOf(parseDocument(doc)))).toBe('nodes[1].settings.workers: Workers per replica must be at least 1.')
  })
})

// Guard against the helper silently losing its meaning if node kinds change.
it('the random diagrams cover every node kind', { timeout: 30_000 }, () => {
  const seen = new Set<NodeKind>()
  fc.assert(
    fc.property(diagramArb, (d) => {
      for (const n of d.nodes) seen.add(n.kind)
    }),
    { numRuns: 100, seed: 1 },
  )
  expect([...seen].sort()).toEqual([...NODE_KINDS].sort())
})

describe('documents hold typed values, not text to parse', () => {
  const base = () => ({
    wireplay: 1,
    nodes: [
      { id: 'client-1', kind: 'client', label: 'C', x: 0, y: 0 },
      { id: 'service-1', kind: 'service', label: 'S', x: 0, y: 0 },
    ],
    links: [{ id: 'l-1', source: 'client-1', target: 'service-1', kind: 'sync' } as Record<string, unknown>],
  })

  it('refuses a number setting written as text', () => {
    const doc = base()
    ;(doc.nodes[1] as Record<string, unknown>).settings = { workers: '4' }
    expect(problemsOf(parseDocument(doc))).toEqual([{ path: 'nodes[1].settings.workers', message: 'Workers per replica must be a number.' }])
  })

  it('refuses setting names inherited by every object', () => {
    const doc = base()
    doc.links[0]!.settings = { toString: 1 }
    expect(problemsOf(parseDocument(doc))).toEqual([{ path: 'links[0].settings.toString', message: 'A link has no setting “toString”.' }])
  })

  it('checks link settings the current kind does not use, so switching kind cannot reveal a bad value', () => {
    const doc = base()
    doc.links[0]!.settings = { pollMs: -5 }
    expect(problemsOf(parseDocument(doc))).toEqual([{ path: 'links[0].settings.pollMs', message: 'Poll every must be at least 1.' }])
  })

  it('stores names and text settings trimmed, as the editor would', () => {
    const doc = base()
    doc.nodes[1]!.label = '  Web   shop '
    const d = unwrap(parseDocument(doc))
    expect(d.nodes[1]!.label).toBe('Web shop')
  })
})
