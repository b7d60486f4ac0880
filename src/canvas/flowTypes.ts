import type { Edge, Node } from '@xyflow/react'
import type { DiagramLink, DiagramNode, LinkRole } from '../model/types'

/** React Flow's view of the document: derived, never stored as the document itself. */
export type WireFlowNode = Node<{ node: DiagramNode }, 'wire'>
export type WireFlowEdge = Edge<{ link: DiagramLink; role: LinkRole; badge: string }, 'wire'>
