import { BROKER_DEFAULTS, CLIENT_DEFAULTS, LINK_DEFAULTS, SERVICE_DEFAULTS, DATABASE_DEFAULTS } from '../../model/defaults'
import type { BrokerSettings, ClientSettings, Diagram, DiagramLink, DiagramNode, LinkKind, LinkSettings, ServiceSettings } from '../../model/types'

/**
 * A tiny builder for test diagrams: nodes by id with only the settings that matter, links
 * in call order. Positions are laid on a grid since the engine ignores them.
 */
export class DiagramBuilder {
  private nodes: DiagramNode[] = []
  private links: DiagramLink[] = []

  private at() {
    const i = this.nodes.length
    return { x: 40 + 260 * (i % 6), y: 60 + 130 * Math.floor(i / 6) }
  }

  client(id: string, s: Partial<ClientSettings> = {}): this {
    this.nodes.push({ id, kind: 'client', label: id, ...this.at(), settings: { ...CLIENT_DEFAULTS, ...s } })
    return this
  }

  service(id: string, s: Partial<ServiceSettings> = {}): this {
    this.nodes.push({ id, kind: 'service', label: id, ...this.at(), settings: { ...SERVICE_DEFAULTS, ...s } })
    return this
  }

  database(id: string, s: Partial<ServiceSettings> = {}): this {
    this.nodes.push({ id, kind: 'database', label: id, ...this.at(), settings: { ...DATABASE_DEFAULTS, ...s } })
    return this
  }

  queue(id: string, s: Partial<BrokerSettings> = {}): this {
    this.nodes.push({ id, kind: 'queue', label: id, ...this.at(), settings: { ...BROKER_DEFAULTS, ...s } })
    return this
  }

  topic(id: string, s: Partial<BrokerSettings> = {}): this {
    this.nodes.push({ id, kind: 'topic', label: id, ...this.at(), settings: { ...BROKER_DEFAULTS, ...s } })
    return this
  }

  link(source: string, target: string, kind: LinkKind, s: Partial<LinkSettings> = {}, id = `${source}->${target}`): this {
    this.links.push({ id, source, target, kind, settings: { ...LINK_DEFAULTS, ...s } })
    return this
  }

  build(): Diagram {
    return { nodes: [...this.nodes], links: [...this.links] }
  }
}

export const diagram = () => new DiagramBuilder()
