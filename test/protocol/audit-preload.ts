/**
 * Preloaded into the language server by the security test (node --require,
 * through NODE_OPTIONS): records every attempt to run a program
 * (child_process) or to open a network connection (net, tls, http, https,
 * http2, dgram, dns), and writes the records, one JSON line each, to the file
 * named by DSM_AUDIT_FILE. The attempt itself then goes on as usual.
 * Loaded into any other process, it does nothing.
 */
import * as fs from 'fs';

const file = process.env.DSM_AUDIT_FILE;
if (file) {
  const record = (what: string, args: unknown[]) => {
    const detail = args.map((a) => (typeof a === 'string' || typeof a === 'number' ? a : typeof a)).slice(0, 3);
    fs.appendFileSync(
      file,
      JSON.stringify({ what, detail, stack: new Error().stack?.split('\n').slice(2, 6).join(' | ') }) + '\n',
    );
  };
  const watch = (moduleName: string, names: string[]) => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const mod = require(moduleName) as Record<string, unknown>;
    for (const name of names) {
      const original = mod[name];
      if (typeof original !== 'function') continue;
      mod[name] = function (this: unknown, ...args: unknown[]) {
        record(`${moduleName}.${name}`, args);
        return (original as (...a: unknown[]) => unknown).apply(this, args);
      };
    }
  };
  watch('child_process', ['spawn', 'spawnSync', 'exec', 'execSync', 'execFile', 'execFileSync', 'fork']);
  watch('net', ['connect', 'createConnection']);
  watch('tls', ['connect']);
  watch('http', ['request', 'get']);
  watch('https', ['request', 'get']);
  watch('http2', ['connect']);
  watch('dgram', ['createSocket']);
  watch('dns', ['lookup', 'resolve', 'resolve4', 'resolve6', 'resolveAny', 'reverse']);
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const net = require('net') as typeof import('net');
  const connect = net.Socket.prototype.connect;
  net.Socket.prototype.connect = function (this: import('net').Socket, ...args: unknown[]) {
    record('net.Socket.connect', args);
    return (connect as (...a: unknown[]) => import('net').Socket).apply(this, args);
  } as typeof connect;
  // Written once the preload is in place, so that the test knows it ran.
  fs.appendFileSync(file, JSON.stringify({ what: 'audit-installed' }) + '\n');
}
