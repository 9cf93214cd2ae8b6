/** `dsm-lint explain`, run as a user would: a dsm.sys stanza with its INCLEXCL file, a Windows dsm.opt, an include-exclude file, JSON and text, and usage errors. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs';
import { lint, tree } from './helpers';

type Answer = {
  path: string;
  decision: string;
  by: { uri: string; line: number; text: string } | null;
  managementClass?: string;
  reason: string;
  stanza?: string;
};

function setup() {
  const t = tree({
    'etc/inclexcl.def': 'exclude.dir /home/*/cache\nexclude /home/.../*\n',
    'dsm.opt':
      'TCPServeraddress backup.example.org\nexclude.dir C:\\Temp\ninclude C:\\Users\\...\\* usermc\nexclude C:\\Users\\...\\*.tmp\n',
  });
  const sys = [
    'SErvername one',
    '  TCPServeraddress a.example.org',
    `  INCLExcl ${t.at('etc/inclexcl.def')}`,
    '  include /home/*/keep/* keepmc',
    'SErvername two',
    '  TCPServeraddress b.example.org',
    '  exclude /home/.../*.iso',
    '',
  ].join('\n');
  fs.writeFileSync(t.at('dsm.sys'), sys);
  return t;
}

describe('dsm-lint explain', () => {
  it('answers each path of a stanza in JSON, with the INCLEXCL file read in the place of its line', () => {
    const t = setup();
    try {
      const r = lint(
        [
          'explain',
          '--stanza',
          'one',
          '--format',
          'json',
          'dsm.sys',
          '/home/ann/keep/a',
          '/home/ann/cache/keep/b',
          '/home/ann/c',
          '/opt/d',
        ],
        { cwd: t.dir },
      );
      assert.equal(r.status, 0, r.stderr);
      const answers = JSON.parse(r.stdout) as Answer[];
      assert.deepEqual(
        answers.map((a) => [
          a.path,
          a.decision,
          a.by && a.by.uri.endsWith('inclexcl.def') ? 'inclexcl.def' : a.by && 'dsm.sys',
          a.by?.line ?? null,
          a.managementClass ?? null,
        ]),
        [
          ['/home/ann/keep/a', 'included', 'dsm.sys', 3, 'keepmc'],
          ['/home/ann/cache/keep/b', 'excluded', 'inclexcl.def', 0, null],
          ['/home/ann/c', 'excluded', 'inclexcl.def', 1, null],
          ['/opt/d', 'included', null, null, null],
        ],
      );
      assert.ok(answers.every((a) => a.stanza === 'one' && a.reason.length > 0));
    } finally {
      t.cleanup();
    }
  });

  it('prints text: the path, the decision, the deciding file:line and statement, then the reason', () => {
    const t = setup();
    try {
      const r = lint(['explain', '--stanza', 'two', 'dsm.sys', '/home/x/disk.iso'], { cwd: t.dir });
      assert.equal(r.status, 0, r.stderr);
      assert.equal(r.stdout.split('\n')[0], '/home/x/disk.iso: excluded by dsm.sys:7: exclude /home/.../*.iso');
      assert.match(
        r.stdout.split('\n')[1],
        /^ {2}EXCLUDE \/home\/\.\.\.\/\*\.iso \(line 7 of dsm\.sys\) is the first statement that matches/,
      );
    } finally {
      t.cleanup();
    }
  });

  it('reads a Windows dsm.opt without case, and an include-exclude file on its own, for archive too', () => {
    const t = setup();
    try {
      const win = JSON.parse(
        lint(['explain', '-f', 'json', 'dsm.opt', 'c:\\users\\ann\\a.TMP', 'C:\\USERS\\ann\\b.doc', 'c:\\temp\\x\\y'], {
          cwd: t.dir,
        }).stdout,
      ) as Answer[];
      assert.deepEqual(
        win.map((a) => [a.decision, a.by?.line, a.managementClass ?? null]),
        [
          ['excluded', 3, null],
          ['included', 2, 'usermc'],
          ['excluded', 1, null],
        ],
      );
      const archive = JSON.parse(
        lint(['explain', '--operation', 'archive', '-f', 'json', 'etc/inclexcl.def', '/home/ann/c'], { cwd: t.dir })
          .stdout,
      ) as Answer[];
      assert.deepEqual([archive[0].decision, archive[0].by], ['included', null]);
    } finally {
      t.cleanup();
    }
  });

  it('reads a UNIX dsm.opt as the client does: the stanza its SErvername selects, in the dsm.sys beside it', () => {
    const t = setup();
    try {
      fs.writeFileSync(t.at('dsm.opt'), 'SErvername two\n');
      const r = lint(['explain', '-f', 'json', 'dsm.opt', '/home/x/disk.iso'], { cwd: t.dir });
      assert.equal(r.status, 0, r.stderr);
      const [a] = JSON.parse(r.stdout) as Answer[];
      assert.deepEqual(
        [a.decision, a.by?.uri.endsWith('/dsm.sys'), a.by?.line, a.stanza],
        ['excluded', true, 6, 'two'],
      );
    } finally {
      t.cleanup();
    }
  });

  it('exits 2 with a sentence for a dsm.sys of several stanzas without --stanza, a missing file, or no path', () => {
    const t = setup();
    try {
      const several = lint(['explain', 'dsm.sys', '/x'], { cwd: t.dir });
      assert.equal(several.status, 2);
      assert.match(several.stderr, /several server stanzas \(one, two\) and no DEFAULTServer: name one/);
      const missing = lint(['explain', 'nope.sys', '/x'], { cwd: t.dir });
      assert.equal(missing.status, 2);
      assert.match(missing.stderr, /cannot read .*nope\.sys: ENOENT/);
      const nopath = lint(['explain', 'dsm.sys'], { cwd: t.dir });
      assert.equal(nopath.status, 2);
      assert.match(nopath.stderr, /give a file and at least one path/);
      assert.match(lint(['--help'], { cwd: t.dir }).stdout, /dsm-lint explain \[--stanza NAME\]/);
    } finally {
      t.cleanup();
    }
  });
});
