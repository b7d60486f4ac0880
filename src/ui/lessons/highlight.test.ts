import { describe, expect, it } from 'vitest'
import { highlightCss } from './highlight'

const links = [
  { id: 'a-b', source: 'a', target: 'b' },
  { id: 'b-c', source: 'b', target: 'c' },
  { id: 'c-d', source: 'c', target: 'd' },
]

describe('highlightCss', () => {
  it('is empty when a step highlights nothing', () => {
    expect(highlightCss(undefined, links)).toBe('')
    expect(highlightCss({ nodes: [], links: [] }, links)).toBe('')
  })

  it('rings the highlighted nodes and dims every other node and link', () => {
    const css = highlightCss({ nodes: ['b', 'c'] }, links)
    expect(css).toContain('.react-flow .react-flow__node:not([data-id="b"]):not([data-id="c"]) { opacity')
    // the link between two highlighted nodes is not dimmed
    expect(css).toContain('.react-flow__edge:not([data-id="b-c"]) { opacity')
    expect(css).toContain('.react-flow__node[data-id="b"] .wire-node')
  })

  it('keeps the ends of a highlighted link undimmed without ringing them', () => {
    const css = highlightCss({ links: ['c-d'] }, links)
    expect(css).toContain('.react-flow__node:not([data-id="c"]):not([data-id="d"]) { opacity')
    expect(css).not.toContain('.wire-node {')
    expect(css).toContain('.react-flow__edge[data-id="c-d"] .wire-edge')
  })

  it('quotes ids so a strange id cannot break out of its selector', () => {
    const css = highlightCss({ nodes: ['x"] { } body { display: none'] }, [])
    expect(css).toContain('[data-id="x\\"] { } body { display: none"]')
  })
})
