import { Component, type ReactNode, Suspense } from 'react'
import { isLoadFailure } from '../lib/loadFailure'

/**
 * A part of the app that loads on first use (a dialog, a tab, the run bar), with what to
 * show while it loads and what to say if it cannot: without this, a file that fails to
 * load (the connection dropped, or a new version was published since the page opened)
 * would take the whole editor down to a blank page. The diagram is autosaved, so a reload
 * loses nothing.
 */
export function LazyPart({ name, fallback = null, children }: { name: string; fallback?: ReactNode; children: ReactNode }) {
  return (
    <LoadBoundary name={name}>
      <Suspense fallback={fallback}>{children}</Suspense>
    </LoadBoundary>
  )
}

class LoadBoundary extends Component<{ name: string; children: ReactNode }, { error: unknown; dismissed: boolean }> {
  state: { error: unknown; dismissed: boolean } = { error: null, dismissed: false }

  static getDerivedStateFromError(error: unknown) {
    return { error }
  }

  render() {
    const { error, dismissed } = this.state
    if (error === null) return this.props.children
    if (dismissed) return null
    const what = isLoadFailure(error) ? `did not load: the connection dropped, or a new version of Wireplay was published since this page opened` : `stopped with an error (${error instanceof Error ? error.message : String(error)})`
    return (
      <div className="load-failed" role="alert">
        <span>
          The {this.props.name} {what}. Your diagram is saved.
        </span>
        <button type="button" onClick={() => location.reload()}>
          Reload
        </button>
        <button type="button" onClick={() => this.setState({ dismissed: true })}>
          Dismiss
        </button>
      </div>
    )
  }
}
