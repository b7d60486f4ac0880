/** Whether an error is a dynamic import that failed (the file could not be fetched), as
 * Chromium, Firefox and Safari word it, rather than a fault in the code it loaded. */
export function isLoadFailure(error: unknown): boolean {
  const message = error instanceof Error ? error.message : String(error)
  return /dynamically imported module|Importing a module script failed|Unable to preload CSS/i.test(message)
}
