/**
 * After a share link replaced the diagram on screen: the earlier one is one click away
 * (and one Undo). Shown until used or dismissed.
 */
export function RestoreBanner({ onRestore, onDone }: { onRestore(): void; onDone(): void }) {
  return (
    <div className="banner banner--info" role="region" aria-label="Shared diagram opened">
      <p>
        <strong>Opened the shared diagram.</strong> The diagram you had is kept.
      </p>
      <div className="banner__actions">
        <button
          type="button"
          onClick={() => {
            onRestore()
            onDone()
          }}
        >
          Restore previous diagram
        </button>
        <button type="button" aria-label="Keep the shared diagram" title="Keep the shared diagram" onClick={onDone}>
          ×
        </button>
      </div>
    </div>
  )
}
