/**
 * Shown when another tab saved a different diagram: this tab stops saving until the user
 * says which one to keep, so neither tab silently overwrites the other's work.
 */
export function ConflictBanner({ canTakeTheirs, onKeepMine, onTakeTheirs }: { canTakeTheirs: boolean; onKeepMine(): void; onTakeTheirs(): void }) {
  return (
    <div className="banner banner--warning" role="alert">
      <span>
        <strong>This diagram was changed in another tab.</strong> Saving here is paused so neither overwrites the other.
      </span>
      <span className="button-row">
        {canTakeTheirs && (
          <button type="button" onClick={onTakeTheirs}>
            Open the other tab’s diagram
          </button>
        )}
        <button type="button" onClick={onKeepMine}>
          Keep this one
        </button>
      </span>
    </div>
  )
}
