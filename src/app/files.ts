import { err, ok, type Result } from '../lib/result'
import type { Diagram } from '../model/types'
import { formatProblems, MAX_DOCUMENT_CHARS, parseRunDocumentText, serializeDocument, type RunDocument } from '../share/document'

/** Files are the document format as it is (readable, versioned), named `*.wireplay.json`. */
export const FILE_SUFFIX = '.wireplay.json'

/** Offer the diagram as a file download. */
export function downloadDocument(d: Diagram, name = 'diagram') {
  const blob = new Blob([serializeDocument(d)], { type: 'application/json' })
  const url = URL.createObjectURL(blob)
  const a = document.createElement('a')
  a.href = url
  a.download = `${name}${FILE_SUFFIX}`
  a.click()
  // give the browser a moment to start the download before the address goes away
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}

/** Read a dropped or chosen file as a document; every problem is named with its path. */
export async function readDocumentFile(file: File): Promise<Result<RunDocument, string>> {
  if (file.size > MAX_DOCUMENT_CHARS * 4) return err(`“${file.name}” is too large to be a Wireplay diagram (${Math.round(file.size / 1024).toLocaleString('en-US')} kB).`)
  let text: string
  try {
    text = await file.text()
  } catch {
    return err(`“${file.name}” could not be read.`)
  }
  const parsed = parseRunDocumentText(text)
  if (!parsed.ok) {
    const shown = parsed.error.slice(0, 8)
    const more = parsed.error.length - shown.length
    return err(`“${file.name}” could not be opened:\n${formatProblems(shown)}${more > 0 ? `\n…and ${more} more.` : ''}`)
  }
  return ok(parsed.value)
}
