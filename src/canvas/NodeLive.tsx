import { memo } from 'react'
import { TEST_IDS } from '../lib/testIds'
import { linkStateKey, readLinkStateKey } from '../model/faults'
import { nodeChangesAt } from '../model/summary'
import type { DiagramNode } from '../model/types'
import { useEditor } from '../store/react/editorContext'
import { useRunMaybe } from '../store/react/runContext'
import type { RunState } from '../store/run/types'

/**
 * A node's live state while a run has started: workers busy and free per replica, waiting
 * requests and replicas up (services, databases); messages held per subscription and the
 * dead-letter count (queues, topics). The selector returns a short string, so a node
 * re-renders only when what it shows changes, not every frame.
 */
function NodeLiveView({ node }: { node: DiagramNode }) {
  const key = useRunMaybe((s) => liveKey(s, node.id), '')
  // a slowed or failing service must not look as its settings say: the timeline's changes
  // at the run's instant, as a short string so the node redraws only when they change
  const faults = useEditor((s) => s.history.present.faults)
  const changes = useRunMaybe((s) => nodeChangesAt(node, faults, s.time), '')
  if (key === '') return null
  if (node.kind === 'client') return null
  if (node.kind === 'queue' || node.kind === 'topic') return <BrokerLive node={node} code={key} />
  return <ServerLive workers={'workers' in node.settings ? node.settings.workers : 1} code={key} changes={changes} />
}

export const NodeLive = memo(NodeLiveView)

function liveKey(s: RunState, id: string): string {
  if (s.time === 0 && !s.playing && s.snapshot.events === 0) return ''
  const n = s.snapshot.nodes.find((x) => x.id === id)
  if (!n) return ''
  if (n.subscriptions.length > 0) return 'b;' + n.subscriptions.map((sub) => `${sub.ready}:${sub.held}:${sub.deadLettered}`).join(';')
  return 's;' + n.replicas.map((r) => `${r.state[0]}:${r.busy}:${r.queued}`).join(';')
}

const STATE_WORDS = { u: 'up', c: 'crashed', r: 'restarting' } as const
/** above this many workers a replica shows a bar instead of one dot per worker */
const MAX_DOTS = 8
/** a topic lists at most this many subscriptions on its node, so it stays near its usual height */
const MAX_SUB_ROWS = 4

function ServerLive({ workers, code, changes }: { workers: number; code: string; changes: string }) {
  const replicas = code
    .slice(2)
    .split(';')
    .map((r) => {
      const [state, busy, queued] = r.split(':')
      return { state: STATE_WORDS[state as keyof typeof STATE_WORDS], busy: Number(busy), queued: Number(queued) }
    })
  const up = replicas.filter((r) => r.state === 'up').length
  const busy = replicas.reduce((s, r) => s + r.busy, 0)
  const queued = replicas.reduce((s, r) => s + r.queued, 0)
  const words = `${busy} of ${up * workers} workers busy, ${queued} waiting, ${up} of ${replicas.length} replicas up${changes ? `; now ${changes}` : ''}`
  return (
    <div className="node-live" data-testid={TEST_IDS.nodeLive} aria-label={words} title={words}>
      {replicas.slice(0, 6).map((r, i) => (
        <div key={i} className={`node-live__replica is-${r.state}`}>
          {r.state !== 'up' ? (
            <span className="node-live__state">{r.state}</span>
          ) : workers <= MAX_DOTS ? (
            Array.from({ length: workers }, (_, w) => <span key={w} className={`node-live__dot${w < r.busy ? ' is-busy' : ''}`} />)
          ) : (
            <span className="node-live__bar" style={{ ['--fill' as string]: `${Math.round((100 * r.busy) / workers)}%` }} />
          )}
          {r.queued > 0 && <span className="node-live__queued">+{r.queued}</span>}
        </div>
      ))}
      {replicas.length > 6 && <span className="node-live__more">+{replicas.length - 6} replicas</span>}
      {changes && <span className="node-live__changed">{changes}</span>}
    </div>
  )
}

