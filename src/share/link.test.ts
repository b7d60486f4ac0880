import { readFileSync, readdirSync } from 'node:fs'
import assert from 'node:assert/strict'
import fc from 'fast-check'
import { deflateSync, inflateSync, strToU8 } from 'fflate'
import { describe, expect, it } from 'vitest'
import { addNode, connect, setLinkKind, setLinkSetting, setNodeSetting } from '../model/edits'
import type { Diagram } from '../model/types'
import { STARTER_DOCUMENT } from '../scenarios/starter'
import { parseDocument, parseRunDocumentText } from './document'
import { decodeLink, encodeLink, LINK_FORMAT, MAX_FRAGMENT_CHARS } from './link'

const read = (path: string) => readFileSync(new URL(path, import.meta.url), 'utf8')
function runDoc(text: string) {
  const r = parseRunDocumentText(text)
  if (!r.ok) throw new Error(JSON.stringify(r.error))
  return r.value
}
const base64url = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64url')

describe('share links', () => {
  it('round-trip the starter, every example and the benchmark diagrams exactly, faults included', () => {
    const files = [...readdirSync(new URL('../../examples', import.meta.url)).filter((f) => f.endsWith('.json')).map((f) => `../../examples/${f}`), '../../bench/fixtures/d30.wireplay.json', '../../bench/fixtures/e20.wireplay.json']
    const docs = [{ name: 'starter', doc: runDoc(JSON.stringify(STARTER_DOCUMENT)) }, ...files.map((f) => ({ name: f, doc: runDoc(read(f)) }))]
    for (const { name, doc } of docs) {
      const fragment = encodeLink(doc.diagram, doc.faults)
      expect(fragment.startsWith(`${LINK_FORMAT}.`), name).toBe(true)
      expect(decodeLink(`#${fragment}`), name).toEqual({ ok: true, value: doc })
    }
  })

  it('keeps D30 (30 nodes, 40 links) at most 1,000 characters, and pins its length', () => {
    const d30 = runDoc(read('../../bench/fixtures/d30.wireplay.json'))
    const length = encodeLink(d30.diagram).length
    expect(length).toBeLessThanOrEqual(1000)
    // a change that makes links longer should be a decision, not an accident
    expect(length).toBe(D30_LINK_LENGTH)
  })

  it('fits a 30-node, 40-link diagram with every setting changed into 2,000 characters', () => {
    let d: Diagram = { nodes: [], links: [] }
    const kinds = ['client', 'service', 'service', 'service', 'database', 'queue', 'topic', 'service', 'service', 'service'] as const
    for (let i = 0; i < 30; i++) d = addNode(d, kinds[i % kinds.length]!, { x: 40 + 260 * (i % 6), y: 60 + 130 * Math.floor(i / 6) }).diagram
    const unwrap = <T,>(r: { ok: true; value: T } | { ok: false; error: string }) => (r.ok ? r.value : d) as T
    const changes: Record<string, [string, string][]> = {
      client: [['rate', '37.5'], ['arrivals', 'uniform'], ['burstSize', '12'], ['burstEverySec', '4.5']],
      service: [['replicas', '3'], ['workers', '12'], ['timeDist', 'lognormal'], ['timeMs', '45'], ['queueLimit', '250'], ['errorRate', '1.5'], ['healMs', '8000'], ['balancing', 'least-outstanding']],
      database: [['replicas', '2'], ['workers', '24'], ['timeDist', 'constant'], ['timeMs', '7'], ['queueLimit', '500'], ['errorRate', '0.2'], ['healMs', '3000'], ['balancing', 'least-outstanding']],
      queue: [['capacity', '5000'], ['ackTimeoutMs', '15000'], ['maxDeliveries', '7']],
      topic: [['capacity', '2500'], ['ackTimeoutMs', '12000'], ['maxDeliveries', '4']],
    }
    for (const n of d.nodes) for (const [k, v] of changes[n.kind]!) d = unwrap(setNodeSetting(d, n.id, k, v))
    let made = 0
    for (let i = 0; i < 30 && made < 40; i++) {
      for (const j of [i + 1, i + 6, i + 7]) {
        const r = connect(d, d.nodes[i]!.id, d.nodes[j % 30]!.id)
        if (r.ok && made < 40) {
          d = r.value.diagram
          made++
        }
      }
    }
    expect(d.links).toHaveLength(40)
    for (const l of d.links) {
      for (const [k, v] of [['latencyMs', '3'], ['probability', '80'], ['timeoutMs', '900'], ['retries', '2'], ['backoffMs', '150'], ['pollMs', '400'], ['deadlineMs', '20000'], ['contract', 'OrderPlaced v3'], ['eventName', 'OrderShipped'], ['filter', 'OrderShipped']] as const) {
        d = unwrap(setLinkSetting(d, l.id, k, v))
      }
      d = unwrap(setLinkKind(d, l.id, 'async'))
    }
    const fragment = encodeLink(d)
    expect(fragment.length).toBeLessThanOrEqual(2000)
    expect(decodeLink(fragment)).toEqual({ ok: true, value: { diagram: parseDocumentOk(d), faults: [] } })
  })

  it('says which way a broken link is broken, each in its own words', () => {
    const good = encodeLink(runDoc(JSON.stringify(STARTER_DOCUMENT)).diagram)
    const payload = good.slice(LINK_FORMAT.length + 1)
    const cases: [string, string][] = [
      ['#hello', 'not-a-link'],
      ['', 'not-a-link'],
      [`#w9.${payload}`, 'newer-version'],
      [`#w1.${'A'.repeat(MAX_FRAGMENT_CHARS)}`, 'too-long'],
      [`#w1.${payload.slice(0, Math.floor(payload.length / 2))}`, 'truncated'],
      [`#w1.${payload}!!`, 'corrupt'],
      [`#w1.${base64url(deflateSync(strToU8('not json')))}`, 'corrupt'],
      [`#w1.${base64url(deflateSync(new Uint8Array(5_000_000)))}`, 'too-large'],
      [`#w1.${base64url(deflateSync(strToU8(JSON.stringify({ v: 2, n: [], l: [] }))))}`, 'newer-version'],
      [`#w1.${base64url(deflateSync(strToU8(JSON.stringify({ v: 1, n: [['s', 'A', 0, 0, { w: 0 }]], l: [] }))))}`, 'invalid'],
      [`#w1.${base64url(deflateSync(strToU8(JSON.stringify({ v: 1, n: [['c', 'A', 0, 0], ['c', 'B', 0, 0]], l: [[0, 1]] }))))}`, 'invalid'],
    ]
    for (const [fragment, kind] of cases) {
      const r = decodeLink(fragment)
      expect(r.ok, fragment.slice(0, 40)).toBe(false)
      expect(r.ok ? null : r.error.kind, fragment.slice(0, 40)).toBe(kind)
      expect(r.ok ? '' : r.error.message.length, fragment.slice(0, 40)).toBeGreaterThan(20)
    }
    // an invalid diagram inside a valid link names the problem and where it is
    const r = decodeLink(cases[9]![0])
    expect(r.ok ? '' : r.error.message).toMatch(/nodes\[0\]\.settings\.workers: Workers per replica must be at least 1/)
  })

  it('never throws on random or mutated links, and whatever opens round-trips exactly', () => {
    const good = encodeLink(runDoc(JSON.stringify(STARTER_DOCUMENT)).diagram)
    const mutated = fc.tuple(fc.nat({ max: good.length - 1 }), fc.nat({ max: 63 }), fc.nat({ max: 40 })).map(([at, c, cut]) => {
      const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'
      const changed = good.slice(0, at) + alphabet[c] + good.slice(at + 1)
      return cut > 30 ? changed.slice(0, changed.length - cut) : changed
    })
    const anyText = fc.oneof(fc.string(), fc.string({ unit: 'binary', maxLength: 300 }), fc.base64String().map((s) => `w1.${s}`), mutated)
    fc.assert(
      fc.property(anyText, (text) => {
        const r = decodeLink(text)
        // a link that opens gives back the same diagram when shared again; one that does not says why
        const again = r.ok ? decodeLink(encodeLink(r.value.diagram, r.value.faults)) : null
        assert.deepStrictEqual(again ?? r, r)
        assert.ok(r.ok || r.error.message.length > 20)
      }),
      { numRuns: 10_000 },
    )
  }, 60_000)
})

