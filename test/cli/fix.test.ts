/**
 * --fix and --fix-dry-run: byte for byte, atomically, and never over a file
 * that cannot be written, that vanished, or that changed meanwhile.
 *
 * These tests run as root on the build machines, and root ignores
 * permission bits: a file or folder is made unwritable with `chattr +i`
 * (the immutable flag binds root too). Where chattr is not available (a
 * file system without it), dsm-lint is run as the user `nobody` on a folder
 * without write bits instead; not as root, permission bits are used.
 */
import { after, describe, it, TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { Range, TextEdit } from 'vscode-languageserver-types';
import { GOOD_SYS, PROMPTED_SYS, lint, tree } from './helpers';
import { WriteError, writeAtomic } from '../../server/src/cli/write';
import { MAX_FIX_PASSES, fixText } from '../../server/src/cli/fixer';
import type { DsmLanguageService } from '../../server/src/service/languageService';

const FIXED_SYS = PROMPTED_SYS.replace('SCHEDMODe          PROMPTED', 'SCHEDMODe          POLLING');
const MISSING_CRLF = 'SErvername  a\r\n   TCPServeraddress   bucky5.doit.wisc.edu\r\n   TCPPort            1503\r\n';
const FIXED_CRLF = MISSING_CRLF + '   SCHEDMODE POLLING\r\n';

function leftovers(dir: string): string[] {
  return fs.readdirSync(dir).filter((n) => n.includes('.dsm-lint-'));
}

/** Makes a path unwritable for the run: an undo, and the uid to run dsm-lint as; undefined when this machine offers no way. */
function unwritable(p: string): { undo: () => void; uid?: number } | undefined {
  if (process.getuid?.() !== 0) {
    const mode = fs.statSync(p).mode;
    fs.chmodSync(p, fs.statSync(p).isDirectory() ? 0o555 : 0o444);
    return { undo: () => fs.chmodSync(p, mode) };
  }
  if (spawnSync('chattr', ['+i', p]).status === 0) return { undo: () => void spawnSync('chattr', ['-i', p]) };
  return undefined;
}

function unwritableOrNobody(t: TestContext, p: string, dir: string) {
  const how = unwritable(p);
  if (how) return how;
  // No chattr here: a user without privileges, on a folder without write bits.
  for (let d = dir; d !== path.dirname(d); d = path.dirname(d)) if (d.startsWith('/tmp/')) fs.chmodSync(d, 0o755);
  for (const f of fs.readdirSync(dir)) fs.chmodSync(path.join(dir, f), 0o644);
  if (p !== dir) fs.chmodSync(p, 0o444);
  fs.chmodSync(dir, 0o555);
  t.diagnostic('chattr is not available: running dsm-lint as nobody');
  return { undo: () => fs.chmodSync(dir, 0o755), uid: 65534 };
}

describe('dsm-lint --fix', () => {
  it('changes the fixed word and nothing else, prints what it changed, and exits by what remains', () => {
    const t = tree({ 'dsm.sys': PROMPTED_SYS });
    after(t.cleanup);
    const inode = fs.statSync(t.at('dsm.sys')).ino;
    const r = lint(['--fix', 'dsm.sys'], { cwd: t.dir });
    assert.equal(fs.readFileSync(t.at('dsm.sys'), 'utf8'), FIXED_SYS);
    assert.equal(r.status, 0, 'only a hint remains');
    assert.equal(
      r.stdout.split('\n')[0],
      'dsm.sys:7:23: fixed schedmode-prompted: Change SCHEDMODE to POLLING (then restart the scheduler)',
    );
    assert.match(r.stdout, /^dsm\.sys:8:1: hint hash-comment /m);
    assert.match(r.stdout, /1 fix applied in 1 file\.$/m);
    // Written as a new file renamed over the old one (atomic), with no temporary file left behind.
    assert.notEqual(fs.statSync(t.at('dsm.sys')).ino, inode);
    assert.deepEqual(leftovers(t.dir), []);
    const again = lint(['--fix', 'dsm.sys'], { cwd: t.dir });
    assert.doesNotMatch(again.stdout, /fixed/);
  });

  it("keeps CRLF line endings: the inserted line gets the file's own", () => {
    const t = tree({ 'dsm.sys': MISSING_CRLF });
    after(t.cleanup);
    lint(['--fix', 'dsm.sys'], { cwd: t.dir });
    assert.equal(fs.readFileSync(t.at('dsm.sys'), 'latin1'), FIXED_CRLF);
  });

  it('keeps a UTF-8 byte order mark, and reads the first line as the editor does', () => {
    const bom = Buffer.from([0xef, 0xbb, 0xbf]);
    const t = tree({
      'dsm.sys': Buffer.concat([bom, Buffer.from(PROMPTED_SYS.replace('* Bucky Backup, Enterprise\n', ''))]),
    });
    after(t.cleanup);
    const r = lint(['--fix', 'dsm.sys'], { cwd: t.dir });
    assert.doesNotMatch(r.stdout, /unknown-option/);
    assert.deepEqual(
      fs.readFileSync(t.at('dsm.sys')),
      Buffer.concat([bom, Buffer.from(FIXED_SYS.replace('* Bucky Backup, Enterprise\n', ''))]),
    );
  });

  it('keeps UTF-16 (little-endian, with its BOM) as UTF-16', () => {
    const utf16 = (s: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(s, 'utf16le')]);
    const t = tree({
      'dsm.opt': utf16(PROMPTED_SYS.replace('SErvername  bucky5\n', '').replace('é', 'é') + 'DOMain "/données"\n'),
    });
    after(t.cleanup);
    lint(['--fix', 'dsm.opt'], { cwd: t.dir });
    assert.deepEqual(
      fs.readFileSync(t.at('dsm.opt')),
      utf16(FIXED_SYS.replace('SErvername  bucky5\n', '') + 'DOMain "/données"\n'),
    );
  });

  it('checks a file that is not UTF-8, but refuses to rewrite it (exit 2) rather than risk its characters', () => {
    const latin1 = Buffer.from(PROMPTED_SYS + '   DOMain "/donn\xe9es"\n', 'latin1');
    const t = tree({ 'dsm.sys': latin1 });
    after(t.cleanup);
    const check = lint(['dsm.sys'], { cwd: t.dir });
    assert.match(check.stdout, /schedmode-prompted/);
    assert.match(check.stderr, /read as Latin-1/);
    const fix = lint(['--fix', 'dsm.sys'], { cwd: t.dir });
    assert.equal(fix.status, 2);
    assert.match(fix.stderr, /dsm\.sys: not fixed: it is not UTF-8/);
    assert.deepEqual(fs.readFileSync(t.at('dsm.sys')), latin1);
  });

  it('follows a symlink to its target and keeps the link', () => {
    const t = tree({ 'real/dsm.sys': PROMPTED_SYS });
    after(t.cleanup);
    fs.mkdirSync(t.at('etc'));
    fs.symlinkSync('../real/dsm.sys', t.at('etc/dsm.sys'));
    lint(['--fix', 'etc/dsm.sys'], { cwd: t.dir });
    assert.equal(fs.readlinkSync(t.at('etc/dsm.sys')), '../real/dsm.sys');
    assert.equal(fs.readFileSync(t.at('real/dsm.sys'), 'utf8'), FIXED_SYS);
    assert.deepEqual([...leftovers(t.at('etc')), ...leftovers(t.at('real'))], []);
  });

  it("keeps the file's mode and owner", () => {
    const t = tree({ 'dsm.sys': PROMPTED_SYS });
    after(t.cleanup);
    fs.chmodSync(t.at('dsm.sys'), 0o640);
    const root = process.getuid?.() === 0;
    if (root) fs.chownSync(t.at('dsm.sys'), 65534, 65534);
    lint(['--fix', 'dsm.sys'], { cwd: t.dir });
    const st = fs.statSync(t.at('dsm.sys'));
    assert.equal(fs.readFileSync(t.at('dsm.sys'), 'utf8'), FIXED_SYS);
    assert.equal(st.mode & 0o7777, 0o640);
    if (root) assert.deepEqual([st.uid, st.gid], [65534, 65534]);
  });

  it('leaves a file that cannot be written as it was, says why, exits 2, and fixes the others', (t) => {
    const tr = tree({ 'locked/dsm.sys': PROMPTED_SYS, 'open/dsm.sys': PROMPTED_SYS });
    after(tr.cleanup);
    const how = unwritable(tr.at('locked/dsm.sys'));
    if (!how) return t.skip('no way to make a file unwritable for root here (no chattr)');
    try {
      const r = lint(['--fix', 'locked', 'open'], { cwd: tr.dir });
      assert.equal(r.status, 2);
      assert.match(r.stderr, /^dsm-lint: locked\/dsm\.sys: not written: (operation not permitted|permission denied)/m);
      assert.equal(fs.readFileSync(tr.at('locked/dsm.sys'), 'utf8'), PROMPTED_SYS);
      assert.equal(fs.readFileSync(tr.at('open/dsm.sys'), 'utf8'), FIXED_SYS);
      assert.match(r.stdout, /^locked\/dsm\.sys:7:23: warning schedmode-prompted /m);
    } finally {
      how.undo();
    }
  });

  it('writes nothing in a folder where no temporary file can be made', (t) => {
    const tr = tree({ 'ro/dsm.sys': PROMPTED_SYS });
    after(tr.cleanup);
    const how = unwritableOrNobody(t, tr.at('ro'), tr.at('ro'));
    try {
      const r = lint(['--fix', 'ro/dsm.sys'], { cwd: tr.dir, uid: how.uid, gid: how.uid });
      assert.equal(r.status, 2, r.stderr);
      assert.match(
        r.stderr,
        /ro\/dsm\.sys: not written: (no temporary file can be made in its folder|permission denied)/,
      );
      assert.equal(fs.readFileSync(tr.at('ro/dsm.sys'), 'utf8'), PROMPTED_SYS);
      assert.deepEqual(leftovers(tr.at('ro')), []);
    } finally {
      how.undo();
    }
  });
});

