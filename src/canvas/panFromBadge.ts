import type { MouseEvent as ReactMouseEvent, TouchEvent as ReactTouchEvent } from 'react'

/**
 * A drag that starts on a link's badge pans the canvas, as one from the empty pane does.
 *
 * React Flow gives every edge its `nopan` class, and its pan (d3-zoom, listening on the
 * pane's container) ignores a press inside one; the badge is part of its edge's SVG and
 * must stay a pointer target of its own (a click selects the link, hovering shows a
 * shortened badge whole). So the press is handed on: the same mouse or touch press is
 * dispatched on the pane, as if it had landed on the canvas behind the label, and React
 * Flow pans exactly as it does from the pane (its click distance, onMoveStart/onMoveEnd,
 * the click after a pan swallowed). A press that does not move still ends in a click on
 * the badge, which selects its link as before. Only a plain primary-button press or a
 * touch is handed on: a Shift-drag selects, a middle press already pans, a right press
 * opens the menu.
 */
export function passPressToPane(e: ReactMouseEvent<Element> | ReactTouchEvent<Element>): void {
  const pane = e.currentTarget.closest('.react-flow__pane')
  if (!pane) return
  const event = e.nativeEvent
  if (event instanceof MouseEvent) {
    if (event.button !== 0 || event.shiftKey) return
    pane.dispatchEvent(new MouseEvent('mousedown', event))
  } else if (typeof TouchEvent !== 'undefined' && event instanceof TouchEvent) {
    const list = (l: TouchList) => Array.from(l)
    pane.dispatchEvent(new TouchEvent('touchstart', { ...eventFlags(event), touches: list(event.touches), targetTouches: list(event.targetTouches), changedTouches: list(event.changedTouches) }))
  }
}

function eventFlags(e: TouchEvent): TouchEventInit {
  return { bubbles: true, cancelable: true, composed: true, view: e.view, altKey: e.altKey, ctrlKey: e.ctrlKey, metaKey: e.metaKey, shiftKey: e.shiftKey }
}
