/** A node's box on the canvas, flow units. The canvas draws nodes this size; layout uses it. */
export const NODE_WIDTH = 180
export const NODE_HEIGHT = 72
