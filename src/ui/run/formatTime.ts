/**
 * Simulated time as people read it: "12.345 s" under a minute, "4:05.120" (m:ss.mmm)
 * under an hour, "1:02:03" beyond. Pure.
 */
export function formatSimTime(ms: number): string {
  const t = Math.max(0, ms)
  if (t < 60_000) return `${(t / 1000).toFixed(3)} s`
  const totalSec = Math.floor(t / 1000)
  const h = Math.floor(totalSec / 3600)
  const m = Math.floor((totalSec % 3600) / 60)
  const s = totalSec % 60
  if (h > 0) return `${h}:${pad(m)}:${pad(s)}`
  return `${m}:${pad(s)}.${String(Math.floor(t % 1000)).padStart(3, '0')}`
}

/** A short form for axis ends and marks: "0 s", "45 s", "2 min", "1 h 5 min". */
export function formatSpan(ms: number): string {
  const s = Math.round(ms / 1000)
  if (s < 60) return `${s} s`
  const m = Math.round(s / 60)
  if (m < 60) return `${m} min`
  return `${Math.floor(m / 60)} h${m % 60 ? ` ${m % 60} min` : ''}`
}

const pad = (n: number) => String(n).padStart(2, '0')
