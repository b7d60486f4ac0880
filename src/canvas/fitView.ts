/**
 * How "fit view" frames the diagram, everywhere it happens (first open, the toolbar, the
 * zoom controls, Shift+1, after tidy-up): some margin, and never zoomed in past 120 %
 * so that a two-node diagram does not fill the screen.
 */
export const FIT_VIEW_OPTIONS = { padding: 0.15, maxZoom: 1.2 }
export const ANIMATED_FIT_VIEW_OPTIONS = { ...FIT_VIEW_OPTIONS, duration: 300 }
