/**
 * dsm-lint as a user runs it: which files it checks, what it prints, how it
 * exits (0 / 1 / 2), and every flag but the fixing ones (fix.test.ts) and
 * the formats (formats.test.ts).
 */
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { GOOD_SYS, PROMPTED_SYS, ROOT, lint, problemLines, tree } from './helpers';
import { jobsFor, parseCommandLine } from '../../server/src/cli/args';
import { version } from '../../package.json';

const OPT_SELECTING = (name: string) => `SErvername ${name}\n`;

describe('dsm-lint: what it checks', () => {
  const t = tree({
    'fleet/web/dsm.sys': PROMPTED_SYS,
    'fleet/web/dsm.opt': OPT_SELECTING('nosuch'),
    'fleet/db/dsm.sys': GOOD_SYS,
    'fleet/db/dsm_nightly.opt': OPT_SELECTING('bucky5'),
    'fleet/db/notes.txt': 'SCHEDMODE PROMPTED\n',
    'fleet/samples/dsm.sys.smp': PROMPTED_SYS,
    'fleet/node_modules/pkg/dsm.sys': PROMPTED_SYS,
    'fleet/.git/dsm.sys': PROMPTED_SYS,
    'elsewhere/dsm.sys': PROMPTED_SYS,
    'ansible-tmp-1234/source': PROMPTED_SYS,
  });
  after(t.cleanup);

  it('walks a folder for the files recognised by name, in name order, skipping node_modules and .git', () => {
    const r = lint(['fleet'], { cwd: t.dir });
    assert.equal(r.status, 1, r.stderr);
    const files = [...new Set(problemLines(r.stdout).map((l) => l.split(':')[0]))];
    assert.deepEqual(files, ['fleet/samples/dsm.sys.smp', 'fleet/web/dsm.opt', 'fleet/web/dsm.sys']);
    assert.match(r.stdout, /^dsm-lint: 5 files checked, 5 problems \(3 warnings, 2 hints\)\.$/m);
  });

  it('follows a link to a file but not a link to a folder (no loops)', () => {
    fs.symlinkSync(t.at('elsewhere'), t.at('fleet/linked-folder'));
    fs.symlinkSync(t.at('elsewhere/dsm.sys'), t.at('fleet/dsm-linked.sys'));
    try {
      const files = new Set(problemLines(lint(['fleet'], { cwd: t.dir }).stdout).map((l) => l.split(':')[0]));
      assert.ok(files.has('fleet/dsm-linked.sys'));
      assert.ok(![...files].some((f) => f.startsWith('fleet/linked-folder')));
    } finally {
      fs.rmSync(t.at('fleet/linked-folder'));
      fs.rmSync(t.at('fleet/dsm-linked.sys'));
    }
  });

  it('checks a file named on the command line whatever its name; --by-name skips it unless recognised', () => {
    const named = lint(['fleet/db/notes.txt'], { cwd: t.dir });
    assert.equal(problemLines(named.stdout).length, 1, named.stdout);
    const byName = lint(['--by-name', 'fleet/db/notes.txt', 'fleet/web/dsm.sys'], { cwd: t.dir });
    assert.deepEqual([...new Set(problemLines(byName.stdout).map((l) => l.split(':')[0]))], ['fleet/web/dsm.sys']);
  });

  it('checks a dsm.opt against the dsm.sys beside it, or the one given with --sys', () => {
    const beside = lint(['fleet/web/dsm.opt', 'fleet/db/dsm_nightly.opt'], { cwd: t.dir });
    assert.deepEqual(problemLines(beside.stdout), [
      'fleet/web/dsm.opt:1:12: warning unknown-server No server stanza named nosuch in the dsm.sys beside this file. Stanzas: bucky5.',
    ]);
    const other = tree({ 'dsm.sys': 'SErvername nosuch\n   SCHEDMODE POLLING\n' });
    after(other.cleanup);
    const withSys = lint(['--sys', other.at('dsm.sys'), 'fleet/web/dsm.opt', 'fleet/db/dsm_nightly.opt'], {
      cwd: t.dir,
    });
    const lines = problemLines(withSys.stdout);
    assert.equal(lines.length, 1, withSys.stdout);
    assert.match(
      lines[0],
      /^fleet\/db\/dsm_nightly\.opt:1:12: warning unknown-server No server stanza named bucky5 .*Stanzas: nosuch\.$/,
    );
    assert.equal(lint(['--sys', 'no/such/dsm.sys', 'fleet'], { cwd: t.dir }).status, 2);
  });

  it('--kind reads a file of another name as that kind (Ansible validates a temporary file)', () => {
    const guessed = lint(['ansible-tmp-1234/source'], { cwd: t.dir });
    const forced = lint(['--kind', 'sys', 'ansible-tmp-1234/source'], { cwd: t.dir });
    assert.equal(forced.status, 1);
    assert.ok(problemLines(forced.stdout).some((l) => l.includes('schedmode-prompted')));
    // As a UNIX dsm.opt (the name says nothing; content decides), SCHEDMODE belongs elsewhere.
    const asUnixOpt = lint(['--kind', 'opt-unix', 'ansible-tmp-1234/source'], { cwd: t.dir });
    assert.ok(
      problemLines(asUnixOpt.stdout).some((l) => l.includes('wrong-file')),
      asUnixOpt.stdout,
    );
    assert.ok(problemLines(guessed.stdout).some((l) => l.includes('schedmode-prompted')));
    const asName = lint(['--kind', 'dsm.sys.smp', 'ansible-tmp-1234/source'], { cwd: t.dir });
    assert.deepEqual(problemLines(asName.stdout), problemLines(forced.stdout));
  });

  it('walks templates and include-exclude files by their names, and --kind inclexcl reads any file as one', () => {
    const fleet = tree({
      'roles/tsm/templates/dsm.sys.j2':
        'SErvername {{ tsm_server }}\n   TCPServeraddress {{ tsm_address }}\n{% if prompted %}\n   SCHEDMODE PROMPTED\n{% endif %}\n',
      'roles/tsm/files/tsm.exclude': 'EXCLUDE /data/my dir/*\n',
      'roles/tsm/files/notes.txt': 'EXCLUDE /x y/*\n',
    });
    after(fleet.cleanup);
    const walked = lint(['roles'], { cwd: fleet.dir });
    assert.deepEqual(
      problemLines(walked.stdout).map((l) => l.split(' ').slice(0, 3).join(' ')),
      [
        'roles/tsm/files/tsm.exclude:1:9: error pattern-blank-unquoted',
        'roles/tsm/templates/dsm.sys.j2:4:14: warning schedmode-prompted',
        // SCHEDMODE is set in one branch only: what the template renders decides, so information.
        'roles/tsm/templates/dsm.sys.j2:1:1: information schedmode-missing',
      ],
    );
    const forced = lint(['--kind', 'inclexcl', 'roles/tsm/files/notes.txt'], { cwd: fleet.dir });
    assert.match(forced.stdout, /notes\.txt:1:9: error pattern-blank-unquoted/);
  });

  it('reads standard input with -, named by --stdin-filename', () => {
    const r = lint(['-'], { cwd: t.dir, input: PROMPTED_SYS });
    assert.equal(r.status, 1);
    assert.match(problemLines(r.stdout)[0], /^<stdin>:7:23: warning schedmode-prompted /);
    const named = lint(['--stdin-filename', 'fleet/web/dsm.opt', '-'], { cwd: t.dir, input: OPT_SELECTING('nosuch') });
    assert.match(
      problemLines(named.stdout)[0],
      /^fleet\/web\/dsm\.opt:1:12: warning unknown-server .*Stanzas: bucky5\.$/,
    );
  });

  it('says when a folder holds no option file, and exits 0', () => {
    fs.mkdirSync(t.at('empty'), { recursive: true });
    const r = lint(['empty'], { cwd: t.dir });
    assert.equal(r.status, 0);
    assert.match(r.stderr, /no option file found/);
  });
});

