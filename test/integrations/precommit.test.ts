/**
 * The pre-commit hook of .pre-commit-hooks.yaml, tried by Debian's
 * pre-commit (`pre-commit try-repo`) on a throw-away Git repository, with
 * the built dsm-lint on the PATH (the hook runs the installed command).
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs';
import { GOOD_SYS, PROMPTED_SYS, ROOT, dsmLintOnPath, requireTool, run, tree } from './helpers';

const TIMEOUT_MS = 120_000;

describe('pre-commit: the dsm-lint hook', () => {
  const repo = tree({
    'roles/tsm/files/dsm.sys': GOOD_SYS,
    'roles/tsm/files/dsm.opt': 'SErvername bucky5\n',
    'README.md': '# hosts\n',
    'tools/driver.sys': Buffer.from([0x4d, 0x5a, 0, 0]),
  });
  const onPath = dsmLintOnPath();
  const home = tree({});
  after(() => (repo.cleanup(), onPath.cleanup(), home.cleanup()));
  const env = { ...onPath.env, PRE_COMMIT_HOME: home.dir, GIT_CONFIG_NOSYSTEM: '1', HOME: home.dir };
  const git = (...args: string[]) =>
    assert.equal(run('git', args, { cwd: repo.dir, env, timeoutMs: TIMEOUT_MS }).status, 0, args.join(' '));
  const tryRepo = () =>
    run('pre-commit', ['try-repo', ROOT, 'dsm-lint', '--all-files'], { cwd: repo.dir, env, timeoutMs: TIMEOUT_MS });

  before(() => {
    requireTool('pre-commit', 'pre-commit');
    requireTool('git', 'git');
    git('init', '-q');
    git('config', 'user.email', 'ci@example.org');
    git('config', 'user.name', 'CI');
    git('add', '.');
  });

  it('passes good files (and lets other files, a binary .sys among them, pass)', () => {
    const r = tryRepo();
    assert.equal(r.status, 0, r.output);
    assert.match(r.output, /dsm-lint \(TSM client option files\)\.+Passed/);
  });

  it('fails on a PROMPTED scheduler, and shows the problem', () => {
    fs.writeFileSync(repo.at('roles/tsm/files/dsm.sys'), PROMPTED_SYS);
    git('add', '.');
    const r = tryRepo();
    assert.equal(r.status, 1, r.output);
    assert.match(r.output, /dsm-lint \(TSM client option files\)\.+Failed/);
    assert.match(r.output, /roles\/tsm\/files\/dsm\.sys:7:23: warning schedmode-prompted /);
  });
});
