/**
 * The network as the scheduler meets it: a TCP connection to the server's
 * address and port, with a time limit; and, for a server-prompted stanza,
 * whether anything on this host listens on the port the server calls in on
 * (read from /proc/net/tcp and tcp6, no program run).
 */
import { readFileSync } from 'fs';
import * as net from 'net';
import type { Connection } from './types';

/** Connects once and closes at once: nothing is sent. */
export function probe(
  host: string,
  port: number,
  timeoutSeconds: number,
): Promise<{ result: Connection; detail?: string }> {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    const done = (result: Connection, detail?: string) => {
      socket.destroy();
      resolve({ result, detail });
    };
    socket.setTimeout(timeoutSeconds * 1000, () => done('timed out'));
    socket.once('connect', () => done('connected'));
    socket.once('error', (e: NodeJS.ErrnoException) => {
      if (e.code === 'ECONNREFUSED') done('refused');
      else if (e.code === 'ENOTFOUND' || e.code === 'EAI_AGAIN' || e.code === 'EAI_NONAME')
        done('name not resolved', e.code);
      else if (e.code === 'ETIMEDOUT') done('timed out', e.code);
      else done('unreachable', e.code ?? e.message);
    });
  });
}

/** The local ports in state LISTEN (0A), from /proc/net/tcp and tcp6; undefined when neither can be read. */
export function listeningPorts(
  files: readonly string[] = ['/proc/net/tcp', '/proc/net/tcp6'],
): Set<number> | undefined {
  const ports = new Set<number>();
  let read = false;
  for (const file of files) {
    let text: string;
    try {
      text = readFileSync(file, 'latin1');
      read = true;
    } catch {
      continue;
    }
    for (const line of text.split('\n').slice(1)) {
      const fields = line.trim().split(/\s+/);
      if (fields.length < 4 || fields[3] !== '0A') continue;
      const port = parseInt(fields[1].split(':')[1] ?? '', 16);
      if (Number.isInteger(port)) ports.add(port);
    }
  }
  return read ? ports : undefined;
}
