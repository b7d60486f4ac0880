/** The name a diagram's downloads get when it has no title. */
export const DEFAULT_FILE_NAME = 'diagram'

/** Longest file name made from a title: room for a suffix within common file-system limits. */
const MAX_NAME = 60

/**
 * A file name (without suffix) for a diagram's exports, from its title: "Checkout, v2 /
 * with queue" → "Checkout-v2-with-queue". Letters (with their combining marks, which
 * scripts such as Devanagari need) and digits of any script are kept, so
 * a title in another language stays readable; characters file systems refuse and
 * punctuation become single dashes. Without a usable title: "diagram".
 */
export function fileNameFor(title: string | undefined): string {
  const name = (title ?? '')
    .normalize('NFC')
    .replace(/[^\p{L}\p{M}\p{N}_.]+/gu, '-')
    // no leading dots (hidden files) and no dashes or dots at either end
    .replace(/^[-.]+|[-.]+$/g, '')
  const cut = [...name].slice(0, MAX_NAME).join('').replace(/[-.]+$/, '')
  return cut === '' ? DEFAULT_FILE_NAME : cut
}
