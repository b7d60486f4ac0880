import { count, type FigureRow, type FigureTable } from '../run/figures'

/**
 * The compared designs' figure tables as one table: each row once, by its label, with each
 * design's value for it. Designs need not have the same rows (a "Failed: 503 no replica
 * up" row exists only where that happened, latency rows per client), so rows are matched
 * by label, never by position: a row one design lacks is placed after the row it follows
 * in the design that has it. A failure count a design lacks is 0 there; anything else it
 * lacks is left empty. Pure.
 */
export function alignRows(tables: readonly FigureTable[]): { label: string; cells: (FigureRow | undefined)[] }[] {
  const labels: string[] = []
  for (const t of tables) {
    let after = -1
    for (const r of t.rows) {
      const at = labels.indexOf(r.label)
      if (at >= 0) after = at
      else labels.splice(++after, 0, r.label)
    }
  }
  return labels.map((label) => ({
    label,
    cells: tables.map((t) => t.rows.find((r) => r.label === label) ?? (label.startsWith('Failed: ') ? count(label, 0) : undefined)),
  }))
}