describe('dsm-lint: exit status', () => {
  const t = tree({
    'prompted/dsm.sys': PROMPTED_SYS,
    'good/dsm.sys': GOOD_SYS,
    'hints/dsm.sys': GOOD_SYS + '# hash\n',
  });
  after(t.cleanup);

  it('0 when nothing reaches --fail-on (default warning), 1 when something does', () => {
    assert.equal(lint(['good'], { cwd: t.dir }).status, 0);
    assert.equal(lint(['hints'], { cwd: t.dir }).status, 0);
    assert.equal(lint(['prompted'], { cwd: t.dir }).status, 1);
    assert.equal(lint(['--fail-on', 'error', 'prompted'], { cwd: t.dir }).status, 0);
    assert.equal(lint(['--fail-on', 'hint', 'hints'], { cwd: t.dir }).status, 1);
    assert.equal(lint(['--fail-on', 'information', 'hints'], { cwd: t.dir }).status, 0);
  });

  it('2 on bad usage, with a clear message', () => {
    for (const [args, message] of [
      [['--bogus', 'good'], /unknown option --bogus/],
      [['--format', 'xml', 'good'], /--format must be one of text, json, sarif, github \(not "xml"\)/],
      [['--fail-on', 'fatal', 'good'], /--fail-on must be one of error, warning, information, hint/],
      [['--kind', 'yaml', 'good'], /--kind yaml is no kind the checker knows/],
      [['--jobs', '0', 'good'], /--jobs takes a number from 1 to 999/],
      [['--fix', '--diff', 'good'], /exclude each other/],
      [['--fix', '-'], /--fix cannot write standard input back/],
      [['--fix-code', 'all', 'good'], /--fix-code goes with --fix/],
      [['--diff', '--format', 'sarif', 'good'], /use it with --format text or json/],
      [[], /no file or folder given/],
    ] as [string[], RegExp][]) {
      const r = lint(args, { cwd: t.dir });
      assert.equal(r.status, 2, args.join(' '));
      assert.match(r.stderr, message, args.join(' '));
      assert.equal(r.stdout, '', args.join(' '));
    }
  });

  it('2 on an unreadable file, and the other files are still checked', () => {
    const r = lint(['no/such/dsm.sys', 'prompted', 'good/dsm.sys'], { cwd: t.dir });
    assert.equal(r.status, 2);
    assert.match(r.stderr, /^dsm-lint: no\/such\/dsm\.sys: cannot read it: no such file or folder\.$/m);
    assert.equal(problemLines(r.stdout).filter((l) => l.includes('schedmode-prompted')).length, 1);
    assert.match(r.stdout, /3 files checked.*1 file could not be checked\./);
  });

  it('2 on a binary file named on the command line; in a folder, other *.sys files are passed over, and a binary dsm file is skipped with a note', () => {
    const binary = Buffer.from([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00]);
    const bin = tree({ 'drivers/tcpip.sys': binary, 'drivers/dsm.opt': binary });
    after(bin.cleanup);
    const named = lint([bin.at('drivers/tcpip.sys')], { cwd: t.dir });
    assert.equal(named.status, 2);
    assert.match(named.stderr, /NUL bytes/);
    const walked = lint([bin.at('drivers')], { cwd: t.dir });
    assert.equal(walked.status, 0);
    assert.doesNotMatch(walked.stderr + walked.stdout, /tcpip/);
    assert.match(walked.stderr, /dsm\.opt.*not checked: it holds NUL bytes/);
  });
});

