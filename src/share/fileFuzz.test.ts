import { readFileSync, readdirSync } from 'node:fs'
import assert from 'node:assert/strict'
import fc from 'fast-check'
import { describe, it } from 'vitest'
import { STARTER_DOCUMENT } from '../scenarios/starter'
import { parseDocumentText, serializeDocument } from './document'

type Json = unknown

/** Real documents to mutate: the starter, every example and the frozen files. */
function seeds(): Json[] {
  const dirs = ['../../examples/', './frozen/']
  const files = dirs.flatMap((d) => readdirSync(new URL(d, import.meta.url)).filter((f) => f.endsWith('.json')).map((f) => new URL(d + f, import.meta.url)))
  return [STARTER_DOCUMENT, ...files.map((f) => JSON.parse(readFileSync(f, 'utf8')) as Json)]
}

/** Every path into a JSON value (arrays by index, objects by key). */
function paths(v: Json, at: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  out.push(at)
  if (Array.isArray(v)) v.forEach((x, i) => paths(x, [...at, i], out))
  else if (v !== null && typeof v === 'object') for (const [k, x] of Object.entries(v)) paths(x, [...at, k], out)
  return out
}

function setAt(root: Json, path: (string | number)[], value: Json | typeof DELETE): Json {
  if (path.length === 0) return value === DELETE ? undefined : value
  const copy = structuredClone(root) as Record<string | number, Json>
  let node = copy
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, Json>
  const last = path.at(-1)!
  if (value === DELETE) {
    if (Array.isArray(node)) node.splice(last as number, 1)
    else delete node[last]
  } else node[last] = value
  return copy
}

const DELETE = Symbol('delete')
const oddValue: fc.Arbitrary<Json> = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.integer({ min: -1e9, max: 1e9 }),
  fc.double(),
  fc.constantFrom(NaN, Infinity, -0, 1e308, 0.5, -1),
  fc.string({ maxLength: 80 }),
  fc.constantFrom('service', 'queue', 'sync', 'async', '<img src=x onerror=alert(1)>', 'x'.repeat(5000)),
  fc.array(fc.integer(), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 6 }), fc.integer(), { maxKeys: 3 }),
)

describe('opening files', () => {
  it('never throws on 10,000 mutated or random files, and whatever opens round-trips exactly', () => {
    const docs = seeds()
    const mutatedDoc = fc
      .tuple(fc.nat({ max: docs.length - 1 }), fc.array(fc.tuple(fc.nat(), fc.oneof(fc.constant<typeof DELETE>(DELETE), oddValue)), { minLength: 1, maxLength: 4 }))
      .map(([which, edits]) => {
        let doc = docs[which]
        for (const [pick, value] of edits) {
          const all = paths(doc)
          doc = setAt(doc, all[pick % all.length]!, value)
        }
        return JSON.stringify(doc) ?? ''
      })
    // text damage too: cut, or a character changed, as a bad copy or disk would do
    const damagedText = fc.tuple(fc.nat({ max: docs.length - 1 }), fc.nat(), fc.nat({ max: 0xffff })).map(([which, at, code]) => {
      const text = JSON.stringify(docs[which])
      const i = at % text.length
      return code % 2 === 0 ? text.slice(0, i) : text.slice(0, i) + String.fromCharCode(code) + text.slice(i + 1)
    })
    const anyText = fc.oneof(mutatedDoc, mutatedDoc, damagedText, fc.string(), fc.json())
    fc.assert(
      fc.property(anyText, (text) => {
        const r = parseDocumentText(text)
        if (!r.ok) {
          assert.ok(r.error.length > 0 && r.error.every((p) => typeof p.path === 'string' && p.message.length > 0), 'every problem says where and what')
          return
        }
        const again = parseDocumentText(serializeDocument(r.value))
        assert.deepStrictEqual(again, { ok: true, value: r.value })
      }),
      { numRuns: 10_000 },
    )
  }, 120_000)
})
