/** Why a link could not be opened; the diagram on screen is the one that was there before. */
export function LinkErrorBanner({ message, onDismiss }: { message: string; onDismiss(): void }) {
  return (
    <div className="banner banner--error" role="alert">
      <span>
        <strong>This link could not be opened.</strong> {message} Your diagram is unchanged.
      </span>
      <button type="button" onClick={onDismiss}>
        Dismiss
      </button>
    </div>
  )
}
