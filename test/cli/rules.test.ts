/**
 * `dsm-lint rule` and the suppression switches, run as a user runs the
 * built command: the pages it prints are the files of docs/rules, its list
 * is CODES and the README's table, and CI can refuse or audit suppressions.
 */
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { PROMPTED_SYS, ROOT, lint, problemLines, tree } from './helpers';
import { CODES } from '../../server/src/service/codes';

describe('dsm-lint rule', () => {
  const t = tree({});
  after(t.cleanup);

  it('--list: every code with its one-line summary, as the pages, CODES and the README table list them', () => {
    const r = lint(['rule', '--list'], { cwd: t.dir });
    assert.equal(r.status, 0);
    assert.equal(r.stderr, '');
    const listed = r.stdout
      .trimEnd()
      .split('\n')
      .map((l) => l.split(/\s{2,}/));
    assert.deepEqual(
      listed,
      Object.entries(CODES).map(([code, info]) => [code, info.summary]),
    );
    const pages = fs.readdirSync(path.join(ROOT, 'docs', 'rules')).map((f) => f.replace(/\.md$/, ''));
    assert.deepEqual(listed.map((l) => l[0]).sort(), pages.sort());
    const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    const table = [...readme.slice(readme.indexOf('## Diagnostic codes')).matchAll(/^\| `([a-z-]+)` \| \w+ \|/gm)].map(
      (m) => m[1],
    );
    assert.deepEqual(
      table,
      listed.map((l) => l[0]),
    );
  });

  it('<code>: prints the rule page, from the bundle, whatever the current folder', () => {
    for (const code of ['schedmode-prompted', 'unused-disable']) {
      const r = lint(['rule', code], { cwd: t.dir });
      assert.equal(r.status, 0);
      assert.equal(r.stdout, fs.readFileSync(path.join(ROOT, 'docs', 'rules', code + '.md'), 'utf8'));
    }
  });

  it('an unknown code, no code, or two: a clear message and exit 2', () => {
    const unknown = lint(['rule', 'schedmode-polled'], { cwd: t.dir });
    assert.equal(unknown.status, 2);
    assert.equal(unknown.stdout, '');
    assert.equal(
      unknown.stderr,
      'dsm-lint: there is no rule "schedmode-polled". Run "dsm-lint rule --list" for the codes.\n',
    );
    for (const args of [['rule'], ['rule', 'hash-comment', 'unknown-option'], ['rule', '--all']]) {
      const r = lint(args, { cwd: t.dir });
      assert.equal(r.status, 2, args.join(' '));
      assert.match(r.stderr, /^dsm-lint: rule takes one code, or --list\.\nUsage: dsm-lint rule <code>/);
    }
  });

  it('a file named rule is still checked as ./rule', () => {
    const files = tree({ rule: PROMPTED_SYS });
    try {
      const r = lint(['--kind', 'sys', './rule'], { cwd: files.dir });
      assert.equal(r.status, 1);
      assert.match(r.stdout, /^\.\/rule:7:23: warning schedmode-prompted /m);
    } finally {
      files.cleanup();
    }
  });
});

describe('dsm-lint and suppression comments', () => {
  const text = PROMPTED_SYS.replace(
    '   SCHEDMODe',
    '   * dsm-disable-next-line schedmode-prompted -- the server prompts this node\n   SCHEDMODe',
  ).replace('# a comment', '* dsm-disable-next-line tcpport-mismatch -- left over\n# a comment');
  const t = tree({ 'dsm.sys': '* dsm-disable hash-comment -- written by the fleet tool\n' + text });
  after(t.cleanup);

  it('honours a reason, next-line and file-wide', () => {
    const r = lint(['dsm.sys'], { cwd: t.dir });
    assert.equal(r.status, 0, r.stdout);
    assert.deepEqual(problemLines(r.stdout), []);
  });

  it('--no-inline-disable reports everything', () => {
    const r = lint(['--no-inline-disable', 'dsm.sys'], { cwd: t.dir });
    assert.equal(r.status, 1);
    assert.deepEqual(
      problemLines(r.stdout).map((l) => l.split(' ').slice(0, 3).join(' ')),
      ['dsm.sys:9:23: warning schedmode-prompted', 'dsm.sys:11:1: hint hash-comment'],
    );
  });

  it('--report-unused-disable reports the suppression that silences nothing, and fails the run', () => {
    const r = lint(['--report-unused-disable', 'dsm.sys'], { cwd: t.dir });
    assert.equal(r.status, 1);
    assert.deepEqual(problemLines(r.stdout), [
      'dsm.sys:10:1: warning unused-disable This suppression names tcpport-mismatch, but no such finding on the next line needed silencing.',
    ]);
  });

  it('--fix-code unused-disable removes the suppression that silences nothing, and only it', () => {
    const r = lint(['--report-unused-disable', '--diff', '--fix-code', 'unused-disable', 'dsm.sys'], { cwd: t.dir });
    assert.equal(r.status, 1);
    assert.deepEqual(
      r.stdout.split('\n').filter((l) => /^[-+][^-+]/.test(l)),
      ['-* dsm-disable-next-line tcpport-mismatch -- left over'],
    );
  });

  it('the two switches exclude each other', () => {
    const r = lint(['--no-inline-disable', '--report-unused-disable', 'dsm.sys'], { cwd: t.dir });
    assert.equal(r.status, 2);
    assert.match(r.stderr, /--no-inline-disable and --report-unused-disable exclude each other/);
  });
});
