import { describe, expect, it } from 'vitest'
import { LINK_DEFAULTS, defaultSettings } from './defaults'
import { MAX_LINKS, MAX_NODES, checkDiagram } from './invariants'
import type { Diagram, DiagramLink, DiagramNode, LinkKind, LinkSettings, NodeKind } from './types'

function node(id: string, kind: NodeKind, over: Partial<Omit<DiagramNode, 'settings'>> & { settings?: Record<string, unknown> } = {}): DiagramNode {
  const { settings, ...rest } = over
  return { id, kind, label: id, x: 0, y: 0, ...rest, settings: { ...defaultSettings(kind), ...settings } } as DiagramNode
}

function link(id: string, source: string, target: string, kind: LinkKind, settings: Partial<Record<keyof LinkSettings, unknown>> = {}): DiagramLink {
  return { id, source, target, kind, settings: { ...LINK_DEFAULTS, ...settings } as LinkSettings }
}

/** client → orders (sync) → db (sync); orders → jobs queue (message) → worker; orders → events topic (event) → mailer */
function valid(): Diagram {
  return {
    nodes: [
      node('web', 'client', { label: 'Web' }),
      node('orders', 'service', { label: 'Orders', x: 260 }),
      node('db', 'database', { label: 'DB', x: 520 }),
      node('jobs', 'queue', { label: 'Jobs', y: 130 }),
      node('worker', 'service', { label: 'Worker', y: 260 }),
      node('events', 'topic', { label: 'Events', y: -130 }),
      node('mailer', 'service', { label: 'Mailer', y: -260 }),
    ],
    links: [
      link('l-1', 'web', 'orders', 'sync'),
      link('l-2', 'orders', 'db', 'sync'),
      link('l-3', 'orders', 'jobs', 'message'),
      link('l-4', 'jobs', 'worker', 'message'),
      link('l-5', 'orders', 'events', 'event'),
      link('l-6', 'events', 'mailer', 'event'),
    ],
  }
}

function withNode(d: Diagram, i: number, n: DiagramNode): Diagram {
  return { ...d, nodes: d.nodes.map((x, j) => (j === i ? n : x)) }
}
function withLink(d: Diagram, i: number, l: DiagramLink): Diagram {
  return { ...d, links: d.links.map((x, j) => (j === i ? l : x)) }
}

