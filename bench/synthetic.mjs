// Deterministic synthetic diagrams for the editor benchmark: layers of services on a
// grid, each node calling two nodes of the next layer, with a queue and a topic in
// every tenth slot so all four link kinds appear. Same count in, same document out.
export function syntheticDiagram(count) {
  const perColumn = Math.ceil(Math.sqrt(count / 2))
  const nodes = []
  const links = []
  for (let i = 0; i < count; i++) {
    const column = Math.floor(i / perColumn)
    const row = i % perColumn
    const kind = i === 0 ? 'client' : i % 10 === 5 ? 'queue' : i % 10 === 7 ? 'topic' : i % 10 === 9 ? 'database' : 'service'
    nodes.push({ id: `${kind}-${i}`, kind, label: `${kind[0].toUpperCase()}${kind.slice(1)} ${i}`, x: 40 + 260 * column, y: 60 + 130 * row })
  }
  const byColumn = (c) => nodes.filter((_, i) => Math.floor(i / perColumn) === c)
  let id = 1
  for (let i = 0; i < count; i++) {
    const from = nodes[i]
    if (from.kind === 'database') continue
    const next = byColumn(Math.floor(i / perColumn) + 1)
    if (next.length === 0) continue
    const row = i % perColumn
    for (const to of [next[row % next.length], next[(row + 1) % next.length]]) {
      if (to.kind === 'client' || (isBroker(from) && (isBroker(to) || to.kind === 'database'))) continue
      if (links.some((l) => l.source === from.id && l.target === to.id)) continue
      const kind = isBroker(to) ? (to.kind === 'queue' ? 'message' : 'event') : from.kind === 'queue' ? 'message' : from.kind === 'topic' ? 'event' : 'sync'
      links.push({ id: `l-${id++}`, source: from.id, target: to.id, kind })
    }
  }
  return { wireplay: 1, nodes, links }
}

const isBroker = (n) => n.kind === 'queue' || n.kind === 'topic'
