/**
 * Running the tools that dsm-lint plugs into (Ansible, pre-commit, npm) for
 * real, each with a hard time limit, with the built dsm-lint as the
 * `dsm-lint` command on the PATH.
 */
import { spawnSync } from 'child_process';
import * as assert from 'assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { DSM_LINT, tree } from '../cli/helpers';

export { GOOD_SYS, PROMPTED_SYS, ROOT, tree } from '../cli/helpers';

export interface Ran {
  status: number | null;
  output: string;
}

/** Runs a command to its end, or fails the test when it outlives `timeoutMs`. */
export function run(
  command: string,
  args: string[],
  options: { cwd: string; env?: NodeJS.ProcessEnv; timeoutMs: number; input?: string },
): Ran {
  const r = spawnSync(command, args, {
    cwd: options.cwd,
    env: { ...process.env, ...options.env },
    input: options.input ?? '',
    encoding: 'utf8',
    timeout: options.timeoutMs,
    maxBuffer: 64 * 1024 * 1024,
  });
  if (r.error) throw new Error(`${command} ${args.join(' ')}: ${r.error.message}`);
  assert.notEqual(r.signal, 'SIGTERM', `${command} ${args.join(' ')} did not finish within ${options.timeoutMs} ms`);
  return { status: r.status, output: `${r.stdout}${r.stderr}` };
}

/** The tool must be installed (CI installs it: .ci/run); a clear failure says which package brings it. */
export function requireTool(command: string, debianPackage: string): void {
  const found = spawnSync('sh', ['-c', `command -v ${command}`], { encoding: 'utf8' });
  assert.equal(found.status, 0, `${command} is not installed: apt-get install ${debianPackage}`);
}

/** A folder holding `dsm-lint` (a link to dist/dsm-lint.js), to put first on the PATH. */
export function dsmLintOnPath(): { env: NodeJS.ProcessEnv; cleanup: () => void } {
  const bin = tree({});
  fs.symlinkSync(DSM_LINT, path.join(bin.dir, 'dsm-lint'));
  return { env: { PATH: `${bin.dir}${path.delimiter}${process.env.PATH}` }, cleanup: bin.cleanup };
}
