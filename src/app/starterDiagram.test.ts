import { describe, expect, it } from 'vitest'
import { isUntouchedStarter, starter } from './starterDiagram'

describe('isUntouchedStarter', () => {
  it('is true for the starter as it ships, false once anything in it changed', () => {
    const shipped = starter()
    expect(isUntouchedStarter(shipped)).toBe(true)
    expect(isUntouchedStarter({ ...shipped, title: 'Mine' })).toBe(false)
    expect(isUntouchedStarter({ ...shipped, nodes: shipped.nodes.slice(1) })).toBe(false)
  })
})
