/**
 * "Test connection to this server", the part that needs Node (desktop
 * only: the web build must not import this module): open a TCP connection to
 * a stanza's address and port with a time limit, and say in words what came
 * of it. No VS Code here, so that unit tests can drive it with a socket and a
 * clock of their own. It runs where the extension host runs (see the README:
 * with Remote SSH, on the remote machine), never in the language server.
 */
import * as net from 'net';

export interface Target {
  address: string;
  port: number;
  /** What the target is, for messages: `stanza BUCKY5`, `this options file`. */
  label: string;
}

export type ProbeResult =
  | { kind: 'connected'; ms: number; ip?: string }
  | { kind: 'refused'; ms: number; ip?: string }
  | { kind: 'timeout'; ms: number; stage: 'resolve' | 'connect'; ip?: string }
  | { kind: 'not-resolved'; ms: number; code: string }
  | { kind: 'failed'; ms: number; code: string; message: string };

/** What a probe needs of a socket: net.Socket has it all. */
export interface SocketLike {
  on(event: 'lookup', listener: (err: Error | null, address: string) => void): unknown;
  once(event: 'connect', listener: () => void): unknown;
  once(event: 'error', listener: (err: NodeJS.ErrnoException) => void): unknown;
  destroy(): unknown;
  remoteAddress?: string;
}

export interface ProbeOptions {
  timeoutMs: number;
  /** Opens the connection; net.connect by default. */
  connect?: (options: net.TcpNetConnectOpts) => SocketLike;
  /** Resolves the host name (net.connect's `lookup`); the system's resolver by default. */
  lookup?: net.LookupFunction;
  now?: () => number;
  timer?: { set(fn: () => void, ms: number): unknown; clear(handle: unknown): void };
}

/** Error codes and what they mean for the user: the facts, as data. */
const FAILURES: Readonly<Record<string, 'refused' | 'not-resolved' | 'timeout'>> = {
  ECONNREFUSED: 'refused',
  ENOTFOUND: 'not-resolved',
  EAI_AGAIN: 'not-resolved',
  EAI_NONAME: 'not-resolved',
  EAI_FAIL: 'not-resolved',
  ETIMEDOUT: 'timeout',
};

function classify(e: NodeJS.ErrnoException, ms: number, ip: string | undefined): ProbeResult {
  const code = e.code ?? 'unknown';
  const kind = FAILURES[code];
  if (kind === 'refused') return { kind, ms, ip };
  if (kind === 'not-resolved') return { kind, ms, code };
  if (kind === 'timeout') return { kind, ms, stage: 'connect', ip };
  return { kind: 'failed', ms, code, message: e.message };
}

/** Opens one TCP connection and closes it at once; settles with what happened, within timeoutMs. Never rejects. */
export function probe(host: string, port: number, options: ProbeOptions): Promise<ProbeResult> {
  const connect = options.connect ?? ((o: net.TcpNetConnectOpts) => net.connect(o));
  const now = options.now ?? Date.now;
  const timer = options.timer ?? {
    set: (fn: () => void, ms: number) => setTimeout(fn, ms),
    clear: (h: unknown) => clearTimeout(h as NodeJS.Timeout),
  };
  return new Promise((resolve) => {
    const start = now();
    // An address needs no look-up: the connection stage starts at once.
    let ip: string | undefined = net.isIP(host) ? host : undefined;
    let settled = false;
    let socket: SocketLike | undefined;
    const finish = (result: ProbeResult) => {
      if (settled) return;
      settled = true;
      timer.clear(handle);
      socket?.destroy();
      resolve(result);
    };
    const handle = timer.set(
      () => finish({ kind: 'timeout', ms: now() - start, stage: ip ? 'connect' : 'resolve', ip }),
      options.timeoutMs,
    );
    try {
      socket = connect({ host, port, lookup: options.lookup });
    } catch (e) {
      finish(classify(e as NodeJS.ErrnoException, now() - start, ip));
      return;
    }
    socket.on('lookup', (err, address) => {
      if (!err) ip = address;
    });
    socket.once('connect', () => finish({ kind: 'connected', ms: now() - start, ip: socket?.remoteAddress ?? ip }));
    socket.once('error', (e) => finish(classify(e, now() - start, ip)));
  });
}

/** The result in one sentence for the user, from `where` (the machine the extension runs on): success with the time taken, or the failure. */
export function describeResult(result: ProbeResult, target: Target, where: string): { ok: boolean; message: string } {
  const at = `${target.address}:${target.port}`;
  const via = (ip: string | undefined) => (ip && ip !== target.address ? ` (${ip})` : '');
  const head = `${target.label}: `;
  switch (result.kind) {
    case 'connected':
      return { ok: true, message: `${head}connected to ${at}${via(result.ip)} in ${result.ms} ms from ${where}.` };
    case 'refused':
      return {
        ok: false,
        message: `${head}refused: ${at}${via(result.ip)} answered from ${where}, but nothing listens on port ${target.port} there (or a firewall rejects the connection).`,
      };
    case 'timeout':
      return result.stage === 'resolve'
        ? {
            ok: false,
            message: `${head}timed out after ${result.ms} ms while ${where} was still looking up the name ${target.address}.`,
          }
        : {
            ok: false,
            message: `${head}timed out after ${result.ms} ms: no answer from ${at}${via(result.ip)} to ${where} (a firewall may drop the packets, or the host is down).`,
          };
    case 'not-resolved':
      return {
        ok: false,
        message: `${head}name not resolved: ${where} cannot look up ${target.address} (${result.code}).`,
      };
    default:
      return {
        ok: false,
        message: `${head}could not connect to ${at} from ${where}: ${result.code} (${result.message}).`,
      };
  }
}
