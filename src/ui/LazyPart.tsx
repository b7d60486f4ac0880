import { Component, Suspense, type ReactNode } from 'react'
import { initialPartState, partFailureText, partWanted, type PartState, retryNow } from './loadAttempts'
import { LoadAttempt } from './retryingLazy'

/**
 * A part of the app that loads on first use (a dialog, a tab, the run bar), with what to
 * show while it loads and what to say if it cannot: without this, a file that fails to
 * load (the connection dropped, or a new version was published since the page opened)
 * would take the whole editor down to a blank page. The diagram is autosaved, so a reload
 * loses nothing.
 *
 * After a failure the part tries again the next time it is wanted: when it is mounted
 * again (a dialog reopened, a tab shown again) or when `retryKey` changes (the owner's
 * sign that the part is wanted anew, e.g. another scenario opened). Dismiss only hides
 * the message; `onDismiss` lets the owner close what the part was for (a dialog), so
 * that opening it again is a fresh try. Load the part with `retryingLazy`, not React's
 * `lazy`: a `lazy` component that failed once throws the same error forever.
 * An error that is not a load failure is held here too (see partFailureText). "Try again"
 * loads the part again at once. A part that is always on screen (the run controls) is
 * not `dismissible`: hidden, nothing would ever ask for it again before a reload.
 */
export function LazyPart({ name, fallback = null, retryKey, onDismiss, dismissible = true, children }: { name: string; fallback?: ReactNode; retryKey?: unknown; onDismiss?: () => void; dismissible?: boolean; children: ReactNode }) {
  return (
    <LoadBoundary name={name} retryKey={retryKey} onDismiss={onDismiss} dismissible={dismissible}>
      <Suspense fallback={fallback}>{children}</Suspense>
    </LoadBoundary>
  )
}

interface BoundaryProps {
  name: string
  retryKey?: unknown
  onDismiss?: () => void
  dismissible: boolean
  children: ReactNode
}

class LoadBoundary extends Component<BoundaryProps, PartState> {
  state = initialPartState(this.props.retryKey)

  static getDerivedStateFromError(error: unknown): Partial<PartState> {
    return { error }
  }

  static getDerivedStateFromProps(props: BoundaryProps, state: PartState): Partial<PartState> | null {
    return partWanted(state, props.retryKey)
  }

  private retry = () => this.setState(retryNow)

  private dismiss = () => {
    this.setState({ dismissed: true })
    this.props.onDismiss?.()
  }

  render() {
    const { error, dismissed, attempt } = this.state
    if (error === null) return <LoadAttempt.Provider value={attempt}>{this.props.children}</LoadAttempt.Provider>
    if (dismissed) return null
    return (
      <div className="load-failed" role="alert">
        <span>{partFailureText(this.props.name, error)}</span>
        <button type="button" onClick={this.retry}>
          Try again
        </button>
        <button type="button" onClick={() => location.reload()}>
          Reload
        </button>
        {this.props.dismissible && (
          <button type="button" onClick={this.dismiss}>
            Dismiss
          </button>
        )}
      </div>
    )
  }
}
