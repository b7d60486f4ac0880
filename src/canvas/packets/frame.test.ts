import { describe, expect, it } from 'vitest'
import type { Hop } from '../../sim/types'
import { badgeBox, placeBadge } from '../badgePlace'
import { clearOf, Frame, hitTest, LABEL_SIDES, labelSide, layoutFrame, linkCapacity, MIN_CAPACITY, placeLabel, type FrameInput, type LinkSlot } from './frame'
import { linkPath } from './geometry'
import { K_ERROR, K_EVENT, K_MESSAGE, K_REQUEST, K_RESPONSE, packetKind } from './kinds'

const slot = (id: string, sx: number, sy: number, tx: number, ty: number, fromTopic = false): LinkSlot => ({
  id,
  path: linkPath(sx, sy, tx, ty),
  fromTopic,
  count: 0,
  failures: 0,
  banded: false,
  visible: false,
})

const hop = (link: string, over: Partial<Hop> = {}): Hop => ({ link, direction: 'forward', carries: 'request', depart: 0, arrive: 100, requestId: 1, correlationId: 1, ...over })

function input(slots: LinkSlot[], packets: Hop[], over: Partial<FrameInput> = {}): FrameInput {
  return {
    packets,
    links: new Map(slots.map((s) => [s.id, s])),
    slots,
    time: 50,
    zoom: 1,
    view: { minX: -1000, minY: -1000, maxX: 2000, maxY: 2000 },
    reducedMotion: false,
    traced: null,
    minTravel: 0,
    ...over,
  }
}

