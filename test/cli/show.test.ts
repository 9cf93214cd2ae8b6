/** dsm-lint show: every option in effect, as text like dsmc query options and as JSON, for a dsm.sys stanza, a UNIX dsm.opt with the dsm.sys beside it, and a Windows dsm.opt. */
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { lint, tree } from './helpers';

const SYS = [
  'DEFAULTServer  second',
  'SErvername  first',
  '   TCPServeraddress   bucky5.doit.wisc.edu',
  '   SCHEDMODe          PROMPTED',
  'SErvername  second',
  '   TCPServeraddress   bl1.doit.wisc.edu',
  '   TCPPort            1501',
  '   QUERYSCHedperiod   6',
  '',
].join('\n');

describe('dsm-lint show', () => {
  it('prints the DEFAULTServer stanza of a dsm.sys as NAME: value lines, each with its line and the server command that can override it', () => {
    const t = tree({ 'etc/dsm.sys': SYS });
    try {
      const r = lint(['show', 'etc/dsm.sys'], { cwd: t.dir });
      assert.equal(r.status, 0, r.stderr);
      assert.equal(
        r.stdout,
        [
          'Effective options: stanza second of dsm.sys',
          '',
          'From etc/dsm.sys:',
          '      SERVERNAME: second                            line 5',
          'TCPSERVERADDRESS: bl1.doit.wisc.edu                 line 6',
          '         TCPPORT: 1501                              line 7',
          'QUERYSCHEDPERIOD: 6                                 line 8; server: SET QUERYSCHEDPERIOD',
          '',
          "Not known here: the server's client option sets (DEFINE CLIENTOPT ... FORCE=YES) and options given on the command line, which come before the files.",
          '',
        ].join('\n'),
      );
    } finally {
      t.cleanup();
    }
  });

  it('--stanza and --defaults: the stanza named, then the defaults of what nothing sets, in a group of their own', () => {
    const t = tree({ 'dsm.sys': SYS });
    try {
      const r = lint(['show', '--stanza', 'FIRST', '--defaults', 'dsm.sys'], { cwd: t.dir });
      assert.equal(r.status, 0, r.stderr);
      assert.match(r.stdout, /^Effective options: stanza first of dsm\.sys$/m);
      assert.match(r.stdout, /^ +SCHEDMODE: PROMPTED +line 4; server: SET SCHEDMODES$/m);
      const defaults = r.stdout.slice(r.stdout.indexOf('Defaults of the option table'));
      assert.match(defaults, /^ +TCPPORT: 1500$/m);
      assert.doesNotMatch(defaults, /SCHEDMODE/);
    } finally {
      t.cleanup();
    }
  });

  it('--format json: the array of { name, value, source, serverOverride? } that dsm.effectiveOptions answers', () => {
    const t = tree({ 'dsm.sys': SYS });
    try {
      const r = lint(['show', '--format', 'json', 'dsm.sys'], { cwd: t.dir });
      assert.equal(r.status, 0, r.stderr);
      const uri = pathToFileURL(t.at('dsm.sys')).href;
      assert.deepEqual(JSON.parse(r.stdout)[3], {
        name: 'QUERYSCHedperiod',
        value: '6',
        source: { uri, line: 7 },
        serverOverride: 'SET QUERYSCHEDPERIOD',
      });
    } finally {
      t.cleanup();
    }
  });

  it('a UNIX dsm.opt: read with the stanza it selects in the dsm.sys beside it; without one, alone, and it says so', () => {
    const t = tree({
      'a/dsm.sys': SYS,
      'a/dsm.opt': 'SErvername first\nDOMain /home\n',
      'b/dsm.opt': 'SErvername first\nDOMain /home\n',
    });
    try {
      const r = lint(['show', 'a/dsm.opt'], { cwd: t.dir });
      assert.equal(r.status, 0, r.stderr);
      assert.match(r.stdout, /^Effective options: dsm\.opt with stanza first of dsm\.sys$/m);
      assert.match(
        r.stdout,
        /From a\/dsm\.sys:\n +SERVERNAME: first +line 2\nTCPSERVERADDRESS: bucky5\.doit\.wisc\.edu +line 3\n +SCHEDMODE: PROMPTED +line 4; server: SET SCHEDMODES\n\nFrom a\/dsm\.opt:\n +DOMAIN: \/home +line 2\n/,
      );
      const alone = lint(['show', 'b/dsm.opt'], { cwd: t.dir });
      assert.equal(alone.status, 0, alone.stderr);
      assert.match(alone.stdout, /^Note: The dsm\.sys beside this file could not be read/m);
    } finally {
      t.cleanup();
    }
  });

  it('a Windows dsm.opt: its own options', () => {
    const t = tree({
      'dsm.opt': 'TCPServeraddress bucky5.doit.wisc.edu\nTCPPort 1503\nPASSWORDAccess generate\nSCHEDMODe POLLING\n',
    });
    try {
      const r = lint(['show', 'dsm.opt'], { cwd: t.dir });
      assert.equal(r.status, 0, r.stderr);
      assert.match(r.stdout, /^Effective options: dsm\.opt\n\nFrom dsm\.opt:\n/);
      assert.match(r.stdout, /^ +SCHEDMODE: POLLING +line 4; server: SET SCHEDMODES$/m);
    } finally {
      t.cleanup();
    }
  });

  it('bad usage and unreadable files exit 2 with a sentence', () => {
    const t = tree({ 'dsm.sys': SYS });
    try {
      const cases: [string[], RegExp][] = [
        [['show'], /name one dsm\.sys or dsm\.opt/],
        [['show', '--format', 'sarif', 'dsm.sys'], /--format must be one of text, json/],
        [['show', '--stanza', 'nope', 'dsm.sys'], /No stanza named nope in dsm\.sys\. Stanzas: first, second\./],
        [['show', 'missing.sys'], /missing\.sys: cannot read it/],
        [['show', '--bogus', 'dsm.sys'], /unknown option --bogus/],
      ];
      for (const [args, message] of cases) {
        const r = lint(args, { cwd: t.dir });
        assert.equal(r.status, 2, args.join(' '));
        assert.match(r.stderr, message);
        assert.equal(r.stdout, '');
      }
      assert.match(lint(['show', '--help'], { cwd: t.dir }).stdout, /^Usage: dsm-lint show/);
    } finally {
      t.cleanup();
    }
  });
});
