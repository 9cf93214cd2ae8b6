/** Windows option files read right: layout detection, SErvername there, SSL placement, and paths with blanks. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { CodeActionKind } from 'vscode-languageserver-types';
import { analyze, applyEdits, service, textAt } from './helpers';

const OPT = 'file:///C%3A/tsm/dsm.opt';
const UNIX_OPT = 'file:///opt/tivoli/tsm/client/ba/bin/dsm.opt';
const SYS = 'file:///etc/dsm.sys';

/** A Windows dsm.opt as a public set-up guide writes it: SErvername first, then the connection. */
const GUIDE = [
  '* Backup-archive client options',
  'SErvername        TSMSRV1',
  'TCPServeraddress  tsm1.example.edu',
  'TCPPort           1500',
  'NODename          WIN-FS01',
  'PASSWORDAccess    generate',
  'COMPRESSION       yes',
  'SCHEDMODe         POLLING',
  'SCHEDLOGName      "C:\\Program Files\\Tivoli\\TSM\\baclient\\dsmsched.log"',
  'SCHEDLOGRetention 7 D',
  'SSLREQUIRED       yes',
  'SSLFIPSMODE       no',
  '',
].join('\n');

function codes(text: string, uri: string, settings?: unknown): [string, string, number][] {
  const { doc, svc } = analyze(text, uri, service(settings));
  return svc.diagnostics(doc).map((d) => [String(d.code), textAt(text, d.range), d.range.start.line]);
}

describe('Windows layout detection', () => {
  it('reads a dsm.opt with a Windows path as a Windows file, even with SErvername in it; only SErvername is flagged', () => {
    const { doc } = analyze(GUIDE, OPT);
    assert.equal(doc.fileKind, 'opt-windows');
    assert.deepEqual(codes(GUIDE, OPT), [['wrong-file', 'SErvername', 1]]);
  });

  it('says why the file reads as Windows, and how to say otherwise', () => {
    const { doc, svc } = analyze(GUIDE, OPT);
    const d = svc.diagnostics(doc)[0];
    assert.match(String(d.message), /UNIX, Linux and Mac clients only/);
    assert.match(String(d.message), /line 9 has the Windows path C:\\Program Files/);
    assert.match(String(d.message), /dsm\.optionsFileLayout/);
  });

  it('offers to remove the SErvername line, not as the preferred fix', () => {
    const { doc, svc } = analyze(GUIDE, OPT);
    const d = svc.diagnostics(doc)[0];
    const actions = svc.codeActions(doc, d.range, { diagnostics: [d], only: [CodeActionKind.QuickFix] });
    const remove = actions.find((a) => /Remove this SErvername line/.test(a.title));
    assert.ok(remove);
    assert.notEqual(remove.isPreferred, true);
    assert.equal(applyEdits(GUIDE, remove.edit!.changes![OPT]), GUIDE.replace('SErvername        TSMSRV1\n', ''));
  });

  for (const [what, line] of [
    ['a drive letter alone (DOMain C: D:)', 'DOMain C: D:'],
    ['a UNC path', 'ERRORLOGName \\\\fileserver\\logs\\dsmerror.log'],
    ['a pattern over every drive', 'EXCLUDE "*:\\...\\Temp\\*"'],
    ['a forward-slash drive path', 'INCLExcl c:/tsm/inclexcl.txt'],
  ] as const) {
    it(`sees ${what}`, () => {
      assert.equal(analyze(`SErvername a\n${line}\n`, OPT).doc.fileKind, 'opt-windows');
    });
  }

  it('sees a header comment that names Windows, but not the word further down or inside a value', () => {
    assert.equal(analyze('* dsm.opt for the Windows file servers\nSErvername a\n', OPT).doc.fileKind, 'opt-windows');
    assert.equal(analyze('SErvername a\n* not for windows\n', UNIX_OPT).doc.fileKind, 'opt-unix');
    assert.equal(analyze('SErvername a\nDOMain /windows\n', UNIX_OPT).doc.fileKind, 'opt-unix');
  });

  it('does not take host names, IPv6 addresses or UNIX paths for Windows paths', () => {
    for (const line of [
      'TCPServeraddress a:b::1',
      'DOMain /home /data',
      'ERRORLOGName /var/log/dsmerror.log',
      'NODename c:',
    ]) {
      assert.equal(analyze(`SErvername a\n${line}\n`, UNIX_OPT).doc.fileKind, 'opt-unix', line);
    }
  });

  it('keeps a UNIX dsm.opt that selects a stanza a UNIX file, and the layout setting above everything', () => {
    assert.equal(analyze('SErvername a\nDOMain /home\n', UNIX_OPT).doc.fileKind, 'opt-unix');
    assert.equal(analyze(GUIDE, OPT, service({ optionsFileLayout: 'unix' })).doc.fileKind, 'opt-unix');
    assert.equal(
      analyze('SErvername a\n', UNIX_OPT, service({ optionsFileLayout: 'windows' })).doc.fileKind,
      'opt-windows',
    );
  });

  it('an untitled buffer with stanzas is a dsm.sys, unless it was written for Windows', () => {
    assert.equal(analyze('SErvername a\n  TCPPort 1500\n', 'untitled:Untitled-1').doc.fileKind, 'sys');
    assert.equal(analyze(GUIDE, 'untitled:Untitled-1').doc.fileKind, 'opt-windows');
  });

  it('the layout follows an edit that adds or removes the Windows path', () => {
    const svc = service();
    const unix = 'SErvername a\nERRORLOGName /tmp/e.log\n';
    const doc = svc.parse(unix, UNIX_OPT);
    assert.equal(doc.fileKind, 'opt-unix');
    const windows = unix.replace('/tmp/e.log', 'C:\\tmp\\e.log');
    assert.equal(svc.reparse(doc, windows, new Map([[1, unix.indexOf('ERRORLOGName')]])).fileKind, 'opt-windows');
  });
});

