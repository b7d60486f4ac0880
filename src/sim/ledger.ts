import { OUTCOMES } from './records'

const NO = OUTCOMES.length

/**
 * Conservation bookkeeping: per node, records created and records ended (by outcome).
 * Where the live ones are is not booked move by move: that cost about 5 % of the loop,
 * for numbers only reports and tests read. census.ts counts live records where they
 * actually are, and the audit (audit.ts) checks created = ended + counted for every node.
 */
export class Ledger {
  readonly created: Float64Array
  readonly ended: Float64Array

  constructor(nodeCount: number) {
    this.created = new Float64Array(nodeCount)
    this.ended = new Float64Array(nodeCount * NO)
  }

  create(node: number): void {
    this.created[node] = (this.created[node] as number) + 1
  }

  end(node: number, outcome: number): void {
    const j = node * NO + outcome
    this.ended[j] = (this.ended[j] as number) + 1
  }

  endedAs(node: number, outcome: number): number {
    return this.ended[node * NO + outcome] as number
  }

  endedTotal(node: number): number {
    let n = 0
    for (let o = 0; o < NO; o++) n += this.ended[node * NO + o] as number
    return n
  }

  /** Records created and not ended: by conservation, the ones in flight. */
  live(node: number): number {
    return (this.created[node] as number) - this.endedTotal(node)
  }
}
