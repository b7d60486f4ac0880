import { useEffect, useMemo, useState } from 'react'
import type { Fault } from '../../model/faults'
import type { EditorStore } from '../../store/editorStore'
import type { Runner } from '../../store/run/types'
import { type ComparedFaultMark, comparedFaultMarks } from './faultMarks'

/**
 * Every compared run's faults as diamonds for the one timeline, redrawn when any run's
 * faults change (a fault added to one design only, while the lead run stands still).
 */
export function useComparedFaults(runners: readonly Runner[], stores: readonly EditorStore[], names: readonly string[]): ComparedFaultMark[] {
  const [faults, setFaults] = useState<(readonly Fault[])[]>(() => runners.map((r) => r.store.getState().faults))
  useEffect(() => {
    const read = () => setFaults(runners.map((r) => r.store.getState().faults))
    read()
    const unsubscribe = runners.map((r) => r.store.subscribe((s, prev) => s.faults !== prev.faults && read()))
    return () => unsubscribe.forEach((u) => u())
  }, [runners])
  return useMemo(
    () => comparedFaultMarks(faults.map((f, i) => ({ name: names[i] ?? `Design ${i + 1}`, diagram: stores[i]!.getState().history.present, faults: f }))),
    [faults, stores, names],
  )
}
