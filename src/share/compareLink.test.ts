import { describe, expect, it } from 'vitest'
import { addNode, connect } from '../model/edits'
import type { Diagram } from '../model/types'
import { STARTER_DOCUMENT } from '../scenarios/starter'
import { checkNames, decodeCompareFragment, defaultNames, encodeCompareFragment, isCompareFragment, readPastedDesign } from './compareLink'
import { parseDocument } from './document'
import { encodeLink, MAX_FRAGMENT_CHARS } from './link'

function starter(): Diagram {
  const r = parseDocument(STARTER_DOCUMENT)
  if (!r.ok) throw new Error('starter invalid')
  return r.value
}

/** The starter with a queue between Orders and a new worker: the "other design". */
function withQueue(): Diagram {
  let d = starter()
  d = addNode(d, 'queue', { x: 600, y: 100 }).diagram
  const queue = d.nodes.at(-1)!.id
  d = addNode(d, 'service', { x: 800, y: 100 }).diagram
  const worker = d.nodes.at(-1)!.id
  const orders = d.nodes.find((n) => n.label === 'Orders')!.id
  for (const [s, t] of [
    [orders, queue],
    [queue, worker],
  ] as const) {
    const r = connect(d, s, t)
    if (!r.ok) throw new Error(r.error)
    d = r.value.diagram
  }
  return { ...d, title: 'Checkout with a queue', seed: 7, faults: [{ at: 5000, action: 'crash', node: worker }] }
}

const sync = (): Diagram => ({ ...starter(), title: 'Checkout, synchronous' })

function encode(a: Diagram, b: Diagram, names = defaultNames(a, b)): string {
  const r = encodeCompareFragment({ a: { diagram: a, name: names.a }, b: { diagram: b, name: names.b } })
  if (!r.ok) throw new Error(r.error.message)
  return r.value
}

