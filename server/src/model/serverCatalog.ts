/**
 * The catalog of known backup servers (by default the Bucky Backup servers,
 * data/servers.json), which a site may extend or replace in its settings.
 */
import rawCatalog from '../data/servers.json';

/** How the server schedules, as its SET SCHEDMODES says: `any` accepts both client modes; the others only theirs. */
export type ServerSchedmodes = 'any' | 'polling' | 'prompted';

export interface ServerEntry {
  /** Host name or IP address, as written in TCPServeraddress. */
  address: string;
  /** Service tier or any short label the site uses (Enterprise, Lite, Archive). */
  tier: string;
  port: number;
  /** The server's SET SCHEDMODES, when the site knows it; unknown means anything goes. */
  schedmodes?: ServerSchedmodes;
}

export const BUILTIN_SERVERS: readonly ServerEntry[] = (rawCatalog as { servers: ServerEntry[] }).servers;

export class ServerCatalog {
  private readonly byAddress = new Map<string, ServerEntry>();

  constructor(readonly servers: readonly ServerEntry[]) {
    // Later entries win, so a site's entry overrides a built-in one with the same address.
    for (const s of servers) this.byAddress.set(s.address.toLowerCase(), s);
  }

  /** Host names compare case-insensitively, as DNS does. */
  find(address: string): ServerEntry | undefined {
    return this.byAddress.get(address.toLowerCase());
  }

  onPort(port: number): ServerEntry[] {
    return [...this.byAddress.values()].filter((s) => s.port === port);
  }

  /** Every distinct server, site entries replacing built-in ones of the same address. */
  entries(): ServerEntry[] {
    return [...this.byAddress.values()];
  }

  /** The label a snippet or completion uses for a server: its first DNS label. */
  static shortName(server: ServerEntry): string {
    return server.address.split('.')[0].toLowerCase();
  }
}