describe('a frame of packets', () => {
  it('places each packet on its link at its fraction, back hops from the target', () => {
    const a = slot('a', 0, 0, 200, 0)
    const f = layoutFrame(input([a], [hop('a', { depart: 0, arrive: 100 }), hop('a', { direction: 'back', carries: 'reply', depart: 25, arrive: 125 })]), new Frame())
    expect(f.count).toBe(2)
    expect(f.x[0]).toBeCloseTo(100, 6) // straight link: half of 200
    expect(f.x[1]).toBeCloseTo(150, 6) // a quarter of the way back from 200
    expect([f.kind[0], f.kind[1]]).toEqual([K_REQUEST, K_RESPONSE])
    expect(f.hops[1]?.carries).toBe('reply')
  })

  it('bands a link that carries more packets than it can show one by one at this zoom', () => {
    const a = slot('a', 0, 0, 200, 0)
    const b = slot('b', 0, 100, 200, 100)
    // 200 px at zoom 1: room for 16
    const many = Array.from({ length: 20 }, (_, i) => hop('a', { requestId: i, correlationId: i }))
    const f = layoutFrame(input([a, b], [...many, hop('b')]), new Frame())
    expect(a.banded).toBe(true)
    expect(a.count).toBe(20)
    expect(f.bands).toEqual([a])
    expect(f.count).toBe(1) // only b's packet is drawn one by one
    expect(f.total).toBe(21)
    // zoomed in, the same link has room for them
    const g = layoutFrame(input([a, b], [...many, hop('b')], { zoom: 2.5 }), new Frame())
    expect(g.bands).toEqual([])
    expect(g.count).toBe(21)
  })

  it('gives a link room for one packet per few screen pixels, within bounds', () => {
    expect(linkCapacity(100, 0.2)).toBe(MIN_CAPACITY)
    expect(linkCapacity(600, 1)).toBe(48)
    expect(linkCapacity(300, 1)).toBe(25)
  })

  it('still draws the traced request inside a band', () => {
    const a = slot('a', 0, 0, 200, 0)
    const many = Array.from({ length: 30 }, (_, i) => hop('a', { requestId: i, correlationId: 100 + i }))
    const f = layoutFrame(input([a], many, { traced: { correlationId: 107, requestId: 7 } }), new Frame())
    expect(f.bands).toEqual([a])
    expect(f.count).toBe(1)
    expect(f.traced[0]).toBe(1)
    expect(f.hops[0]?.correlationId).toBe(107)
  })

  it('shows counts instead of moving packets when motion is reduced', () => {
    const a = slot('a', 0, 0, 200, 0)
    const b = slot('b', 0, 100, 200, 100)
    const f = layoutFrame(input([a, b], [hop('a'), hop('a'), hop('a', { carries: 'error', direction: 'back' })], { reducedMotion: true }), new Frame())
    expect(f.count).toBe(0)
    expect(f.counts).toEqual([a])
    expect(a.count).toBe(3)
    expect(f.failing).toEqual([a])
  })

  it('skips links and packets out of view, but still counts them', () => {
    const a = slot('a', 0, 0, 200, 0)
    const far = slot('far', 5000, 5000, 5200, 5000)
    const f = layoutFrame(input([a, far], [hop('a'), hop('far'), hop('nowhere')]), new Frame())
    expect(far.visible).toBe(false)
    expect(f.count).toBe(1)
    expect(f.total).toBe(2)
  })

  it('knows the links where an error or a nack travels now', () => {
    const a = slot('a', 0, 0, 200, 0)
    const b = slot('b', 0, 100, 200, 100)
    const f = layoutFrame(input([a, b], [hop('a'), hop('b', { carries: 'nack', direction: 'back' })]), new Frame())
    expect(f.failing).toEqual([b])
    expect(f.kind[1]).toBe(K_ERROR)
  })

  it('grows its buffers for thousands of packets', () => {
    const a = slot('a', 0, 0, 200, 0)
    const links = Array.from({ length: 1000 }, (_, i) => slot(`l${i}`, 0, i * 10, 300, i * 10))
    const packets = links.flatMap((l) => [hop(l.id), hop(l.id, { direction: 'back' }), hop(l.id, { depart: 10 })])
    const f = layoutFrame(input([a, ...links], packets, { view: { minX: -100, minY: -100, maxX: 1e5, maxY: 1e5 } }), new Frame())
    expect(f.count).toBe(3000)
    expect(f.x.length).toBeGreaterThanOrEqual(3000)
  })

  it('draws a hop shorter than the minimum travel slowed down, past its arrival, and a longer one at its own pace', () => {
    const a = slot('a', 0, 0, 200, 0)
    const short = hop('a', { depart: 0, arrive: 2 })
    const long = hop('a', { requestId: 2, depart: 0, arrive: 400 })
    // at 50 ms with 150 ms of minimum travel: a third of the way, though it arrived at 2 ms
    const f = layoutFrame(input([a], [short, long], { minTravel: 150 }), new Frame())
    expect(f.count).toBe(2)
    expect(f.x[0]).toBeCloseTo(200 / 3, 6)
    expect(f.x[1]).toBeCloseTo(25, 6)
    // at its simulated times it is gone by then
    const g = layoutFrame(input([a], [short, long]), new Frame())
    expect(g.count).toBe(1)
    expect(g.hops[0]?.requestId).toBe(2)
    // and once the stretched travel is over it is not drawn or counted
    const h = layoutFrame(input([a], [short, long], { minTravel: 150, time: 150 }), new Frame())
    expect([h.count, h.total, a.count]).toEqual([1, 1, 1])
  })

  it('leaves out a hop that has not departed yet', () => {
    const a = slot('a', 0, 0, 200, 0)
    const f = layoutFrame(input([a], [hop('a', { depart: 60, arrive: 100 })], { minTravel: 150 }), new Frame())
    expect([f.count, f.total]).toEqual([0, 0])
  })

  it('finds the packet under a click', () => {
    const a = slot('a', 0, 0, 200, 0)
    const f = layoutFrame(input([a], [hop('a', { requestId: 5 }), hop('a', { requestId: 6, depart: 25, arrive: 125 })]), new Frame())
    expect(hitTest(f, 101, 2, 6)).toBe(0)
    expect(f.hops[hitTest(f, 52, 0, 6)]?.requestId).toBe(6)
    expect(hitTest(f, 100, 20, 6)).toBe(-1)
  })
})

describe('packet kinds', () => {
  it('tell a delivery from a topic (an event copy) from one from a queue (a message)', () => {
    expect(packetKind('delivery', true)).toBe(K_EVENT)
    expect(packetKind('delivery', false)).toBe(K_MESSAGE)
    expect(packetKind('status', false)).toBe(K_RESPONSE)
    expect(packetKind('brokerAck', false)).toBe(K_RESPONSE)
  })
})