function BrokerLive({ node, code }: { node: DiagramNode; code: string }) {
  const subs = code
    .slice(2)
    .split(';')
    .map((s) => {
      const [ready, held, dead] = s.split(':').map(Number)
      return { ready: ready ?? 0, held: held ?? 0, dead: dead ?? 0 }
    })
  // a topic's subscriptions, in the engine's order (its subscriber links, in diagram order)
  const subscribers = useEditor((s) => (node.kind === 'topic' ? subscriberLines(s.history.present.nodes, s.history.present.links, node.id) : ''))
  const lines = subscribers === '' ? [] : subscribers.split('\n').map((line) => line.split('\t') as [string, string])
  const names = lines.map(([, label]) => label)
  // which of them the fault timeline has unsubscribed by now ('' almost always)
  const away = useRunMaybe((s) => (lines.length === 0 || s.faults.length === 0 ? '' : lines.map(([id]) => (readLinkStateKey(linkStateKey(s.faults, s.time, id)).unsubscribed ? '1' : '0')).join('')), '')
  const dead = subs.reduce((s, x) => s + x.dead, 0)
  // held counts the ready messages and those out with a consumer, awaiting an ack
  const depth = subs.map((s) => s.held)
  const gone = (i: number) => away[i] === '1'
  const words =
    node.kind === 'queue'
      ? `${depth[0] ?? 0} messages held, ${(subs[0]?.held ?? 0) - (subs[0]?.ready ?? 0)} awaiting ack, ${dead} dead-lettered`
      : `${subs.length} subscriptions holding ${depth.map((d, i) => `${names[i] ? `${names[i]} ` : ''}${d}${gone(i) ? ' (not subscribed)' : ''}`).join(', ')}, ${dead} dead-lettered`
  // "waiting" rather than "depth": a newcomer reads what the number counts, not a broker's jargon
  const explain = `${words}. Waiting: held for ${node.kind === 'queue' ? 'a consumer' : 'the subscriber'}, not yet acknowledged.`
  // a topic shows each subscription's backlog beside its subscriber; past a few, the first ones and the rest summed
  const rows = node.kind === 'topic' && subs.length > 1 ? depth.map((d, i) => ({ name: names[i] ?? `subscription ${i + 1}`, d, away: gone(i) })) : null
  const shown = rows && rows.length > MAX_SUB_ROWS ? rows.slice(0, MAX_SUB_ROWS - 1) : rows
  const rest = rows && shown && rows.length > shown.length ? rows.slice(shown.length) : []
  return (
    <div className="node-live" data-testid={TEST_IDS.nodeLive} aria-label={words} title={explain}>
      {shown ? (
        <div className="node-live__subs">
          {shown.map((r, i) => (
            <div key={i} className={`node-live__sub${r.away ? ' is-away' : ''}`}>
              <span className="node-live__sub-name">→ {r.name}</span>
              <span className="node-live__depth">{r.away && r.d === 0 ? '–' : `${r.d} waiting`}</span>
            </div>
          ))}
          {rest.length > 0 && (
            <div className="node-live__sub">
              <span className="node-live__sub-name">+{rest.length} more</span>
              <span className="node-live__depth">{rest.reduce((s, r) => s + r.d, 0)} waiting</span>
            </div>
          )}
        </div>
      ) : (
        <span className="node-live__depth">{gone(0) && !depth[0] ? '–' : `${depth[0] ?? 0} waiting`}</span>
      )}
      {dead > 0 && <span className="node-live__dead">☠ {dead}</span>}
    </div>
  )
}

/** A topic's subscriber links as "link id<TAB>subscriber label" lines, in the order of its links. */
function subscriberLines(nodes: readonly DiagramNode[], links: readonly { id: string; source: string; target: string }[], topic: string): string {
  return links
    .filter((l) => l.source === topic)
    .map((l) => `${l.id}\t${nodes.find((n) => n.id === l.target)?.label ?? l.target}`)
    .join('\n')
}
