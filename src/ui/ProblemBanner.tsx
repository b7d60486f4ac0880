/**
 * Why something the user opened (a link, a file) could not be used; the diagram on screen
 * is the one that was there before.
 */
export function ProblemBanner({ title, message, onDismiss, after = 'Your diagram is unchanged.' }: { title: string; message: string; onDismiss(): void; /** what it did not touch, said last */ after?: string }) {
  return (
    <div className="banner banner--error" role="alert">
      <span>
        <strong>{title}</strong> {message}{after ? ` ${after}` : ''}
      </span>
      <button type="button" onClick={onDismiss}>
        Dismiss
      </button>
    </div>
  )
}
