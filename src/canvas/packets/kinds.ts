import type { Hop } from '../../sim/types'

/**
 * What each packet looks like. Kinds differ by shape and a short label as well as by
 * colour, so they read in greyscale and for colour-blind people; the legend draws the very
 * same shapes. Pure data, shared by the canvas painter and the legend.
 */
export type PacketShape = 'dot' | 'ring' | 'cross' | 'square' | 'hollowSquare' | 'envelope' | 'triangle' | 'diamond'

export interface PacketKind {
  /** legend wording */
  name: string
  note: string
  shape: PacketShape
  color: string
}

/** Style indices: the painter batches packets by these (one path per kind per frame). */
export const K_REQUEST = 0
export const K_RESPONSE = 1
export const K_ERROR = 2
export const K_ACCEPTED = 3
export const K_POLL = 4
export const K_MESSAGE = 5
export const K_ACK = 6
export const K_EVENT = 7

/** Indexed by the K_ constants. There is no dead-letter hop in the engine, so no dead-letter kind is drawn. */
export const PACKET_KINDS: readonly PacketKind[] = [
  { name: 'Request', note: 'call or submit', shape: 'dot', color: '#2563eb' },
  { name: 'Response', note: 'reply, status, stored', shape: 'ring', color: '#16a34a' },
  { name: 'Error', note: 'error or nack', shape: 'cross', color: '#dc2626' },
  { name: '202 Accepted', note: 'job taken', shape: 'square', color: '#7c3aed' },
  { name: 'Status poll', note: 'is it done?', shape: 'hollowSquare', color: '#7c3aed' },
  { name: 'Message', note: 'to a queue, to its consumer', shape: 'envelope', color: '#d97706' },
  { name: 'Ack', note: 'consumer done', shape: 'triangle', color: '#0891b2' },
  { name: 'Event', note: 'published, or a copy per subscriber', shape: 'diamond', color: '#059669' },
]

export const KIND_COUNT = PACKET_KINDS.length

/** The style of a hop. `fromTopic`: the hop's link starts at a topic (a delivery there is an event copy). */
export function packetKind(carries: Hop['carries'], fromTopic: boolean): number {
  switch (carries) {
    case 'request':
      return K_REQUEST
    case 'reply':
    case 'status':
    case 'brokerAck':
      return K_RESPONSE
    case 'error':
    case 'nack':
      return K_ERROR
    case 'accepted':
      return K_ACCEPTED
    case 'poll':
      return K_POLL
    case 'message':
      return K_MESSAGE
    case 'delivery':
      return fromTopic ? K_EVENT : K_MESSAGE
    case 'event':
      return K_EVENT
    case 'ack':
      return K_ACK
  }
}

/** The short label drawn beside a packet (when zoomed in and few are on screen). */
export function packetLabel(carries: Hop['carries'], fromTopic: boolean): string {
  switch (carries) {
    case 'request':
      return 'req'
    case 'reply':
      return 'res'
    case 'status':
      return 'status'
    case 'brokerAck':
      return 'stored'
    case 'error':
      return 'err'
    case 'nack':
      return 'nack'
    case 'accepted':
      return '202'
    case 'poll':
      return 'poll'
    case 'message':
      return 'msg'
    case 'delivery':
      return fromTopic ? 'evt copy' : 'msg'
    case 'event':
      return 'evt'
    case 'ack':
      return 'ack'
  }
}

/** An error or a nack: its link flashes. */
export const isFailure = (carries: Hop['carries']) => carries === 'error' || carries === 'nack'
