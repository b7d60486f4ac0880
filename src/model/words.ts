/** "a" or "an" for a kind name in a message ("an event link", "a queue"). */
export function article(word: string): 'a' | 'an' {
  return /^[aeiou]/i.test(word) ? 'an' : 'a'
}

/** The same at the start of a sentence. */
export const Article = (word: string): 'A' | 'An' => (article(word) === 'an' ? 'An' : 'A')
