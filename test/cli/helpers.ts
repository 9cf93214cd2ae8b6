/** Running the built dsm-lint (dist/dsm-lint.js) as a user would, in folders made for each test. */
import { spawnSync, SpawnSyncOptions } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

export const ROOT = path.join(__dirname, '..', '..', '..');
export const DSM_LINT = path.join(ROOT, 'dist', 'dsm-lint.js');

/** Every run ends within this, or the test fails (a hang is a bug). */
export const RUN_TIMEOUT_MS = 60_000;

export interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

export function lint(
  args: string[],
  options: { cwd: string; input?: string | Buffer; env?: NodeJS.ProcessEnv } & Pick<SpawnSyncOptions, 'uid' | 'gid'>,
): Run {
  if (!fs.existsSync(DSM_LINT)) throw new Error(`${DSM_LINT} is missing: run npm run build first.`);
  const r = spawnSync(process.execPath, [DSM_LINT, ...args], {
    cwd: options.cwd,
    input: options.input ?? '',
    env: { ...process.env, ...options.env },
    encoding: 'utf8',
    timeout: RUN_TIMEOUT_MS,
    maxBuffer: 256 * 1024 * 1024,
    uid: options.uid,
    gid: options.gid,
  });
  if (r.error) throw r.error;
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A fresh folder holding these files (path -> text or bytes); removed by the returned cleanup. */
export function tree(files: Record<string, string | Buffer>): {
  dir: string;
  at: (p: string) => string;
  cleanup: () => void;
} {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dsm-lint-test-'));
  for (const [name, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), content);
  }
  return { dir, at: (p) => path.join(dir, p), cleanup: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

/** A dsm.sys with one PROMPTED scheduler (warning, fixable) and one # comment (hint). */
export const PROMPTED_SYS =
  '* Bucky Backup, Enterprise\n' +
  fs.readFileSync(path.join(__dirname, '..', '..', '..', 'test', 'fixtures', 'prompted-stanza.dsm.sys'), 'utf8') +
  '# a comment in the wrong style\n';

/** A dsm.sys with nothing to say. */
export const GOOD_SYS = [
  'SErvername  bucky5',
  '   COMMMethod         TCPip',
  '   TCPServeraddress   bucky5.doit.wisc.edu',
  '   TCPPort            1503',
  '   PASSWORDAccess     generate',
  '   SCHEDMODe          POLLING',
  '',
].join('\n');

/** Lines of text output that report problems (`file:line:col: severity code message`). */
export function problemLines(stdout: string): string[] {
  return stdout.split('\n').filter((l) => /^[^:]+:\d+:\d+: (error|warning|information|hint) /.test(l));
}
