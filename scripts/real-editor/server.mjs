// Starts VS Code's server (from the cached code-server package) directly with
// Node 24, in its own process group, on a free port of 127.0.0.1, with fresh
// temp dirs. stop() ends the whole process group (the server starts file
// watchers, an agent host and a Copilot runtime of its own).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

/** A free TCP port on host; `preferred` is tried first. */
export function freePort(preferred = 0, host = '127.0.0.1') {
  const tryPort = (port) =>
    new Promise((resolve, reject) => {
      const srv = net.createServer();
      srv.unref();
      srv.once('error', reject);
      srv.listen(port, host, () => {
        const { port: p } = srv.address();
        srv.close(() => resolve(p));
      });
    });
  return preferred ? tryPort(preferred).catch(() => tryPort(0)) : tryPort(0);
}

function httpOk(url) {
  return new Promise((resolve) => {
    const req = http.get(url, (res) => {
      res.resume();
      resolve(res.statusCode > 0 && res.statusCode < 500);
    });
    req.on('error', () => resolve(false));
    req.setTimeout(2000, () => {
      req.destroy();
      resolve(false);
    });
  });
}

const live = new Set();
let hooksInstalled = false;
function installExitHooks() {
  if (hooksInstalled) return;
  hooksInstalled = true;
  const killAll = () => {
    for (const s of live) s.stopSync();
  };
  process.on('exit', killAll);
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    const onSig = () => {
      // A caller that handles the signal itself stops the server (and the
      // 'exit' hook above kills what is left); otherwise do it here.
      if (process.listeners(sig).some((l) => l !== onSig)) return;
      killAll();
      process.exit(sig === 'SIGINT' ? 130 : 143);
    };
    process.on(sig, onSig);
  }
  process.on('uncaughtException', (e) => {
    console.error(e);
    killAll();
    process.exit(1);
  });
}

function groupAlive(pid) {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * @param {object} o
 * @param {string} o.node           Node 24 binary
 * @param {string} o.serverMain     .../lib/vscode/out/server-main.js
 * @param {number} [o.port]         preferred port (falls back to a free one)
 * @param {string} [o.host]
 * @param {string[]} [o.extraArgs]
 * @param {object} [o.env]          extra environment for the server (and so the extension host)
 * @param {(line: string) => void} [o.onOutput]  server stdout/stderr lines
 * @param {number} [o.timeoutMs]    wait for HTTP at most this long
 * @param {boolean} [o.keepDirs]
 */
export async function startServer(o) {
  const host = o.host || '127.0.0.1';
  const port = await freePort(o.port || 0, host);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dsm-vscode-server-'));
  const dirs = {
    serverData: path.join(tmp, 'server-data'),
    userData: path.join(tmp, 'user-data'),
    extensions: path.join(tmp, 'extensions'),
  };
  for (const d of Object.values(dirs)) fs.mkdirSync(d, { recursive: true });

  const args = [
    o.serverMain,
    '--host',
    host,
    '--port',
    String(port),
    '--without-connection-token',
    '--accept-server-license-terms',
    '--enable-smoke-test-driver',
    '--disable-telemetry',
    '--disable-workspace-trust',
    '--server-data-dir',
    dirs.serverData,
    '--user-data-dir',
    dirs.userData,
    '--extensions-dir',
    dirs.extensions,
    ...(o.extraArgs || []),
  ];
  const env = {
    ...process.env,
    PATH: `${path.dirname(o.node)}:${process.env.PATH}`,
    VSCODE_CLI: undefined,
    ELECTRON_RUN_AS_NODE: undefined,
    ...(o.env || {}),
  };
  for (const k of Object.keys(env)) if (env[k] === undefined) delete env[k];

  const child = spawn(o.node, args, { detached: true, stdio: ['ignore', 'pipe', 'pipe'], env, cwd: tmp });
  const pid = child.pid;
  let exited = null;
  const output = [];
  const onLine = (line) => {
    output.push(line);
    if (output.length > 500) output.shift();
    if (o.onOutput) o.onOutput(line);
  };
  for (const s of [child.stdout, child.stderr]) {
    let buf = '';
    s.setEncoding('utf8');
    s.on('data', (d) => {
      buf += d;
      let i;
      while ((i = buf.indexOf('\n')) >= 0) {
        onLine(buf.slice(0, i));
        buf = buf.slice(i + 1);
      }
    });
  }
  const exitP = new Promise((resolve) =>
    child.on('exit', (code, sig) => {
      exited = { code, sig };
      resolve(exited);
    }),
  );

  let stopped = false;
  const handle = {
    pid,
    port,
    host,
    tmp,
    dirs,
    url: `http://${host}:${port}/`,
    output,
    exited: () => exited,
    /** Synchronous kill of the whole group (for exit hooks). */
    stopSync() {
      if (stopped) return;
      stopped = true;
      live.delete(handle);
      try {
        process.kill(-pid, 'SIGKILL');
      } catch {
        /* already gone */
      }
      if (!o.keepDirs) {
        try {
          fs.rmSync(tmp, { recursive: true, force: true });
        } catch {
          /* ignore */
        }
      }
    },
    /** SIGTERM the group, then SIGKILL whatever is left after a grace period. */
    async stop(graceMs = 3000) {
      if (stopped) return;
      try {
        process.kill(-pid, 'SIGTERM');
      } catch {
        /* gone */
      }
      const deadline = Date.now() + graceMs;
      while (groupAlive(pid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
      handle.stopSync();
      // wait (bounded) for the group to really disappear
      const d2 = Date.now() + 2000;
      while (groupAlive(pid) && Date.now() < d2) await new Promise((r) => setTimeout(r, 50));
    },
  };
  live.add(handle);
  installExitHooks();

  try {
    const deadline = Date.now() + (o.timeoutMs || 60000);
    for (;;) {
      if (exited)
        throw new Error(`VS Code server exited early (${JSON.stringify(exited)}):\n${output.slice(-30).join('\n')}`);
      if (await httpOk(handle.url)) break;
      if (Date.now() > deadline)
        throw new Error(
          `VS Code server did not answer on ${handle.url} within ${o.timeoutMs || 60000} ms:\n${output.slice(-30).join('\n')}`,
        );
      await Promise.race([new Promise((r) => setTimeout(r, 200)), exitP]);
    }
  } catch (e) {
    await handle.stop();
    throw e;
  }
  return handle;
}
