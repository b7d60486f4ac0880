import { CARRIES, type CarriesName, type FailureName, originOf, REASON_MASK, REASONS } from './records'

/** One message crossing one link. Times in simulated ms. */
export interface Hop {
  link: string
  direction: 'forward' | 'back'
  carries: CarriesName
  depart: number
  arrive: number
  /** the record that travels */
  requestId: number
  /** the client operation it belongs to (0 when none) */
  correlationId: number
  /** which try the record is: a sync call's attempt (2 for its first retry), a message's or
   * event copy's delivery (2 for its first redelivery), 1 for everything else; its answer
   * carries the same number. Always set by the engine; hops made by hand may leave it out,
   * which means 1. */
  attempt?: number
  /** an error or nack: why it failed (a queue full, a timeout further down…); otherwise undefined */
  reason?: FailureName
  /** with a reason: the node where the failure happened (it rejected, errored, crashed,
   * refused the contract, or did not answer in time). A failure passed up a chain of calls
   * keeps it, so an error whose origin is not the node answering was passed on. */
  origin?: string
}

/**
 * The most recent hops, in a ring of fixed size held in typed arrays: memory stays
 * bounded however long the run, and recording a hop allocates nothing.
 */
export class TraceRing {
  /** one record of STRIDE numbers per hop, side by side: a hop touches one or two cache lines */
  private readonly data: Float64Array
  private readonly slots: number
  private next = 0
  private count = 0

  readonly capacity: number
  constructor(capacity: number) {
    this.capacity = capacity
    this.slots = Math.max(0, Math.floor(capacity))
    this.data = new Float64Array(this.slots * STRIDE)
  }

  push(link: number, direction: number, carries: number, depart: number, arrive: number, req: number, corr: number, reason: number, attempt: number): void {
    if (this.slots === 0) return
    const i = this.next
    const d = this.data
    const o = i * STRIDE
    d[o] = (link * 16 + (reason & REASON_MASK)) * 64 + carries * 2 + direction
    d[o + 1] = depart
    d[o + 2] = arrive
    d[o + 3] = req
    d[o + 4] = corr
    d[o + 5] = originOf(reason)
    d[o + 6] = attempt
    this.next = i + 1 === this.slots ? 0 : i + 1
    if (this.count < this.slots) this.count++
  }

  /** Oldest first; ids by link and node index. */
  read(linkIds: readonly string[], nodeIds: readonly string[]): Hop[] {
    const n = this.slots
    const d = this.data
    const out: Hop[] = []
    for (let k = 0; k < this.count; k++) {
      const o = ((this.next - this.count + k + n) % n) * STRIDE
      const f = d[o] as number
      const reason = Math.floor(f / 64) % 16
      out.push({
        link: linkIds[Math.floor(f / 1024)] as string,
        direction: f % 2 === 1 ? 'back' : 'forward',
        carries: CARRIES[(f % 64) >> 1] as CarriesName,
        reason: reason === 0 ? undefined : (REASONS[reason] as FailureName),
        origin: reason === 0 ? undefined : nodeIds[d[o + 5] as number],
        depart: d[o + 1] as number,
        arrive: d[o + 2] as number,
        requestId: d[o + 3] as number,
        correlationId: d[o + 4] as number,
        attempt: d[o + 6] as number,
      })
    }
    return out
  }
}

const STRIDE = 7
