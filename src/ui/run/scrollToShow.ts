/**
 * Where to scroll a box, along one axis, so that the span [start, end] shows in it: the
 * box's view is `size` long and now starts at `scroll` (all in the same px). Unchanged when
 * the span already shows; otherwise the least move that shows it, with `margin` to spare
 * where the box has room. A span longer than the view shows from its start. Pure.
 */
export function scrollToShow(scroll: number, size: number, start: number, end: number, margin = 0): number {
  const from = start - margin
  const to = end + margin
  if (from >= scroll && to <= scroll + size) return scroll
  if (to - from > size || from < scroll) return Math.max(0, from)
  return Math.max(0, to - size)
}