describe('dsm-lint: settings (--config) and suppression comments', () => {
  const t = tree({ 'dsm.sys': PROMPTED_SYS });
  after(t.cleanup);
  const config = (name: string, json: string) => (fs.writeFileSync(t.at(name), json), name);

  it('takes the dsm.* settings, nested, dotted or with their full names', () => {
    for (const json of [
      '{"severity": {"hash-comment": "off", "schedmode-prompted": "error"}}',
      '{"dsm.severity": {"hash-comment": "off", "schedmode-prompted": "error"}}',
      '{"dsm": {"severity": {"hash-comment": "off", "schedmode-prompted": "error"}}}',
    ]) {
      const r = lint(['--config', config('c.json', json), 'dsm.sys'], { cwd: t.dir });
      assert.deepEqual(
        problemLines(r.stdout).map((l) => l.split(' ').slice(0, 3).join(' ')),
        ['dsm.sys:7:23: error schedmode-prompted'],
        json,
      );
      assert.equal(r.status, 1);
    }
    const known = lint(['--config', config('k.json', '{"dsm.knownOptions": ["MYSITEOPTion"]}'), '-'], {
      cwd: t.dir,
      input: GOOD_SYS + '   mysiteopt 1\n',
    });
    assert.equal(known.status, 0, known.stdout);
  });

  it("takes a catalog server's schedmodes (its SET SCHEDMODES): a stanza that cannot work with it is flagged", () => {
    const servers = (mode: string) =>
      config(
        `s-${mode}.json`,
        JSON.stringify({
          serverCatalog: { servers: [{ address: 'bucky5.doit.wisc.edu', port: 1503, schedmodes: mode }] },
        }),
      );
    const codes = (stdout: string) => problemLines(stdout).map((l) => l.split(' ').slice(0, 3).join(' '));
    const polling = lint(['--config', servers('polling'), 'dsm.sys'], { cwd: t.dir });
    assert.deepEqual(codes(polling.stdout), [
      'dsm.sys:7:23: warning schedmode-prompted',
      'dsm.sys:8:1: hint hash-comment',
      'dsm.sys:7:23: warning schedmode-server-mismatch',
    ]);
    assert.match(polling.stdout, /bucky5\.doit\.wisc\.edu is set to accept only POLLING schedules/);
    // A server that takes only prompted schedulers: PROMPTED is right for it, and the usual advice to poll is not given.
    const prompted = lint(['--config', servers('prompted'), 'dsm.sys'], { cwd: t.dir });
    assert.deepEqual(codes(prompted.stdout), ['dsm.sys:8:1: hint hash-comment']);
    assert.equal(prompted.status, 0);
    const bad = lint(['--config', servers('sometimes'), 'dsm.sys'], { cwd: t.dir });
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /schedmodes must be one of "any", "polling", "prompted"/);
  });

  it('reports a bad value, uses its default, checks everything, and exits 2', () => {
    const r = lint(['--config', config('bad.json', '{"severity": {"hash-comment": "loud"}}'), 'dsm.sys'], {
      cwd: t.dir,
    });
    assert.equal(r.status, 2);
    assert.match(r.stderr, /--config bad\.json: .*hash-comment/);
    assert.equal(problemLines(r.stdout).length, 2);
  });

  it('stops with 2 on a config file that is missing or not JSON', () => {
    assert.match(
      lint(['--config', 'none.json', 'dsm.sys'], { cwd: t.dir }).stderr,
      /--config none\.json: cannot read it/,
    );
    const r = lint(['--config', config('broken.json', '{severity:'), 'dsm.sys'], { cwd: t.dir });
    assert.equal(r.status, 2);
    assert.match(r.stderr, /not valid JSON/);
    assert.equal(r.stdout, '');
  });

  it('honours * dsm-disable-next-line as the editor does', () => {
    const text = PROMPTED_SYS.replace('   SCHEDMODe', '   * dsm-disable-next-line schedmode-prompted\n   SCHEDMODe');
    const r = lint(['--stdin-filename', 'dsm.sys', '-'], { cwd: t.dir, input: text });
    assert.deepEqual(
      problemLines(r.stdout).map((l) => l.split(' ')[2]),
      ['hash-comment'],
    );
    assert.equal(r.status, 0);
  });
});