describe('compare links of two designs', () => {
  it('round-trip both diagrams exactly (seed, faults, title included) and name the sides by their titles', () => {
    const a = sync()
    const b = withQueue()
    const fragment = encode(a, b)
    expect(isCompareFragment(fragment)).toBe(true)
    const { designs, error } = decodeCompareFragment(`#${fragment}`)
    expect(error).toBeNull()
    expect(designs.a!.diagram).toEqual(a)
    expect(designs.b!.diagram).toEqual(b)
    expect(designs.a!.name).toBe('Checkout, synchronous')
    expect(designs.b!.name).toBe('Checkout with a queue')
    // each side is an ordinary diagram link, so "Open in the editor" opens it as it came
    expect(designs.a!.fragment).toBe(encodeLink(a))
    expect(designs.b!.fragment).toBe(encodeLink(b))
    // names equal to the titles are not written twice
    expect(fragment).not.toMatch(/(^|&)[ab]n=/)
  })

  it('carry names given to the sides, unicode and spaces included', () => {
    const fragment = encode(sync(), withQueue(), { a: 'Sync — «v1»', b: 'Queue & worker + retry' })
    expect(fragment).not.toContain('+')
    const { designs, error } = decodeCompareFragment(fragment)
    expect(error).toBeNull()
    expect(designs.a!.name).toBe('Sync — «v1»')
    expect(designs.b!.name).toBe('Queue & worker + retry')
  })

  it('call untitled designs Design A and Design B, and tell two same-titled designs apart', () => {
    const plain = { ...starter(), title: undefined }
    expect(defaultNames(plain, plain)).toEqual({ a: 'Design A', b: 'Design B' })
    expect(defaultNames(sync(), sync())).toEqual({ a: 'Checkout, synchronous (A)', b: 'Checkout, synchronous (B)' })
    const { designs } = decodeCompareFragment(encode(plain, withQueue()))
    expect([designs.a!.name, designs.b!.name]).toEqual(['Design A', 'Checkout with a queue'])
    // a hand-made link that names both sides alike still gives two distinct columns
    const same = `a=${encodeLink(sync())}&b=${encodeLink(withQueue())}&an=X&bn=X`
    const read = decodeCompareFragment(same).designs
    expect([read.a!.name, read.b!.name]).toEqual(['X (A)', 'X (B)'])
  })

  it('say which side is damaged, and still return the other', () => {
    const good = encodeLink(sync())
    const cut = encodeLink(withQueue()).slice(0, 40)
    const r = decodeCompareFragment(`a=${good}&b=${cut}&bn=With%20a%20queue`)
    expect(r.error?.sides).toEqual(['b'])
    expect(r.error?.message).toMatch(/^Design B \(“With a queue”\): This link is cut short/)
    expect(r.designs.a?.diagram).toEqual(sync())
    expect(r.designs.b).toBeUndefined()

    const corrupt = decodeCompareFragment(`a=w1.!!!&b=${good}`)
    expect(corrupt.error?.sides).toEqual(['a'])
    expect(corrupt.error?.message).toMatch(/^Design A: This link is damaged/)
    expect(corrupt.designs.b?.name).toBe('Checkout, synchronous')

    // two same-titled designs keep the names they were shared with when one side is damaged
    const twins = encode(sync(), sync())
    const damaged = decodeCompareFragment(twins.replace(/(^|&)b=[^&]*/, '$1b=w1.!!!'))
    expect(damaged.error?.message).toMatch(/^Design B \(“Checkout, synchronous \(B\)”\): This link is damaged/)
    expect(damaged.designs.a?.name).toBe('Checkout, synchronous (A)')

    const newer = decodeCompareFragment(`a=${good}&b=w9.abc`)
    expect(newer.error).toEqual({ sides: ['b'], message: expect.stringMatching(/^Design B: .*newer version/) })
  })

  it('say so when a side is missing, both are broken, or the whole is far too long', () => {
    expect(decodeCompareFragment(`a=${encodeLink(sync())}`).error).toEqual({ sides: ['b'], message: 'Design B is missing from this comparison link. Was it copied completely?' })
    const both = decodeCompareFragment('a=w1.abc&b=nonsense')
    expect(both.error?.sides).toEqual(['a', 'b'])
    expect(both.error?.message.split('\n')).toHaveLength(2)
    expect(both.designs).toEqual({})
    const huge = decodeCompareFragment(`a=w1.${'A'.repeat(2 * MAX_FRAGMENT_CHARS + 5_000)}`)
    expect(huge.error).toEqual({ sides: [], message: expect.stringMatching(/too long to hold two Wireplay diagrams/) })
    // one side over a diagram link's own limit is named
    const long = decodeCompareFragment(`a=${encodeLink(sync())}&b=w1.${'A'.repeat(MAX_FRAGMENT_CHARS + 10)}`)
    expect(long.error?.sides).toEqual(['b'])
    expect(long.error?.message).toMatch(/^Design B: This link is too long/)
  })

  it('refuse to encode a design too large for a link, naming it', () => {
    // labels that do not compress, so the link outgrows its limit
    let seed = 1
    const rand = () => (seed = (seed * 48271) % 2147483647)
    const proto = addNode({ nodes: [], links: [] }, 'service', { x: 0, y: 0 }).diagram.nodes[0]!
    const big: Diagram = { nodes: Array.from({ length: 3000 }, (_, i) => ({ ...proto, id: `service-${i + 1}`, label: rand().toString(36) + rand().toString(36), x: rand() % 100_000, y: rand() % 100_000 })), links: [] }
    expect(encodeLink(big).length).toBeGreaterThan(MAX_FRAGMENT_CHARS)
    const r = encodeCompareFragment({ a: { diagram: sync(), name: 'Small' }, b: { diagram: big, name: 'Huge' } })
    expect(r).toEqual({ ok: false, error: { sides: ['b'], message: expect.stringMatching(/^Design B \(“Huge”\) is too large to share in a link/) } })
  })

  it('check the names typed for the sides', () => {
    expect(checkNames({ a: '  Sync  ', b: 'Queue' })).toEqual({ ok: true, value: { a: 'Sync', b: 'Queue' } })
    expect(checkNames({ a: '', b: 'Queue' })).toEqual({ ok: false, error: { a: 'Give this side a name.' } })
    expect(checkNames({ a: 'Same', b: 'Same ' })).toEqual({ ok: false, error: { b: 'Give the two sides different names.' } })
    expect(checkNames({ a: 'x'.repeat(121), b: 'Queue' })).toEqual({ ok: false, error: { a: expect.stringMatching(/^A name must be at most 120/) } })
  })
})

describe('a pasted design', () => {
  it('is read from a whole address, an embed address, a fragment or the bare link', () => {
    const f = encodeLink(withQueue())
    for (const text of [`https://example.org/wireplay/#${f}`, `http://127.0.0.1:4173/?view=embed#${f}`, `#${f}`, `  ${f}\n`]) {
      expect(readPastedDesign(text)).toEqual({ ok: true, value: withQueue() })
    }
  })

  it('is refused in words that say what to paste instead', () => {
    expect(readPastedDesign('hello there')).toEqual({ ok: false, error: { kind: 'not-a-link', message: expect.stringMatching(/^This is not a Wireplay link/) } })
    expect(readPastedDesign('https://example.org/')).toMatchObject({ ok: false, error: { kind: 'not-a-link' } })
    expect(readPastedDesign('   ')).toMatchObject({ ok: false, error: { kind: 'empty' } })
    expect(readPastedDesign('https://x/#s.order-sync.2')).toMatchObject({ ok: false, error: { kind: 'scenario' } })
    expect(readPastedDesign(`https://x/?view=compare#${encode(sync(), withQueue())}`)).toMatchObject({ ok: false, error: { kind: 'comparison' } })
    expect(readPastedDesign(`https://x/#${encodeLink(sync()).slice(0, 30)}`)).toMatchObject({ ok: false, error: { kind: 'truncated' } })
    expect(readPastedDesign(`#w1.${'A'.repeat(MAX_FRAGMENT_CHARS + 1)}`)).toMatchObject({ ok: false, error: { kind: 'too-long' } })
  })
})