describe('dsm-lint --fix with SESSIONINITIATION SERVERONLY', () => {
  const SERVERONLY_PROMPTED = [
    'SErvername  fw',
    '   TCPServeraddress   tsm.example.edu',
    '   SESSIONINITiation  SERVEROnly',
    '   SCHEDMODe          PROMPTED',
    '   PASSWORDAccess     generate',
    '   MANAGEDServices    schedule',
    '',
  ].join('\n');

  it('a SERVERONLY + PROMPTED stanza ends client-initiated and polling, with nothing left to report', () => {
    const t = tree({ 'dsm.sys': SERVERONLY_PROMPTED });
    after(t.cleanup);
    const before = lint(['dsm.sys'], { cwd: t.dir });
    assert.match(before.stdout, /serveronly-managedservices/);
    const r = lint(['--fix', 'dsm.sys'], { cwd: t.dir });
    assert.equal(
      fs.readFileSync(t.at('dsm.sys'), 'utf8'),
      SERVERONLY_PROMPTED.replace('SERVEROnly', 'CLIENT').replace('PROMPTED', 'POLLING'),
    );
    assert.equal(
      r.stdout.split('\n')[0],
      'dsm.sys:4:23: fixed schedmode-prompted: Change SCHEDMODE to POLLING and SESSIONINITIATION to CLIENT (then restart the scheduler)',
    );
    assert.equal(r.status, 0, r.stdout);
    assert.doesNotMatch(r.stdout, /warning|error/);
  });

  it('a SERVERONLY stanza without SCHEDMODE gets POLLING and CLIENT in one fix', () => {
    const text = SERVERONLY_PROMPTED.replace('   SCHEDMODe          PROMPTED\n', '');
    const t = tree({ 'dsm.sys': text });
    after(t.cleanup);
    const r = lint(['--fix', 'dsm.sys'], { cwd: t.dir });
    assert.equal(
      fs.readFileSync(t.at('dsm.sys'), 'utf8'),
      text.replace('SERVEROnly', 'CLIENT') + '   SCHEDMODE POLLING\n',
    );
    assert.match(
      r.stdout,
      /fixed schedmode-missing: Add SCHEDMODE POLLING to server stanza fw and change SESSIONINITIATION to CLIENT/,
    );
    assert.equal(r.status, 0, r.stdout);
  });
});