describe('dsm-lint: output control', () => {
  const t = tree({ 'dsm.sys': PROMPTED_SYS });
  after(t.cleanup);

  it('--quiet reports only what reaches --fail-on, and no summary', () => {
    const r = lint(['--quiet', 'dsm.sys'], { cwd: t.dir });
    assert.deepEqual(
      problemLines(r.stdout).map((l) => l.split(' ')[2]),
      ['schedmode-prompted'],
    );
    assert.equal(r.stdout.split('\n').filter(Boolean).length, 1);
    assert.equal(lint(['-q', 'dsm.sys', '--fail-on', 'error'], { cwd: t.dir }).stdout, '');
  });

  it('piped, prints only the results; --progress draws a progress line on stderr', () => {
    const piped = lint(['dsm.sys'], { cwd: t.dir });
    assert.doesNotMatch(piped.stderr, /\r/);
    const forced = lint(['--progress', 'dsm.sys'], { cwd: t.dir });
    assert.ok(forced.stderr.includes('\r\x1b[Kdsm-lint: 1 files checked, now dsm.sys'), JSON.stringify(forced.stderr));
    assert.equal(forced.stdout, piped.stdout);
    assert.doesNotMatch(lint(['--no-progress', 'dsm.sys'], { cwd: t.dir }).stderr, /\r/);
  });

  it('--version and --help', () => {
    assert.equal(lint(['--version'], { cwd: t.dir }).stdout, `dsm-lint ${version}\n`);
    const help = lint(['--help'], { cwd: t.dir });
    assert.equal(help.status, 0);
    for (const flag of [
      '--format',
      '--fail-on',
      '--kind',
      '--config',
      '--sys',
      '--fix',
      '--fix-code',
      '--fix-dry-run',
      '--diff',
      '--stdin-filename',
      '--by-name',
      '--jobs',
      '--quiet',
      '--progress',
    ]) {
      assert.ok(help.stdout.includes(flag), flag);
    }
  });
});

