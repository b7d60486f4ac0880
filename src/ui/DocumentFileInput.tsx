import type { RefObject } from 'react'

/**
 * The hidden file input behind a "Choose a file…" or "Open file…" button (which clicks it
 * through `inputRef`), for a Wireplay document. It is emptied after each choice, so
 * choosing the same file again still counts.
 */
export function DocumentFileInput({ inputRef, onFile }: { inputRef: RefObject<HTMLInputElement | null>; onFile: (file: File) => void }) {
  return (
    <input
      ref={inputRef}
      type="file"
      accept=".json,application/json"
      hidden
      aria-hidden="true"
      onChange={(e) => {
        const file = e.target.files?.[0]
        e.target.value = ''
        if (file) onFile(file)
      }}
    />
  )
}