describe('SSLREQuired and SSLFIPSMODE placement (IBM: "the client options file")', () => {
  it('are accepted in a dsm.sys stanza, a UNIX dsm.opt and a Windows dsm.opt', () => {
    for (const [text, uri] of [
      ['SErvername a\n  SCHEDMODE POLLING\n  SSLREQuired yes\n  SSLFIPSMODE no\n', SYS],
      ['SErvername a\nSSLREQuired yes\nSSLFIPSMODE no\n', UNIX_OPT],
      ['NODename w\nSCHEDMODE POLLING\nSSLREQuired yes\nSSLFIPSMODE no\n', OPT],
    ] as const) {
      assert.deepEqual(codes(text, uri), [], `${uri}:\n${text}`);
    }
  });

  it('but not before the first stanza of dsm.sys', () => {
    assert.deepEqual(codes('SSLREQuired yes\nSErvername a\n  SCHEDMODE POLLING\n', SYS), [
      ['option-outside-stanza', 'SSLREQuired', 0],
    ]);
  });
});

describe('path-needs-quotes', () => {
  const quoted = (text: string, uri = OPT) => {
    const { doc, svc } = analyze(text, uri);
    const d = svc.diagnostics(doc).filter((x) => x.code === 'path-needs-quotes');
    return { doc, svc, d };
  };

  it('flags ERRORLOGName C:\\Program Files\\... unquoted, over the whole path, and quotes it byte for byte', () => {
    const text = 'NODename w\nSCHEDMODE POLLING\nERRORLOGName C:\\Program Files\\Tivoli\\TSM\\baclient\\dsmerror.log\n';
    const { doc, svc, d } = quoted(text);
    assert.equal(d.length, 1);
    assert.equal(d[0].severity, 2);
    assert.equal(d[0].source, 'dsm');
    assert.equal(textAt(text, d[0].range), 'C:\\Program Files\\Tivoli\\TSM\\baclient\\dsmerror.log');
    assert.match(String(d[0].message), /takes only C:\\Program as the file specification/);
    const [fix] = svc
      .codeActions(doc, d[0].range, { diagnostics: d, only: [CodeActionKind.QuickFix] })
      .filter((a) => a.isPreferred);
    assert.equal(fix.title, 'Put the path in quotes');
    assert.equal(
      applyEdits(text, fix.edit!.changes![OPT]),
      text.replace(
        'C:\\Program Files\\Tivoli\\TSM\\baclient\\dsmerror.log',
        '"C:\\Program Files\\Tivoli\\TSM\\baclient\\dsmerror.log"',
      ),
    );
  });

  it('keeps tabs and runs of blanks inside the path as written, and a * note after it outside', () => {
    const text = 'SErvername a\n  SCHEDMODE POLLING\n  SCHEDLOGName /var/log/my\t logs/dsmsched.log  * nightly\n';
    const { doc, svc, d } = quoted(text, SYS);
    const [fix] = svc
      .codeActions(doc, d[0].range, { diagnostics: d, only: [CodeActionKind.QuickFix] })
      .filter((a) => a.isPreferred);
    assert.equal(
      applyEdits(text, fix.edit!.changes![SYS]),
      text.replace('/var/log/my\t logs/dsmsched.log', '"/var/log/my\t logs/dsmsched.log"'),
    );
  });

  it('uses single quotes around a path that holds a double quote', () => {
    const text = 'SErvername a\n  SCHEDMODE POLLING\n  ERRORLOGName /tmp/a"b c/x.log\n';
    const { doc, svc, d } = quoted(text, SYS);
    const [fix] = svc
      .codeActions(doc, d[0].range, { diagnostics: d, only: [CodeActionKind.QuickFix] })
      .filter((a) => a.isPreferred);
    assert.ok(fix, 'a fix');
    assert.match(applyEdits(text, fix.edit!.changes![SYS]), /ERRORLOGName '\/tmp\/a"b c\/x.log'/);
  });

  it('on include/exclude lines, continues the path only through words with a separator: a management class stays outside', () => {
    const text =
      'NODename w\nSCHEDMODE POLLING\nINCLUDE C:\\Program Files\\App\\* MC_APPS\nEXCLUDE.DIR C:\\Program Files\\Temp\n';
    const { d } = quoted(text);
    assert.deepEqual(
      d.map((x) => textAt(text, x.range)),
      ['C:\\Program Files\\App\\*', 'C:\\Program Files\\Temp'],
    );
  });

  it('is silent on quoted paths, one-word paths, management classes and option=value words', () => {
    const text = [
      'NODename w',
      'SCHEDMODE POLLING',
      'ERRORLOGName "C:\\Program Files\\Tivoli\\TSM\\baclient\\dsmerror.log"',
      "SCHEDLOGName 'C:\\Program Files\\x.log'",
      'INCLUDE C:\\Data\\...\\* MC_DATA',
      'INCLUDE.ENCRYPT C:\\Data\\...\\* MC_DATA',
      // Not caught: the last word could be a management class as well as the end of the path.
      'EXCLUDE.DIR C:\\Program Files',
      'INCLUDE.FS C: snapshotproviderfs=vss',
      'EXCLUDE "C:\\Program Files\\...\\*"',
      'DOMain C: D:',
      '',
    ].join('\n');
    assert.deepEqual(quoted(text).d, []);
  });

  it('holds on UNIX too', () => {
    const text = 'SErvername a\n  SCHEDMODE POLLING\n  INCLExcl /etc/tsm/incl excl.txt\n';
    assert.deepEqual(
      quoted(text, SYS).d.map((x) => textAt(text, x.range)),
      ['/etc/tsm/incl excl.txt'],
    );
  });
});