describe('text the layer draws keeps off the nodes at its link’s ends', () => {
  // two nodes 100 px apart, as a link between them sees them: x0, y0, x1, y1
  const nodes = [0, 0, 180, 80, 280, 0, 460, 80]

  it('tells a box that covers a node from one in the gap', () => {
    expect(clearOf(190, 30, 270, 50, nodes, 2)).toBe(true)
    expect(clearOf(170, 30, 200, 50, nodes, 2)).toBe(false)
    expect(clearOf(270, 30, 300, 50, nodes, 2)).toBe(false)
    // only the first n rects count
    expect(clearOf(270, 30, 300, 50, nodes, 1)).toBe(true)
  })

  it('puts a label up and to the right when that is clear', () => {
    expect(labelSide(200, 40, 30, 13, 6, nodes, 2)).toBe(0)
  })

  it('moves a label that would cover the next node to the left of its packet', () => {
    // a packet about to arrive at the right node: its usual label would sit on that node's name
    const side = labelSide(270, 40, 30, 13, 6, nodes, 2)
    expect(LABEL_SIDES[side]).toEqual([-1, -1])
  })

  it('moves a label under its packet when above is a node on both sides', () => {
    // a node above the packet, wider than the label's reach either way
    const above = [100, 0, 300, 40]
    expect(LABEL_SIDES[labelSide(200, 45, 30, 13, 6, above, 1)]).toEqual([1, 1])
  })

  it('leaves the label out when every side covers a node', () => {
    expect(labelSide(90, 40, 30, 13, 6, nodes, 2)).toBe(-1)
  })
})

describe('a packet’s label keeps off the link badges', () => {
  // a short link at zoom 1: two nodes 100 px apart, the line level between their handles
  const ends = [0, 0, 180, 80, 280, 0, 460, 80]
  const link = { sourceX: 186, sourceY: 40, targetX: 274, targetY: 40 }
  const measure = (t: string) => Array.from(t).length * 6
  const place = placeBadge(link, 'HTTP · +200 ms', measure)
  const badge = badgeBox(place, measure(place.shown))
  // a label 'request' (30 × 13 px) 9 px from its packet
  const W = 30
  const H = 13
  const OFF = 9
  const labelBox = (x: number, y: number, side: number) => {
    const [sx, sy] = LABEL_SIDES[side] as readonly [number, number]
    const left = sx > 0 ? x + OFF : x - OFF - W
    const cy = y + sy * OFF
    return [left, cy - H / 2, left + W, cy + H / 2] as const
  }
  const scratch: number[] = []

  it('goes under the line where its usual place, up and to the right, would cover the badge', () => {
    expect(place.at).toBe('above')
    // the collision this prevents: a packet in the middle, labelled as usual, hides the badge
    const usual = placeLabel(222, 40, W, H, OFF, ends, [], [], scratch)
    expect(usual).toBe(0)
    expect(clearOf(...labelBox(222, 40, usual), badge, 1)).toBe(false)
    const side = placeLabel(222, 40, W, H, OFF, ends, badge, [], scratch)
    expect(LABEL_SIDES[side]).toEqual([1, 1])
    expect(clearOf(...labelBox(222, 40, side), badge, 1)).toBe(true)
  })

  it('covers neither the badge nor a node anywhere along the link, and is shown in its middle', () => {
    for (let x = 190; x <= 270; x += 4) {
      const side = placeLabel(x, 40, W, H, OFF, ends, badge, [], scratch)
      if (side < 0) continue
      const box = labelBox(x, 40, side)
      expect(clearOf(...box, badge, 1), `label at ${x} covers the badge`).toBe(true)
      expect(clearOf(...box, ends, 2), `label at ${x} covers a node`).toBe(true)
    }
    for (let x = 200; x <= 240; x += 4) expect(placeLabel(x, 40, W, H, OFF, ends, badge, [], scratch), `no label at ${x}`).toBeGreaterThanOrEqual(0)
  })

  it('keeps off the badges of other links too, and is left out when no side is clear', () => {
    // another link's badge just under this one's line
    const below = [200, 44, 270, 58]
    expect(placeLabel(222, 40, W, H, OFF, ends, [...badge, ...below], [], scratch)).toBe(-1)
    // and labels already drawn count as before
    expect(placeLabel(222, 40, W, H, OFF, ends, badge, labelBox(222, 40, 2), scratch)).not.toBe(2)
  })
})