describe('the atomic write, between check and rename', () => {
  const t = tree({});
  after(t.cleanup);

  it('does not bring back a file that vanished meanwhile', () => {
    const file = t.at('vanishing.sys');
    fs.writeFileSync(file, PROMPTED_SYS);
    const original = fs.readFileSync(file);
    fs.rmSync(file);
    assert.throws(
      () => writeAtomic(file, original, Buffer.from(FIXED_SYS)),
      (e) => e instanceof WriteError && /no longer exists|vanished/.test(e.message),
    );
    assert.equal(fs.existsSync(file), false);
    assert.deepEqual(leftovers(t.dir), []);
  });

  it('does not write over a change made meanwhile', () => {
    const file = t.at('changing.sys');
    fs.writeFileSync(file, PROMPTED_SYS);
    const original = fs.readFileSync(file);
    fs.appendFileSync(file, '* added by someone else\n');
    assert.throws(
      () => writeAtomic(file, original, Buffer.from(FIXED_SYS)),
      (e) => e instanceof WriteError && /changed on disk/.test(e.message),
    );
    assert.equal(fs.readFileSync(file, 'utf8'), PROMPTED_SYS + '* added by someone else\n');
    assert.deepEqual(leftovers(t.dir), []);
  });
});

describe('dsm-lint --fix-dry-run (--diff)', () => {
  it('prints a unified diff that git apply turns into what --fix writes, and writes nothing', () => {
    const files = { 'a/dsm.sys': PROMPTED_SYS, 'b/dsm.sys': MISSING_CRLF, 'c/dsm.sys': GOOD_SYS };
    const dry = tree(files);
    const fixed = tree(files);
    after(() => (dry.cleanup(), fixed.cleanup()));
    const before = fs.statSync(dry.at('a/dsm.sys')).mtimeMs;
    const r = lint(['--diff', '.'], { cwd: dry.dir });
    assert.equal(r.status, 1, 'the files as they are still have the problems');
    assert.match(r.stdout, /^--- a\/a\/dsm\.sys\n\+\+\+ b\/a\/dsm\.sys\n@@ -4,5 \+4,5 @@\n/);
    assert.match(r.stderr, /2 fixes to apply in 2 files/);
    assert.equal(fs.readFileSync(dry.at('a/dsm.sys'), 'utf8'), PROMPTED_SYS);
    assert.equal(fs.statSync(dry.at('a/dsm.sys')).mtimeMs, before);
    const apply = spawnSync('git', ['apply', '-'], { cwd: dry.dir, input: r.stdout, encoding: 'utf8' });
    assert.equal(apply.status, 0, apply.stderr);
    lint(['--fix', '.'], { cwd: fixed.dir });
    for (const f of Object.keys(files)) assert.deepEqual(fs.readFileSync(dry.at(f)), fs.readFileSync(fixed.at(f)), f);
  });

  it('gives the diff in the json format too', () => {
    const t = tree({ 'dsm.sys': PROMPTED_SYS });
    after(t.cleanup);
    const [entry] = JSON.parse(lint(['--format', 'json', '--fix-dry-run', 'dsm.sys'], { cwd: t.dir }).stdout);
    assert.ok(entry.diff.includes('\n-   SCHEDMODe          PROMPTED\n+   SCHEDMODe          POLLING\n'), entry.diff);
    assert.equal(entry.changes[0].code, 'schedmode-prompted');
  });
});

