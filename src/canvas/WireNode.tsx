import { Handle, Position, type NodeProps } from '@xyflow/react'
import { memo, useState, type KeyboardEvent } from 'react'
import { TEST_IDS } from '../lib/testIds'
import { KIND_LABELS } from '../model/defaults'
import { nodeSummary } from '../model/summary'
import { useEditorStore } from '../store/react/editorContext'
import type { WireFlowNode } from './flowTypes'
import { useDetail } from './detail'
import { useReadOnly } from './readOnly'
import { NodeIcon } from './NodeIcon'
import { NodeLive } from './NodeLive'

/** One component for every node kind: icon, shape (by CSS class), label and summary. */
function WireNodeView({ id, data, selected }: NodeProps<WireFlowNode>) {
  const { node } = data
  const store = useEditorStore()
  const [editing, setEditing] = useState(false)
  const [draft, setDraft] = useState(node.label)
  const [error, setError] = useState<string | null>(null)

  const finish = (save: boolean) => {
    if (save) {
      const r = store.getState().rename(id, draft)
      if (!r.ok) {
        setError(r.error)
        return
      }
    }
    setError(null)
    setEditing(false)
  }
  const onKey = (e: KeyboardEvent<HTMLInputElement>) => {
    e.stopPropagation()
    if (e.key === 'Enter') finish(true)
    if (e.key === 'Escape') finish(false)
  }
  const canReceive = node.kind !== 'client'
  const canSend = node.kind !== 'database'
  const detail = useDetail()
  const readOnly = useReadOnly()

  if (detail === 'very-far') {
    // a plain shape: text would be under 4 px here. Handles stay so links keep their anchors.
    return (
      <div className={`wire-node wire-node--${node.kind}${selected ? ' is-selected' : ''}`}>
        {canReceive && <Handle type="target" position={Position.Left} className="wire-handle" />}
        {canSend && <Handle type="source" position={Position.Right} className="wire-handle" />}
      </div>
    )
  }

  return (
    <div className={`wire-node wire-node--${node.kind}${selected ? ' is-selected' : ''}`}>
      {canReceive && <Handle type="target" position={Position.Left} className="wire-handle" />}
      <div className="wire-node__kind">
        <NodeIcon kind={node.kind} size={16} />
        <span>{KIND_LABELS[node.kind]}</span>
      </div>
      {editing ? (
        <>
          <input
            className="wire-node__rename nodrag"
            aria-label={`Rename ${node.label}`}
            aria-invalid={error ? true : undefined}
            value={draft}
            autoFocus
            onFocus={(e) => e.target.select()}
            onChange={(e) => setDraft(e.target.value)}
            onKeyDown={onKey}
            onBlur={() => finish(true)}
          />
          {error && <div className="wire-node__error" role="alert">{error}</div>}
        </>
      ) : (
        <div
          className="wire-node__label"
          // the whole name, which a long one's ellipsis hides
          title={readOnly ? node.label : `${node.label} (double-click to rename)`}
          onDoubleClick={(e) => {
            if (readOnly) return
            e.stopPropagation()
            setDraft(node.label)
            setEditing(true)
          }}
        >
          {node.label}
        </div>
      )}
      <div className="wire-node__summary" data-testid={TEST_IDS.nodeSummary}>
        {nodeSummary(node)}
      </div>
      <NodeLive node={node} />
      {canSend && <Handle type="source" position={Position.Right} className="wire-handle" />}
    </div>
  )
}

export const WireNode = memo(WireNodeView)
