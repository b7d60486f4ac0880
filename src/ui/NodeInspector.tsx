import { useId, useState } from 'react'
import { KIND_LABELS } from '../model/defaults'
import { NODE_FIELDS } from '../model/fields'
import { checkConnection, LINK_KIND_NAMES, linkedMessage, nodeLabel } from '../model/rules'
import type { Diagram, DiagramNode } from '../model/types'
import { useEditorStore } from '../store/react/editorContext'
import { Field } from './Field'
import { FaultActions } from './run/FaultActions'
import { NameField } from './NameField'

/** Every setting of one node, its outgoing calls in order, and a keyboard way to link. */
export function NodeInspector({ node, diagram }: { node: DiagramNode; diagram: Diagram }) {
  const store = useEditorStore()
  const settings = node.settings as unknown as Record<string, number | string>
  const outgoing = diagram.links.filter((l) => l.source === node.id)
  const incoming = diagram.links.filter((l) => l.target === node.id)
  const label = (id: string) => nodeLabel(diagram, id)

  return (
    <div className="inspector__section">
      <p className="inspector__kind">{KIND_LABELS[node.kind]}</p>
      <h2>{node.label}</h2>
      <NameField label={node.label} onCommit={(raw) => store.getState().rename(node.id, raw)} />
      <fieldset>
        <legend>Settings</legend>
        {NODE_FIELDS[node.kind].map((spec) => (
          <Field key={spec.key} spec={spec} value={settings[spec.key] ?? ''} onCommit={(raw) => store.getState().setNodeSetting(node.id, spec.key, raw)} />
        ))}
      </fieldset>
      {node.kind === 'database' && <p className="muted">A database calls nobody: it only answers requests. Link callers to it instead.</p>}
      {node.kind !== 'database' && (
        <fieldset>
          <legend>{node.kind === 'queue' || node.kind === 'topic' ? 'Delivers to' : 'Calls, in this order'}</legend>
          {outgoing.length === 0 ? (
            <p className="muted">None yet.</p>
          ) : (
            <ol className="link-list">
              {outgoing.map((l, i) => (
                <li key={l.id}>
                  <button type="button" className="linklike" onClick={() => store.getState().select({ nodes: [], links: [l.id] })}>
                    {label(l.target)} — {LINK_KIND_NAMES[l.kind]}
                  </button>
                  <span className="link-list__order">
                    <button type="button" aria-label={`Call ${label(l.target)} earlier`} aria-disabled={i === 0} onClick={() => store.getState().moveLinkInOrder(l.id, -1)}>
                      ↑
                    </button>
                    <button type="button" aria-label={`Call ${label(l.target)} later`} aria-disabled={i === outgoing.length - 1} onClick={() => store.getState().moveLinkInOrder(l.id, 1)}>
                      ↓
                    </button>
                  </span>
                </li>
              ))}
            </ol>
          )}
          <AddLink node={node} diagram={diagram} />
        </fieldset>
      )}
      {incoming.length > 0 && (
        <fieldset>
          <legend>Incoming links</legend>
          <ul className="link-list">
            {incoming.map((l) => (
              <li key={l.id}>
                <button type="button" className="linklike" onClick={() => store.getState().select({ nodes: [], links: [l.id] })}>
                  {label(l.source)} — {LINK_KIND_NAMES[l.kind]}
                </button>
              </li>
            ))}
          </ul>
        </fieldset>
      )}
      <div className="button-row">
        <button type="button" onClick={() => store.getState().duplicateSelection()}>
          Duplicate
        </button>
        <button type="button" className="danger" onClick={() => store.getState().remove([node.id], [])}>
          Delete node
        </button>
      </div>
      <FaultActions target={{ node: node.id }} />
    </div>
  )
}

/** Link the node to a chosen target without dragging: the keyboard and screen-reader way. */
function AddLink({ node, diagram }: { node: DiagramNode; diagram: Diagram }) {
  const store = useEditorStore()
  const id = useId()
  const candidates = diagram.nodes
    .filter((n) => n.id !== node.id)
    .map((n) => ({ node: n, check: checkConnection(diagram, node.id, n.id) }))
  const firstValid = candidates.find((c) => c.check.ok)?.node.id ?? ''
  const [target, setTarget] = useState(firstValid)
  const chosen = candidates.find((c) => c.node.id === target && c.check.ok) ? target : firstValid

  if (candidates.length === 0) return <p className="muted">Add another node to link to.</p>
  return (
    <div className="add-link">
      <label htmlFor={id}>Link to</label>
      <select id={id} value={chosen} onChange={(e) => setTarget(e.target.value)}>
        {candidates.map(({ node: n, check }) => (
          <option key={n.id} value={n.id} disabled={!check.ok}>
            {n.label} ({KIND_LABELS[n.kind]}){check.ok ? '' : ` — ${check.error}`}
          </option>
        ))}
      </select>
      <button
        type="button"
        disabled={!chosen}
        onClick={() => {
          const r = store.getState().connect(node.id, chosen)
          if (r.ok) {
            const after = store.getState().history.present
            const link = after.links.find((l) => l.id === r.value)
            if (link) store.getState().notify(linkedMessage(after, link))
          }
        }}
      >
        Add link
      </button>
    </div>
  )
}