describe('dsm-lint: --jobs', () => {
  // Enough files for the worker threads to start (run.ts THREADS_FROM).
  const files: Record<string, string> = {};
  for (let i = 0; i < 1100; i++)
    files[`host${String(i).padStart(4, '0')}/dsm.sys`] =
      i % 7 === 0 ? PROMPTED_SYS : i % 11 === 0 ? 'garbage line\n' : GOOD_SYS;
  const t = tree(files);
  after(t.cleanup);

  it('gives the same output, in the same order, on one thread and on several', () => {
    const threads = (n: string) => {
      const log = t.at(`threads-${n}.log`);
      return {
        env: {
          NODE_OPTIONS: `--require ${path.join(ROOT, 'test', 'cli', 'count-threads.cjs')}`,
          DSM_TEST_THREADS: log,
        },
        count: () => (fs.existsSync(log) ? fs.readFileSync(log, 'utf8').split('\n').filter(Boolean).length : 0),
      };
    };
    const [oneThread, threeThreads] = [threads('1'), threads('3')];
    const one = lint(['--jobs', '1', '.'], { cwd: t.dir, env: oneThread.env });
    const three = lint(['-j', '3', '.'], { cwd: t.dir, env: threeThreads.env });
    // --jobs n: this thread and n - 1 workers.
    assert.equal(oneThread.count(), 0);
    assert.equal(threeThreads.count(), 2);
    const json = lint(['-j', '2', '--format', 'json', '.'], { cwd: t.dir });
    assert.equal(one.status, 1);
    assert.equal(three.stdout, one.stdout);
    assert.equal(three.status, one.status);
    assert.match(one.stdout, /1100 files checked/);
    const order = (JSON.parse(json.stdout) as { file: string }[]).map((f) => f.file);
    assert.deepEqual(order, [...order].sort());
    assert.equal(order.length, 1100);
  });
});

describe('dsm-lint: the command line, read', () => {
  it('reads every flag, in both spellings', () => {
    const p = parseCommandLine([
      '-f',
      'json',
      '--fail-on=hint',
      '--kind',
      'opt',
      '-c',
      'x.json',
      '--sys',
      's',
      '--diff',
      '--fix-code',
      'a,b',
      '--fix-code',
      'c',
      '--stdin-filename',
      'n',
      '--by-name',
      '-j',
      '4',
      '-q',
      '--no-progress',
      '--report-unused-disable',
      'a',
      '-',
    ]);
    assert.equal(p.kind, 'run');
    if (p.kind !== 'run') return;
    assert.deepEqual(p.options, {
      inputs: ['a', '-'],
      stdinFilename: 'n',
      kind: 'opt',
      format: 'json',
      failOn: 'hint',
      fix: 'diff',
      fixCodes: ['a', 'b', 'c'],
      config: 'x.json',
      sys: 's',
      jobs: 4,
      quiet: true,
      byName: true,
      progress: false,
      lint: { inlineDisable: true, reportUnusedDisable: true },
    });
    assert.deepEqual((parseCommandLine(['--no-inline-disable', 'a']) as { options: { lint: unknown } }).options.lint, {
      inlineDisable: false,
      reportUnusedDisable: false,
    });
    assert.equal(
      (parseCommandLine(['--fix', '--fix-code', 'x,all', 'a']) as { options: { fixCodes: unknown } }).options.fixCodes,
      'all',
    );
    assert.equal(parseCommandLine(['-h']).kind, 'help');
    assert.equal(parseCommandLine(['-v']).kind, 'version');
  });

  it('defaults: text, warning, check only, the fix-all set, one job per core', () => {
    const p = parseCommandLine(['.']);
    assert.ok(p.kind === 'run');
    if (p.kind !== 'run') return;
    assert.equal(p.options.format, 'text');
    assert.equal(p.options.failOn, 'warning');
    assert.equal(p.options.fix, 'none');
    assert.equal(p.options.fixCodes, undefined);
    assert.deepEqual(p.options.lint, { inlineDisable: true, reportUnusedDisable: false });
    assert.ok(p.options.jobs >= 1);
  });

  it('--jobs by default: one thread per idle core, at least one', () => {
    assert.equal(jobsFor(2, 0), 2);
    assert.equal(jobsFor(2, 0.9), 2);
    assert.equal(jobsFor(2, 1.2), 1);
    assert.equal(jobsFor(2, 9), 1);
    assert.equal(jobsFor(8, 2.5), 6);
    assert.equal(jobsFor(1, 0), 1);
  });
});
