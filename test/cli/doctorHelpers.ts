/** Running `dsm-lint doctor` (dist/dsm-lint.js) in a child process, without blocking this one (a test's own listeners must answer). */
import { execFile, spawn, ChildProcess } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { DSM_LINT, RUN_TIMEOUT_MS } from './helpers';

export interface DoctorRun {
  status: number;
  stdout: string;
  stderr: string;
  /** The JSON report, when --format json was asked and printed. */
  json?: DoctorJson;
}

export interface DoctorJson {
  ok: boolean;
  findings: { code: string; severity: string; message: string; fix?: string; file?: string; line?: number }[];
  scheduler?: { kind: string; pid: number; started: string; optionFilesChanged?: string; restartNeeded: boolean };
  stanzas: {
    name: string;
    address?: string;
    port: number;
    connection: string;
    inboundPort?: number;
    listening?: boolean;
  }[];
}

/** The environment of a run: the test's DSM_* variables only, never the machine's. */
function env(extra: Record<string, string>): NodeJS.ProcessEnv {
  const e: NodeJS.ProcessEnv = { ...process.env };
  for (const k of ['DSM_DIR', 'DSM_CONFIG', 'DSM_LOG']) delete e[k];
  return { ...e, ...extra };
}

export function doctor(args: string[], extraEnv: Record<string, string> = {}): Promise<DoctorRun> {
  if (!fs.existsSync(DSM_LINT)) throw new Error(`${DSM_LINT} is missing: run npm run build first.`);
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [DSM_LINT, 'doctor', ...args],
      { env: env(extraEnv), timeout: RUN_TIMEOUT_MS, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const status = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
        if (status === -1) return reject(error);
        let json: DoctorJson | undefined;
        if (args.includes('json')) {
          try {
            json = JSON.parse(stdout);
          } catch {
            json = undefined;
          }
        }
        resolve({ status, stdout, stderr, json });
      },
    );
  });
}

export const codes = (r: DoctorRun) => (r.json?.findings ?? []).map((f) => f.code);
export const finding = (r: DoctorRun, code: string) => r.json?.findings.find((f) => f.code === code);

/** The client's install directory in a copied tree. */
export const BIN = 'opt/tivoli/tsm/client/ba/bin';

/** A stanza for 127.0.0.1 on a port, with what else the test needs. */
export function sysFor(port: number, extra: string[] = []): string {
  return [
    'SErvername  local',
    '   COMMMethod         TCPip',
    '   TCPServeraddress   127.0.0.1',
    `   TCPPort            ${port}`,
    '   PASSWORDAccess     generate',
    '   MANAGEDServices    schedule',
    ...extra,
    '',
  ].join('\n');
}

/**
 * A harmless program started under a scheduler's name, from a copy in a temporary folder: `sleep`
 * as dsmcad, `tail -F schedule` as dsmc (it waits for a file that never comes); with `args`,
 * `tail -F -- <args>`, so that the command line carries the client's options.
 */
export function startFake(
  kind: 'dsmcad' | 'dsmc',
  options: { args?: string[] } = {},
): { child: ChildProcess; stop: () => Promise<void> } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dsm-doctor-proc-'));
  const exe = path.join(dir, kind);
  // With options of the client's on its command line, tail -F waits for a file of that name.
  const tail = kind === 'dsmc' || !!options.args;
  fs.copyFileSync(tail ? '/usr/bin/tail' : '/bin/sleep', exe);
  fs.chmodSync(exe, 0o755);
  const args = options.args ? ['-F', '--', ...options.args] : kind === 'dsmcad' ? ['600'] : ['-F', 'schedule'];
  const child = spawn(exe, args, { cwd: dir, stdio: 'ignore' });
  const stop = () =>
    new Promise<void>((resolve) => {
      const done = () => (fs.rmSync(dir, { recursive: true, force: true }), resolve());
      if (child.exitCode !== null || child.signalCode !== null) return done();
      child.once('exit', done);
      child.kill('SIGTERM');
    });
  return { child, stop };
}

/** Waits for a process to appear under its name in /proc (its exec done). */
export async function untilNamed(pid: number, name: string): Promise<void> {
  for (let i = 0; i < 200; i++) {
    try {
      if (fs.readFileSync(`/proc/${pid}/comm`, 'utf8').trim() === name) return;
    } catch {
      /* not there yet */
    }
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`process ${pid} never showed as ${name}`);
}

export const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));
