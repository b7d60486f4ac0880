/** The one-line welcome shown on a first visit until dismissed. */
export function Hint({ onDismiss }: { onDismiss(): void }) {
  return (
    <div className="hint" role="note">
      <span>
        <strong>Welcome!</strong> This starter shows all four ways services talk. Drag blocks in from the left, drag from the dot on a node’s right
        side onto another node to link them, and select anything to edit it.
      </span>
      <button type="button" onClick={onDismiss}>
        Got it
      </button>
    </div>
  )
}