function parseDocumentOk(d: Diagram): Diagram {
  // the diagram as a document reader sees it: what the link must give back
  const r = parseDocument(JSON.parse(JSON.stringify({ wireplay: 1, nodes: d.nodes.map((n) => ({ ...n })), links: d.links })))
  if (!r.ok) throw new Error(JSON.stringify(r.error))
  return r.value
}

/** Pinned: see the D30 test. */
const D30_LINK_LENGTH = 573

describe('share links keep what users type and name, exactly', () => {
  const idArb = fc.oneof(fc.constantFrom('service-0', 'l-0', 'client-1', 'service-7', 'service-01', 'l-1', 'x'), fc.stringMatching(/^[a-z][a-z0-9-]{0,8}$/))
  const tokenArb = fc.oneof(fc.constantFrom('P', 'E', 'C', 'U', 'L', 'R', 'O', 'constructor', 'toString', 'valueOf', '__proto__'), fc.stringMatching(/^[A-Za-z][A-Za-z0-9]{0,8}$/))

  it('round-trips any ids, event names, filters and contracts', () => {
    fc.assert(
      fc.property(fc.uniqueArray(idArb, { minLength: 15, maxLength: 15 }), tokenArb, tokenArb, tokenArb, (ids, event, filter, contract) => {
        const doc = JSON.parse(JSON.stringify(STARTER_DOCUMENT)) as { nodes: { id: string }[]; links: { id: string; source: string; target: string; settings?: Record<string, unknown> }[] }
        const rename = new Map(doc.nodes.map((n, i) => [n.id, ids[i]!]))
        for (const n of doc.nodes) n.id = rename.get(n.id)!
        doc.links.forEach((l, i) => {
          l.id = ids[8 + i]!
          l.source = rename.get(l.source)!
          l.target = rename.get(l.target)!
          l.settings = { ...l.settings, eventName: event, filter, contract: `${contract} v2` }
        })
        const parsed = parseRunDocumentText(JSON.stringify(doc))
        if (!parsed.ok) return // an id like "x" twice is refused by the parser, not our concern here
        assert.deepStrictEqual(decodeLink(encodeLink(parsed.value.diagram, parsed.value.faults)), { ok: true, value: parsed.value })
      }),
      { numRuns: 300 },
    )
  }, 60_000)

  it('refuses a link with far too many rows before doing any work on them', () => {
    const rows = { v: 1, n: Array.from({ length: 36_000 }, () => ['s', '', 0, 0]), l: Array.from({ length: 36_000 }, () => [35_999, 35_999]) }
    const fragment = `w1.${base64url(deflateSync(strToU8(JSON.stringify(rows)), { level: 9 }))}`
    expect(fragment.length).toBeLessThan(5000)
    // refused on the row count (the old path matched every link against every node: ~25 s)
    const r = decodeLink(fragment)
    expect(r.ok ? null : r.error.kind).toBe('invalid')
    expect(r.ok ? '' : r.error.message).toMatch(/36000 nodes; a diagram holds at most 500/)
  })

  it('carries the run speed, the instant to open at and the seed; leaves them out at their defaults', () => {
    const doc = runDoc(JSON.stringify({ ...STARTER_DOCUMENT, seed: 9 }))
    const plain = encodeLink(doc.diagram)
    expect(encodeLink(doc.diagram, undefined, { speed: 1, at: 0 })).toBe(plain)
    const r = decodeLink(encodeLink(doc.diagram, undefined, { speed: 5, at: 12_345.6 }))
    expect(r).toEqual({ ok: true, value: { ...doc, view: { speed: 5, at: 12_346 } } })
    expect(r.ok && r.value.diagram.seed).toBe(9)
  })

  it('refuses a speed or start instant out of range as an invalid link', () => {
    const starter = runDoc(JSON.stringify(STARTER_DOCUMENT))
    const withView = (extra: object) => {
      const json = { ...JSON.parse(Buffer.from(inflateRaw(encodeLink(starter.diagram).slice(3))).toString()), ...extra }
      return `w1.${base64url(deflateSync(strToU8(JSON.stringify(json)), { level: 9 }))}`
    }
    for (const extra of [{ sp: 50 }, { sp: 'fast' }, { at: -1 }, { at: 1.5 }]) {
      const r = decodeLink(withView(extra))
      expect(r.ok ? null : r.error.kind, JSON.stringify(extra)).toBe('invalid')
    }
  })
})

function inflateRaw(b64url: string): Uint8Array {
  return inflateSync(new Uint8Array(Buffer.from(b64url, 'base64url')))
}