describe('checkDiagram', () => {
  it('finds nothing wrong with a valid diagram or an empty one', () => {
    expect(checkDiagram(valid())).toEqual([])
    expect(checkDiagram({ nodes: [], links: [] })).toEqual([])
  })

  it('does not change the diagram it checks', () => {
    const d = valid()
    const before = structuredClone(d)
    checkDiagram(withNode(d, 1, node('orders', 'service', { settings: { workers: 0 } })))
    checkDiagram(d)
    expect(d).toEqual(before)
  })

  describe('unique ids', () => {
    it('reports a node id used twice, at the second node', () => {
      const d = valid()
      const twice = { ...d, nodes: [...d.nodes, node('orders', 'service', { label: 'Orders again' })] }
      expect(checkDiagram(twice)).toEqual([{ path: 'nodes[7].id', message: 'Node id “orders” is used twice.' }])
    })

    it('reports a link id used twice, and a link id equal to a node id', () => {
      const d = valid()
      expect(checkDiagram(withLink(d, 3, { ...d.links[3]!, id: 'l-1' }))).toEqual([{ path: 'links[3].id', message: 'Id “l-1” is used twice.' }])
      expect(checkDiagram(withLink(d, 0, { ...d.links[0]!, id: 'db' }))).toEqual([{ path: 'links[0].id', message: 'Id “db” is used twice.' }])
    })
  })

  describe('links point at existing nodes', () => {
    it('reports a missing source and a missing target, and nothing else about that link', () => {
      const d = valid()
      expect(checkDiagram(withLink(d, 0, { ...d.links[0]!, source: 'ghost' }))).toEqual([{ path: 'links[0].source', message: 'Link points from a missing node “ghost”.' }])
      expect(checkDiagram(withLink(d, 1, { ...d.links[1]!, target: 'gone' }))).toEqual([{ path: 'links[1].target', message: 'Link points to a missing node “gone”.' }])
      expect(checkDiagram(withLink(d, 2, link('l-3', 'a', 'b', 'sync', { retries: 99 })))).toEqual([
        { path: 'links[2].source', message: 'Link points from a missing node “a”.' },
        { path: 'links[2].target', message: 'Link points to a missing node “b”.' },
      ])
    })

    it('does not take a link id for a node', () => {
      const d = valid()
      expect(checkDiagram(withLink(d, 1, { ...d.links[1]!, target: 'l-1' }))).toEqual([{ path: 'links[1].target', message: 'Link points to a missing node “l-1”.' }])
    })
  })

  describe('no self or duplicate links', () => {
    it('reports a node linked to itself', () => {
      const d = valid()
      expect(checkDiagram(withLink(d, 1, link('l-2', 'orders', 'orders', 'sync')))).toEqual([{ path: 'links[1]', message: 'A node cannot link to itself.' }])
    })

    it('reports the second link between the same two nodes in the same direction', () => {
      const d = valid()
      const twice = { ...d, links: [...d.links, link('l-7', 'orders', 'db', 'sync')] }
      expect(checkDiagram(twice)).toEqual([{ path: 'links[6]', message: 'Orders is linked to DB twice.' }])
    })

    it('allows two services to call each other', () => {
      const d = valid()
      const both = { ...d, links: [...d.links, link('l-7', 'orders', 'worker', 'sync'), link('l-8', 'worker', 'orders', 'async')] }
      expect(checkDiagram(both)).toEqual([])
    })
  })

  describe('link kinds allowed between node kinds', () => {
    it('reports a pair that no link may join, with the reason', () => {
      const d = valid()
      const cases: [DiagramLink, string][] = [
        [link('x', 'orders', 'web', 'sync'), 'Nothing calls a client: a client only sends requests.'],
        [link('x', 'db', 'orders', 'sync'), 'A database calls nobody: it only answers requests.'],
        [link('x', 'jobs', 'events', 'message'), 'A queue cannot feed a topic directly: put a service between them to consume and re-send.'],
        [link('x', 'events', 'db', 'event'), 'A database cannot consume from a topic: let a service consume and write to the database.'],
      ]
      for (const [l, message] of cases) {
        expect(checkDiagram({ ...d, links: [...d.links, l] }), `${l.source} → ${l.target}`).toEqual([{ path: 'links[6]', message }])
      }
    })

    it('reports a kind that is not allowed between the two ends, at the kind', () => {
      const d = valid()
      const cases: [number, LinkKind, RegExp][] = [
        [1, 'async', /async link cannot join a service to a database/], // a database answers synchronously
        [0, 'message', /message link cannot join a client to a service/],
        [2, 'event', /event link cannot join a service to a queue/],
        [3, 'sync', /sync link cannot join a queue to a service/],
        [5, 'message', /message link cannot join a topic to a service/],
      ]
      for (const [i, kind, message] of cases) {
        const problems = checkDiagram(withLink(d, i, { ...d.links[i]!, kind }))
        expect(problems, `links[${i}] as ${kind}`).toEqual([{ path: `links[${i}].kind`, message: expect.stringMatching(message) }])
      }
    })

    it('accepts both sync and async between a client or service and a service', () => {
      const d = valid()
      expect(checkDiagram(withLink(d, 0, { ...d.links[0]!, kind: 'async' }))).toEqual([])
    })
  })

  describe('settings in range', () => {
    it('reports node settings outside their field’s limits, at each setting', () => {
      const d = valid()
      const cases: [number, Record<string, unknown>, string, string][] = [
        [1, { workers: 0 }, 'workers', 'Workers per replica must be at least 1.'],
        [1, { replicas: 1.5 }, 'replicas', 'Replicas must be a whole number.'],
        [1, { errorRate: 101 }, 'errorRate', 'Error rate must be at most 100 %.'],
        [1, { timeMs: -1 }, 'timeMs', 'Mean service time cannot be negative.'],
        [1, { timeDist: 'gaussian' }, 'timeDist', 'Service time distribution must be one of: constant, exponential, uniform, lognormal.'],
        [1, { balancing: undefined }, 'balancing', 'Load balancing must be text.'],
        [2, { workers: Number.NaN }, 'workers', 'Workers per replica must be a number.'],
        [0, { rate: 100_001 }, 'rate', 'Rate must be at most 100,000.'],
        [0, { burstEverySec: 0 }, 'burstEverySec', 'Burst every must be at least 0.1.'],
        [0, { arrivals: 'bursty' }, 'arrivals', 'Arrivals must be one of: poisson, uniform.'],
        [3, { capacity: 0 }, 'capacity', 'Capacity must be at least 1.'],
        [5, { maxDeliveries: 101 }, 'maxDeliveries', 'Max deliveries must be at most 100.'],
        [5, { ackTimeoutMs: undefined }, 'ackTimeoutMs', 'Ack timeout needs a value.'],
      ]
      for (const [i, settings, key, message] of cases) {
        const n = d.nodes[i]!
        const bad = withNode(d, i, node(n.id, n.kind, { label: n.label, x: n.x, y: n.y, settings }))
        expect(checkDiagram(bad), `${n.kind}.${key}`).toEqual([{ path: `nodes[${i}].settings.${key}`, message }])
      }
    })

    it('accepts settings at the edges of their limits', () => {
      const d = valid()
      const edges = withNode(
        withNode(d, 0, node('web', 'client', { label: 'Web', settings: { rate: 0, burstSize: 100_000, burstEverySec: 0.1 } })),
        1,
        node('orders', 'service', { label: 'Orders', settings: { replicas: 100, workers: 10_000, errorRate: 100, timeMs: 0, queueLimit: 0 } }),
      )
      expect(checkDiagram(edges)).toEqual([])
    })

    it('reports every bad setting of a node, in field order', () => {
      const d = valid()
      const bad = withNode(d, 1, node('orders', 'service', { label: 'Orders', settings: { errorRate: -5, replicas: 0 } }))
      expect(checkDiagram(bad).map((p) => p.path)).toEqual(['nodes[1].settings.replicas', 'nodes[1].settings.errorRate'])
    })

    it('reports link settings outside their limits, for the fields of the link’s role', () => {
      const d = valid()
      const cases: [number, Partial<Record<keyof LinkSettings, unknown>>, string, RegExp][] = [
        [0, { retries: 11 }, 'retries', /^Retries must be at most 10\.$/],
        [0, { timeoutMs: 0 }, 'timeoutMs', /^Timeout must be at least 1\.$/],
        [0, { latencyMs: -1 }, 'latencyMs', /^Latency cannot be negative\.$/],
        [1, { probability: 100.5 }, 'probability', /^Call probability must be at most 100 %\.$/],
        [2, { contract: 'ShipOrder' }, 'contract', /name and a version/],
        [3, { contract: '' }, 'contract', /needs a value/],
        [4, { eventName: 'Order placed' }, 'eventName', /starts with a letter and has no spaces/],
        [5, { filter: 'A B' }, 'filter', /separated by commas/],
      ]
      for (const [i, settings, key, message] of cases) {
        const l = d.links[i]!
        const problems = checkDiagram(withLink(d, i, { ...l, settings: { ...l.settings, ...settings } as LinkSettings }))
        expect(problems, `links[${i}].${key}`).toEqual([{ path: `links[${i}].settings.${key}`, message: expect.stringMatching(message) }])
      }
    })

    it('checks the polling fields of an async call', () => {
      const d = valid()
      const l = d.links[0]!
      const asyncLink = { ...l, kind: 'async' as const, settings: { ...l.settings, pollMs: 0 } }
      expect(checkDiagram(withLink(d, 0, asyncLink))).toEqual([{ path: 'links[0].settings.pollMs', message: 'Poll every must be at least 1.' }])
    })

    it('accepts an empty event filter and a list of names', () => {
      const d = valid()
      const l = d.links[5]!
      expect(checkDiagram(withLink(d, 5, { ...l, settings: { ...l.settings, filter: '' } }))).toEqual([])
      expect(checkDiagram(withLink(d, 5, { ...l, settings: { ...l.settings, filter: 'OrderPlaced, OrderShipped' } }))).toEqual([])
    })
  })

  describe('labels and positions', () => {
    it('reports an empty or too long label', () => {
      const d = valid()
      expect(checkDiagram(withNode(d, 1, { ...d.nodes[1]!, label: '   ' }))).toEqual([{ path: 'nodes[1].label', message: 'A name cannot be empty.' }])
      expect(checkDiagram(withNode(d, 1, { ...d.nodes[1]!, label: 'x'.repeat(41) }))).toEqual([{ path: 'nodes[1].label', message: 'A name must be at most 40 characters.' }])
      expect(checkDiagram(withNode(d, 1, { ...d.nodes[1]!, label: 'x'.repeat(40) }))).toEqual([])
    })

    it('reports positions that are not whole numbers', () => {
      const d = valid()
      for (const [x, y] of [
        [1.5, 0],
        [0, -0.25],
        [Number.NaN, 0],
        [0, Number.POSITIVE_INFINITY],
      ] as const) {
        expect(checkDiagram(withNode(d, 2, { ...d.nodes[2]!, x, y })), `${x},${y}`).toEqual([{ path: 'nodes[2].x', message: 'Positions must be whole numbers.' }])
      }
      expect(checkDiagram(withNode(d, 2, { ...d.nodes[2]!, x: -40, y: 1_000_000 }))).toEqual([])
    })
  })

  describe('size caps', () => {
    it('allows 500 nodes and refuses 501', () => {
      const nodes = Array.from({ length: MAX_NODES }, (_, i) => node(`s-${i}`, 'service', { x: i }))
      expect(MAX_NODES).toBe(500)
      expect(checkDiagram({ nodes, links: [] })).toEqual([])
      const more = [...nodes, node('s-extra', 'service')]
      expect(checkDiagram({ nodes: more, links: [] })).toEqual([{ path: 'nodes', message: 'A diagram holds at most 500 nodes (this one has 501).' }])
    })

    it('allows 2000 links and refuses 2001', () => {
      const nodes = Array.from({ length: 46 }, (_, i) => node(`s-${i}`, 'service'))
      const links: DiagramLink[] = []
      for (const a of nodes) for (const b of nodes) if (a !== b) links.push(link(`l-${links.length}`, a.id, b.id, 'sync'))
      expect(MAX_LINKS).toBe(2000)
      expect(checkDiagram({ nodes, links: links.slice(0, MAX_LINKS) })).toEqual([])
      expect(checkDiagram({ nodes, links: links.slice(0, MAX_LINKS + 1) })).toEqual([{ path: 'links', message: 'A diagram holds at most 2000 links (this one has 2001).' }])
    })
  })

  it('reports every problem at once, nodes first', () => {
    const d = valid()
    const bad: Diagram = {
      nodes: [{ ...d.nodes[0]!, x: 0.5 }, ...d.nodes.slice(1)],
      links: [link('l-1', 'web', 'web', 'sync'), ...d.links.slice(1), link('l-9', 'orders', 'nowhere', 'sync')],
    }
    expect(checkDiagram(bad).map((p) => p.path)).toEqual(['nodes[0].x', 'links[0]', 'links[6].target'])
  })
})
