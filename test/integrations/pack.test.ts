/**
 * Installation as the README documents it: `npm pack` (which builds) makes a
 * tarball holding the two commands; `npm install -g` of it gives a working
 * `dsm-lint` and `dsm-language-server`; `npx` runs dsm-lint from it. And the
 * .vsix of the extension does not grow: the command is not in it.
 * Run on a copy of the repository's tracked files, so that the build of the
 * pack does not touch the dist/ other tests use.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { PROMPTED_SYS, ROOT, run, tree } from './helpers';
import { version } from '../../package.json';

const TIMEOUT_MS = 300_000;

describe('installation from npm pack', () => {
  const work = tree({ 'fleet/dsm.sys': PROMPTED_SYS });
  after(work.cleanup);
  const copy = work.at('repo');
  const prefix = work.at('prefix');
  let tarball = '';

  before(() => {
    const files = run('git', ['ls-files', '-z'], { cwd: ROOT, timeoutMs: TIMEOUT_MS })
      .output.split('\0')
      .filter(Boolean);
    for (const f of files) {
      if (!fs.existsSync(path.join(ROOT, f))) continue;
      fs.mkdirSync(path.dirname(path.join(copy, f)), { recursive: true });
      fs.copyFileSync(path.join(ROOT, f), path.join(copy, f));
    }
    fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(copy, 'node_modules'));
    const pack = run('npm', ['pack', '--pack-destination', work.dir], { cwd: copy, timeoutMs: TIMEOUT_MS });
    assert.equal(pack.status, 0, pack.output);
    tarball = path.join(work.dir, fs.readdirSync(work.dir).find((f) => f.endsWith('.tgz')) ?? 'missing.tgz');
  });

  it('holds the two built commands and the papers, nothing else', () => {
    const listed = run('tar', ['tzf', tarball], { cwd: work.dir, timeoutMs: TIMEOUT_MS })
      .output.split('\n')
      .filter(Boolean)
      .sort();
    assert.deepEqual(listed, [
      'package/CHANGELOG.md',
      'package/LICENSE',
      'package/README.md',
      'package/dist/dsm-lint.js',
      'package/dist/server.js',
      'package/package.json',
    ]);
  });

  it('npm install -g gives a dsm-lint and a dsm-language-server that run', () => {
    const install = run('npm', ['install', '-g', '--prefix', prefix, '--no-audit', '--no-fund', tarball], {
      cwd: work.dir,
      timeoutMs: TIMEOUT_MS,
    });
    assert.equal(install.status, 0, install.output);
    const bin = (name: string) => path.join(prefix, 'bin', name);
    assert.equal(
      run(bin('dsm-lint'), ['--version'], { cwd: work.dir, timeoutMs: TIMEOUT_MS }).output,
      `dsm-lint ${version}\n`,
    );
    const checked = run(bin('dsm-lint'), ['fleet'], { cwd: work.dir, timeoutMs: TIMEOUT_MS });
    assert.equal(checked.status, 1);
    assert.match(checked.output, /^fleet\/dsm\.sys:7:23: warning schedmode-prompted /m);
    assert.match(
      run(bin('dsm-language-server'), ['--version'], { cwd: work.dir, timeoutMs: TIMEOUT_MS }).output,
      /^dsm-language-server /,
    );
  });

  it('npx runs dsm-lint from the tarball', () => {
    const npx = run('npm', ['exec', '--yes', `--package=${tarball}`, '--', 'dsm-lint', '--format', 'json', 'fleet'], {
      cwd: work.dir,
      timeoutMs: TIMEOUT_MS,
    });
    assert.equal(npx.status, 1, npx.output);
    assert.match(npx.output, /"code":"schedmode-prompted"/);
  });

  it('npm run package still makes the .vsix, and it does not carry the command', () => {
    const vsix = path.join(work.dir, 'x.vsix');
    const pack = run('npx', ['vsce', 'package', '--no-dependencies', '--no-rewrite-relative-links', '-o', vsix], {
      cwd: copy,
      timeoutMs: TIMEOUT_MS,
    });
    assert.equal(pack.status, 0, pack.output);
    const listed = run('python3', ['-m', 'zipfile', '-l', vsix], { cwd: work.dir, timeoutMs: TIMEOUT_MS }).output;
    assert.match(listed, /extension\/dist\/server\.js/);
    assert.match(listed, /extension\/dist\/browser\/server\.js/);
    assert.doesNotMatch(listed, /dsm-lint/);
  });
});
