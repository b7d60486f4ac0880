/**
 * Why something the user opened (a link, a file) could not be used; the diagram on screen
 * is the one that was there before.
 */
export function ProblemBanner({ title, message, onDismiss }: { title: string; message: string; onDismiss(): void }) {
  return (
    <div className="banner banner--error" role="alert">
      <span>
        <strong>{title}</strong> {message} Your diagram is unchanged.
      </span>
      <button type="button" onClick={onDismiss}>
        Dismiss
      </button>
    </div>
  )
}
