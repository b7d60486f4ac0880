import { useId } from 'react'
import { linkFields } from '../model/fields'
import { allowedKinds, contractMismatch, describeLink, LINK_KIND_NAMES, linkRole, syncCycle } from '../model/rules'
import type { Diagram, DiagramLink } from '../model/types'
import { useEditorStore } from '../store/react/editorContext'
import { Field } from './Field'
import { FaultActions } from './run/FaultActions'
import { LinkRunNote } from './run/LinkRunNote'

const ROLE_NOTES = {
  call: 'The caller makes this call while handling each request.',
  publish: 'The producer is released once the broker acknowledges.',
  consume: 'The broker delivers to this consumer; it acks after processing.',
} as const

/** A link's kind and every setting that applies to it in its role. */
export function LinkInspector({ link, diagram }: { link: DiagramLink; diagram: Diagram }) {
  const store = useEditorStore()
  const groupId = useId()
  const role = linkRole(diagram, link)
  const source = diagram.nodes.find((n) => n.id === link.source)
  const target = diagram.nodes.find((n) => n.id === link.target)
  const kinds = source && target ? allowedKinds(source.kind, target.kind) : null
  const switchable = kinds?.ok && kinds.value.length > 1 ? kinds.value : null
  const settings = link.settings as unknown as Record<string, number | string>
  const siblings = diagram.links.filter((l) => l.source === link.source)
  const position = siblings.indexOf(link)
  const mismatch = contractMismatch(diagram, link)
  const cycle = syncCycle(diagram, link)

  return (
    <div className="inspector__section">
      <p className="inspector__kind">Link</p>
      <h2>{describeLink(diagram, link)}</h2>
      <p className="muted">{ROLE_NOTES[role]}</p>
      {switchable ? (
        <fieldset>
          <legend id={groupId}>Kind</legend>
          <div role="radiogroup" aria-labelledby={groupId} className="radio-group">
            {switchable.map((k) => (
              <label key={k}>
                <input type="radio" name={`kind-${link.id}`} checked={link.kind === k} onChange={() => store.getState().setLinkKind(link.id, k)} />
                {LINK_KIND_NAMES[k]}
              </label>
            ))}
          </div>
        </fieldset>
      ) : (
        <p>
          Kind: <strong>{LINK_KIND_NAMES[link.kind]}</strong> (follows from what it joins)
        </p>
      )}
      <fieldset>
        <legend>Settings</legend>
        {linkFields(link.kind, role).map((spec) => (
          <Field key={`${link.kind}-${spec.key}`} spec={spec} value={settings[spec.key] ?? ''} onCommit={(raw) => store.getState().setLinkSetting(link.id, spec.key, raw)} />
        ))}
      </fieldset>
      <LinkRunNote link={link} diagram={diagram} />
      {mismatch && (
        <p className="warning" role="note">
          {mismatch}
        </p>
      )}
      {cycle && (
        <p className="warning" role="note">
          This link closes a cycle of synchronous calls ({cycle.join(' → ')}). Every worker on it can end up waiting for the next one, so under load all of them wait and every call times out: a distributed deadlock.
        </p>
      )}
      {role !== 'consume' && siblings.length > 1 && (
        <div className="link-order">
          <p>
            Call {position + 1} of {siblings.length} from {source?.label}.
          </p>
          <button type="button" aria-disabled={position === 0} onClick={() => store.getState().moveLinkInOrder(link.id, -1)}>
            Call earlier
          </button>{' '}
          <button type="button" aria-disabled={position === siblings.length - 1} onClick={() => store.getState().moveLinkInOrder(link.id, 1)}>
            Call later
          </button>
        </div>
      )}
      <div className="button-row">
        <button type="button" className="danger" onClick={() => store.getState().remove([], [link.id])}>
          Delete link
        </button>
      </div>
      <FaultActions target={{ link: link.id }} />
    </div>
  )
}
