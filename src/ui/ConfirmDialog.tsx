import { useEffect, useRef } from 'react'

export interface ConfirmRequest {
  title: string
  message: string
  confirmLabel: string
  resolve(ok: boolean): void
}

/** A modal question on the native <dialog>: the rest of the page is inert while it is open, and Escape cancels. */
export function ConfirmDialog({ request }: { request: ConfirmRequest | null }) {
  const ref = useRef<HTMLDialogElement>(null)
  useEffect(() => {
    const d = ref.current
    if (!d) return
    if (request && !d.open) d.showModal()
    if (!request && d.open) d.close()
  }, [request])
  return (
    <dialog ref={ref} className="dialog" aria-labelledby="confirm-title" onCancel={() => request?.resolve(false)}>
      {request && (
        <form method="dialog" onSubmit={(e) => e.preventDefault()}>
          <h2 id="confirm-title">{request.title}</h2>
          <p>{request.message}</p>
          <div className="button-row">
            <button type="button" onClick={() => request.resolve(false)} autoFocus>
              Cancel
            </button>
            <button type="button" className="danger" onClick={() => request.resolve(true)}>
              {request.confirmLabel}
            </button>
          </div>
        </form>
      )}
    </dialog>
  )
}
