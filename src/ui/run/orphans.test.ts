import { describe, expect, it } from 'vitest'
import type { Diagram } from '../../model/types'
import { parseDocument } from '../../share/document'
import { machineForTrace } from './currentState'
import { answersAfterCrash, crashOrphans } from './orphans'
import { layoutSequence } from './sequence'
import { hop } from './testHop'

const doc = parseDocument({
  wireplay: 1,
  nodes: [
    { id: 'c', kind: 'client', label: 'Shop', x: 0, y: 0 },
    { id: 'a', kind: 'service', label: 'Orders', x: 300, y: 0 },
    { id: 'b', kind: 'service', label: 'Payments', x: 600, y: 0 },
    { id: 'q', kind: 'queue', label: 'Jobs', x: 600, y: 200 },
  ],
  links: [
    { id: 'c-a', source: 'c', target: 'a', kind: 'sync' },
    { id: 'a-b', source: 'a', target: 'b', kind: 'sync', settings: { timeoutMs: 5000 } },
    { id: 'a-q', source: 'a', target: 'q', kind: 'message' },
  ],
})
if (!doc.ok) throw new Error('test document')
const d: Diagram = doc.value

// Orders calls Payments and crashes at 1200 while it waits: it answers Shop with the crash
// at once; Payments' 200 OK comes back at 1514, to nobody
const request = hop('c-a', 'request', 1000, 1001, 1)
const call = hop('a-b', 'request', 1011, 1012, 3, { attempt: 1 })
const crashed = hop('c-a', 'error', 1200, 1201, 1, { reason: 'crashed', origin: 'a' })
const reply = hop('a-b', 'reply', 1512, 1514, 3)
const journey = [request, call, crashed, reply]

describe('a call whose caller crashed', () => {
  it('is known from the crash answer of the job that made it', () => {
    expect(crashOrphans(journey, d, 2000)).toEqual([{ call, crashedAt: 1200, caller: 'a' }])
    expect([...answersAfterCrash(journey, crashOrphans(journey, d, 2000)).keys()]).toEqual([reply])
  })

  it('marks the answer ignored in the sequence diagram, saying why', () => {
    const s = layoutSequence(journey, d, 2000)
    const answer = s.arrows.find((a) => a.hop === reply)!
    expect([answer.label, answer.ignored, answer.ignoredWhy]).toEqual(['200 OK (ignored)', true, 'Orders crashed at 1.200 s'])
    // the crash answer itself is no late answer
    expect(s.arrows.find((a) => a.hop === crashed)!.ignored).toBe(false)
  })

  it('puts the call in its machine’s abandoned state', () => {
    const view = machineForTrace({ correlationId: 0, requestId: 3 }, [call, reply], d, 1300)
    expect(view?.state).toBe('waiting')
    const after = machineForTrace({ correlationId: 1, requestId: 3 }, journey, d, 1300)
    expect(after).toMatchObject({ machine: 'syncCall', state: 'abandoned', why: 'Orders crashed at 1.200 s while waiting (attempt 1 of 1): the call was abandoned.' })
    expect(machineForTrace({ correlationId: 1, requestId: 3 }, journey, d, 2000)?.why).toContain('Its 200 OK, at 1.514 s, was ignored.')
  })

  it('marks nothing when the answer came first, or when another job of the operation could have made the call', () => {
    const early = [request, call, hop('a-b', 'reply', 1100, 1102, 3), crashed]
    expect(answersAfterCrash(early, crashOrphans(early, d, 2000)).size).toBe(0)
    // a second job in Orders, answered normally after the call: the call may be its own
    const other = [request, hop('c-a', 'request', 1005, 1006, 7), call, crashed, hop('c-a', 'reply', 1300, 1301, 7), reply]
    expect(crashOrphans(other, d, 2000)).toEqual([])
    // both thrown out by the same crash: whichever made it is gone
    const both = [request, hop('c-a', 'request', 1005, 1006, 7), call, crashed, hop('c-a', 'error', 1200, 1201, 7, { reason: 'crashed', origin: 'a' }), reply]
    expect(crashOrphans(both, d, 2000).map((o) => o.call)).toEqual([call])
    // a crash passed on from further down is not this node's crash
    const passedOn = [request, call, hop('c-a', 'error', 1200, 1201, 1, { reason: 'crashed', origin: 'b' }), reply]
    expect(crashOrphans(passedOn, d, 2000)).toEqual([])
  })

  it('covers a publish waiting for the broker’s ack', () => {
    const publish = hop('a-q', 'message', 1011, 1500, 4)
    const ack = hop('a-q', 'brokerAck', 1500, 1700, 4)
    const j = [request, publish, crashed, ack]
    const s = layoutSequence(j, d, 2000)
    expect(s.arrows.find((a) => a.hop === ack)).toMatchObject({ label: 'stored (ignored)', ignoredWhy: 'Orders crashed at 1.200 s' })
  })
})
