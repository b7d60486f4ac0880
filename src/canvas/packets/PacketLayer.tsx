import { useStoreApi } from '@xyflow/react'
import { useEffect, useRef } from 'react'
import { useRunnerMaybe } from '../../store/react/runContext'
import type { WireFlowEdge, WireFlowNode } from '../flowTypes'
import './packets.css'

/**
 * Every hop of the engine in flight, as a packet on one canvas over the links (see
 * painter.ts). Rendered once: packets are never React state, and the canvas redraws
 * itself from the run store and React Flow's store. Mount it as a child of <ReactFlow>.
 */
export function PacketLayer() {
  const runner = useRunnerMaybe()
  const flow = useStoreApi<WireFlowNode, WireFlowEdge>()
  const ref = useRef<HTMLCanvasElement>(null)
  useEffect(() => {
    const canvas = ref.current
    if (!canvas || !runner) return
    // loaded with the run (after the first paint), not in the initial bundle
    let dispose: (() => void) | null = null
    let cancelled = false
    void import('./painter').then(({ createPacketPainter }) => {
      if (!cancelled) dispose = createPacketPainter({ canvas, flow, runner })
    })
    return () => {
      cancelled = true
      dispose?.()
    }
  }, [runner, flow])
  return <canvas ref={ref} className="packet-layer" aria-hidden="true" />
}
