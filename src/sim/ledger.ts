import { OUTCOMES, PLACES } from './records'

const NP = PLACES.length
const NO = OUTCOMES.length

/**
 * Conservation bookkeeping: per node, records created, ended (by outcome) and live (by
 * place). Every change of place goes through move(), so created = ended + live holds by
 * construction and the audit (audit.ts) checks the live counts against the structures
 * that actually hold the records.
 */
export class Ledger {
  readonly created: Float64Array
  readonly ended: Float64Array
  readonly live: Float64Array

  readonly nodeCount: number
  constructor(nodeCount: number) {
    this.nodeCount = nodeCount
    this.created = new Float64Array(nodeCount)
    this.ended = new Float64Array(nodeCount * NO)
    this.live = new Float64Array(nodeCount * NP)
  }

  create(node: number, place: number): void {
    this.created[node] = (this.created[node] as number) + 1
    const i = node * NP + place
    this.live[i] = (this.live[i] as number) + 1
  }

  move(node: number, from: number, to: number): void {
    const base = node * NP
    this.live[base + from] = (this.live[base + from] as number) - 1
    this.live[base + to] = (this.live[base + to] as number) + 1
  }

  end(node: number, from: number, outcome: number): void {
    const i = node * NP + from
    this.live[i] = (this.live[i] as number) - 1
    const j = node * NO + outcome
    this.ended[j] = (this.ended[j] as number) + 1
  }

  liveAt(node: number, place: number): number {
    return this.live[node * NP + place] as number
  }

  endedAs(node: number, outcome: number): number {
    return this.ended[node * NO + outcome] as number
  }
}
