/** Titles without the words they all start with ("Placing an order, built with messages" → "messages"). */
export function shortNames(titles: readonly string[]): string[] {
  if (titles.length < 2) return [...titles]
  const words = titles.map((t) => t.split(' '))
  let common = 0
  while (words.every((w) => w.length > common + 1 && w[common] === words[0]![common])) common++
  return words.map((w) => w.slice(common).join(' '))
}