describe('dsm-lint --fix-code', () => {
  it('applies the preferred fix of the codes named, or of all', () => {
    const t = tree({ 'one/dsm.sys': PROMPTED_SYS, 'all/dsm.sys': PROMPTED_SYS });
    after(t.cleanup);
    lint(['--fix', '--fix-code', 'hash-comment', 'one'], { cwd: t.dir });
    assert.equal(fs.readFileSync(t.at('one/dsm.sys'), 'utf8'), PROMPTED_SYS.replace('# a comment', '* a comment'));
    lint(['--fix', '--fix-code', 'all', 'all'], { cwd: t.dir });
    assert.equal(fs.readFileSync(t.at('all/dsm.sys'), 'utf8'), FIXED_SYS.replace('# a comment', '* a comment'));
  });
});

/** A stand-in for the language service that offers the fixes a test needs. */
function fakeService(fixesFor: (text: string) => { code: string; edits: TextEdit[] }[]): DsmLanguageService {
  return {
    parse: (text: string, uri: string) => ({ text, uri, lineCount: text.split('\n').length }),
    diagnostics: () => [],
    codeActions: (doc: { text: string; uri: string }) =>
      fixesFor(doc.text).map((f) => ({
        title: `fix ${f.code}`,
        isPreferred: true,
        diagnostics: [{ range: f.edits[0].range, code: f.code, message: '' }],
        edit: { changes: { [doc.uri]: f.edits } },
      })),
  } as unknown as DsmLanguageService;
}

describe('the fixer', () => {
  it('never applies two edits that touch in one pass: the later one waits for the next pass', () => {
    const service = fakeService((text) => {
      const fixes = [];
      if (text.startsWith('ab')) fixes.push({ code: 'x', edits: [TextEdit.replace(Range.create(0, 0, 0, 2), 'AB')] });
      if (text.slice(1, 3) === 'bc' || text.slice(1, 3) === 'Bc')
        fixes.push({ code: 'y', edits: [TextEdit.replace(Range.create(0, 1, 0, 3), 'XY')] });
      return fixes;
    });
    const out = fixText(service, 'abcd\n', 'file:///x', 'all');
    assert.deepEqual(
      out.changes.map((c) => c.code),
      ['x', 'y'],
    );
    assert.equal(out.text, 'AXYd\n');
    assert.equal(out.stable, true);
  });

  it(`stops after ${MAX_FIX_PASSES} passes when the fixes never settle, and says so`, () => {
    let n = 0;
    const service = fakeService(() => [
      { code: 'z', edits: [TextEdit.insert({ line: 0, character: 0 }, String(n++ % 10))] },
    ]);
    const out = fixText(service, 'a\n', 'file:///x', 'all');
    assert.equal(out.stable, false);
    assert.equal(out.changes.length, MAX_FIX_PASSES);
  });
});
