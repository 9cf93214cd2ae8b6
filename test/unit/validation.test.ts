import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { CodeAction, CodeActionKind, Diagnostic, DiagnosticSeverity, DiagnosticTag } from 'vscode-languageserver-types';
import { analyze, applyEdits, memoryWorkspace, service, textAt } from './helpers';
import { DsmLanguageService } from '../../server/src/service/languageService';

const SYS = 'file:///etc/dsm.sys';
const UNIX_OPT = 'file:///etc/dsm.opt';
const WIN = 'file:///C%3A/tsm/dsm.opt';

/** A valid stanza head, so that tests add only what they mean to. */
const HEAD = 'SErvername a\n  SCHEDMODE POLLING\n';

function found(text: string, code: string, uri = SYS, svc: DsmLanguageService = service()): [string, number][] {
  const { doc } = analyze(text, uri, svc);
  return svc
    .diagnostics(doc)
    .filter((d) => d.code === code)
    .map((d) => [textAt(text, d.range), d.range.start.line]);
}

function diagnostic(text: string, code: string, uri = SYS, svc: DsmLanguageService = service()): Diagnostic {
  const { doc } = analyze(text, uri, svc);
  const d = svc.diagnostics(doc).filter((x) => x.code === code);
  assert.equal(d.length, 1, `one ${code}: ${JSON.stringify(d)}`);
  return d[0];
}

function fixes(text: string, code: string, uri = SYS, svc: DsmLanguageService = service()): CodeAction[] {
  const { doc } = analyze(text, uri, svc);
  const d = diagnostic(text, code, uri, svc);
  return svc
    .codeActions(doc, d.range, { diagnostics: [d], only: [CodeActionKind.QuickFix] })
    .filter((a) => a.diagnostics?.[0].code === code);
}

function applied(text: string, action: CodeAction, uri = SYS): string {
  return applyEdits(text, action.edit!.changes![uri]);
}

describe('unknown-option', () => {
  it('flags a misspelt name and offers the closest options, the closest preferred', () => {
    const text = HEAD + '  TCPServeradress bucky1.doit.wisc.edu\n';
    assert.deepEqual(found(text, 'unknown-option'), [['TCPServeradress', 2]]);
    const [best] = fixes(text, 'unknown-option');
    assert.equal(best.title, 'Change to TCPSERVERADDRESS');
    assert.equal(best.isPreferred, true);
    assert.equal(applied(text, best), HEAD + '  TCPSERVERADDRESS bucky1.doit.wisc.edu\n');
    assert.deepEqual(found(applied(text, best), 'unknown-option'), []);
  });

  it('is silent on known names in any case and abbreviation, on comments, and on site options', () => {
    assert.deepEqual(found(HEAD + '  tcpserveraddress x\n  TCPS x\n  * frobnicate 1\n', 'unknown-option'), []);
    const site = service({ knownOptions: ['MYSITEopt'] });
    assert.deepEqual(found(HEAD + '  mysiteopt 1\n  MYSITE 2\n', 'unknown-option', SYS, site), []);
    assert.deepEqual(found(HEAD + '  mysit 1\n', 'unknown-option', SYS, site), []);
    assert.deepEqual(found(HEAD + '  mysit 1\n', 'ambiguous-abbreviation', SYS, site).length, 1);
  });

  it('offers to add the name to the known options where the client has that command', () => {
    const svc = new DsmLanguageService({ client: { addKnownOptionCommand: true } });
    const actions = fixes(HEAD + '  frobnicate 3\n', 'unknown-option', SYS, svc);
    const add = actions.find((a) => a.command?.command === 'dsm.addKnownOption')!;
    assert.deepEqual(add.command!.arguments, ['frobnicate']);
    assert.equal(add.edit, undefined);
    assert.ok(
      !fixes(HEAD + '  frobnicate 3\n', 'unknown-option').some((a) => a.command?.command === 'dsm.addKnownOption'),
    );
  });
});

describe('ambiguous-abbreviation', () => {
  it('flags a prefix shorter than the capitals, naming the candidates', () => {
    const text = HEAD + '  schedm polling\n';
    const d = diagnostic(text, 'ambiguous-abbreviation');
    assert.equal(textAt(text, d.range), 'schedm');
    assert.match(String(d.message), /SCHEDMODe/);
    assert.ok(fixes(text, 'ambiguous-abbreviation').some((a) => a.title === 'Change to SCHEDMODE'));
  });

  it('is silent at exactly the minimum abbreviation', () => {
    assert.deepEqual(
      found('SErvername a\n  schedmod polling\n  tcpp 1500\n  querysch 4\n', 'ambiguous-abbreviation'),
      [],
    );
  });
});

describe('invalid-value', () => {
  it('flags a keyword outside the set and offers every valid one, the closest preferred', () => {
    const text = 'SErvername a\n  SCHEDMODE polled\n';
    assert.deepEqual(found(text, 'invalid-value'), [['polled', 1]]);
    const actions = fixes(text, 'invalid-value');
    assert.deepEqual(
      actions.filter((a) => a.title.startsWith('Change')).map((a) => [a.title, a.isPreferred]),
      [
        ['Change to POLLING', true],
        ['Change to PROMPTED', false],
      ],
    );
    assert.equal(applied(text, actions[0]), 'SErvername a\n  SCHEDMODE POLLING\n');
  });

  it('flags a number out of range or not a number, on the value', () => {
    assert.deepEqual(found(HEAD + '  TCPPort 70000\n', 'invalid-value'), [['70000', 2]]);
    assert.deepEqual(found(HEAD + '  TCPPort 0\n', 'invalid-value'), [['0', 2]]);
    assert.deepEqual(found(HEAD + '  TCPPort fifteen\n', 'invalid-value'), [['fifteen', 2]]);
    const [clamp] = fixes(HEAD + '  TCPPort 70000\n', 'invalid-value');
    assert.equal(clamp.title, 'Change to 32767');
    assert.deepEqual(found(HEAD + '  TCPPort 1\n  QUERYSCHedperiod 9999\n', 'invalid-value'), []);
  });

  it('flags a quoted keyword, which IBM rejects, and unquotes it', () => {
    const text = HEAD + '  passwordaccess "generate"\n';
    assert.deepEqual(found(text, 'invalid-value'), [['"generate"', 2]]);
    const [fix] = fixes(text, 'invalid-value');
    assert.equal(applied(text, fix), HEAD + '  passwordaccess generate\n');
    assert.deepEqual(found(HEAD + "  ERRORLOGName '/var/log/my dir/err.log'\n", 'invalid-value'), []);
  });

  it('accepts the Yes/No synonyms the client takes (1/true/on, 0/false/off), and nothing else', () => {
    for (const v of ['yes', 'Y', 'no', 'n', 'on', 'OFF', 'true', 'False', '1', '0']) {
      assert.deepEqual(found(HEAD + `  TCPNodelay ${v}\n`, 'invalid-value'), [], v);
    }
    assert.deepEqual(found(HEAD + '  TCPNodelay maybe\n', 'invalid-value'), [['maybe', 2]]);
  });

  it('takes the retention days joined to their letter by a comma (7,D), as real files write them', () => {
    assert.deepEqual(
      found(HEAD + '  SCHEDLOGRetention 7,D\n  ERRORLOGRetention 14,s\n  schedlogret N,D\n', 'invalid-value'),
      [],
    );
    assert.deepEqual(found(HEAD + '  SCHEDLOGRetention 7,X\n', 'invalid-value'), [['7,X', 2]]);
    assert.deepEqual(found(HEAD + '  TCPPort 1500,D\n', 'invalid-value'), [['1500,D', 2]]);
  });

  it('does not check a note after the value (`* ...`)', () => {
    assert.deepEqual(found(HEAD + '  MANAGEDServices schedule webclient * both, see ticket\n', 'invalid-value'), []);
    assert.deepEqual(found(HEAD + '  MANAGEDServices schedule webclnt * note\n', 'invalid-value'), [['webclnt', 2]]);
  });

  it('checks each word of a several-keyword value', () => {
    assert.deepEqual(found(HEAD + '  MANAGEDServices schedule webclnt\n', 'invalid-value'), [['webclnt', 2]]);
    assert.deepEqual(found(HEAD + '  MANAGEDServices schedule webclient\n', 'invalid-value'), []);
  });
});

describe('option-outside-stanza and wrong-file', () => {
  it('flags a stanza option before the first SErvername in dsm.sys, but not DEFAULTServer', () => {
    const text = 'DEFAULTServer a\nTCPPort 1500\nSErvername a\n  SCHEDMODE POLLING\n';
    assert.deepEqual(found(text, 'option-outside-stanza'), [['TCPPort', 1]]);
    assert.deepEqual(found('DEFAULTServer a\n' + HEAD, 'option-outside-stanza'), []);
  });

  it('flags a dsm.sys option in a UNIX dsm.opt, and a UNIX-only user option in Windows terms leniently', () => {
    assert.deepEqual(found('SErvername a\nSCHEDMODE POLLING\nDOMain /home\n', 'wrong-file', UNIX_OPT), [
      ['SCHEDMODE', 1],
    ]);
    assert.deepEqual(found('SErvername a\nDOMain /home\nSUBDIR yes\n', 'wrong-file', UNIX_OPT), []);
    assert.deepEqual(found('NODename pc\nTCPServeraddress h\nSCHEDMODE POLLING\nDOMain C:\n', 'wrong-file', WIN), []);
  });

  it('flags DEFAULTServer inside a stanza', () => {
    assert.deepEqual(found(HEAD + '  DEFAULTServer a\n', 'wrong-file'), [['DEFAULTServer', 2]]);
  });
});

describe('duplicate-option and duplicate-stanza', () => {
  it('flags the ignored earlier occurrence of a single-valued option and says which one wins', () => {
    const text = HEAD + '  TCPPort 1500\n  tcpp 1503\n';
    const d = diagnostic(text, 'duplicate-option');
    assert.equal(d.range.start.line, 2);
    assert.match(String(d.message), /line 4/);
    assert.equal(d.relatedInformation![0].location.range.start.line, 3);
    const [remove] = fixes(text, 'duplicate-option');
    assert.equal(applied(text, remove), HEAD + '  tcpp 1503\n');
  });

  it('is silent on repeatable options and on the same option in two stanzas', () => {
    assert.deepEqual(found(HEAD + '  INCLUDE /a\n  INCLUDE /b\n  DOMain /a\n  DOMain /b\n', 'duplicate-option'), []);
    assert.deepEqual(
      found(HEAD + '  TCPPort 1500\nSErvername b\n  SCHEDMODE POLLING\n  TCPPort 1500\n', 'duplicate-option'),
      [],
    );
  });

  it('flags a second stanza of the same name, in any case', () => {
    const text = HEAD + 'SErvername A\n  SCHEDMODE POLLING\nSErvername b\n  SCHEDMODE POLLING\n';
    assert.deepEqual(found(text, 'duplicate-stanza'), [['A', 2]]);
  });
});

describe('unknown-server', () => {
  it('flags a DEFAULTServer that names no stanza, and offers the stanzas', () => {
    const text = 'DEFAULTServer bucky9\n' + HEAD + 'SErvername b\n  SCHEDMODE POLLING\n';
    assert.deepEqual(found(text, 'unknown-server'), [['bucky9', 0]]);
    assert.deepEqual(
      fixes(text, 'unknown-server')
        .filter((a) => a.title.startsWith('Change'))
        .map((a) => a.title),
      ['Change to a', 'Change to b'],
    );
    assert.deepEqual(found('DEFAULTServer A\n' + HEAD, 'unknown-server'), []);
  });

  it('checks a UNIX dsm.opt SErvername against the dsm.sys beside it, when it can be read', () => {
    const beside = new DsmLanguageService({
      workspace: memoryWorkspace({ 'file:///etc/dsm.sys': 'SErvername bucky2\nSErvername archive\n' }),
    });
    assert.deepEqual(found('SErvername bucky5\n', 'unknown-server', UNIX_OPT, beside), [['bucky5', 0]]);
    assert.deepEqual(found('SErvername ARCHIVE\n', 'unknown-server', UNIX_OPT, beside), []);
    const unreadable = new DsmLanguageService({ workspace: memoryWorkspace({}) });
    assert.deepEqual(found('SErvername bucky5\n', 'unknown-server', UNIX_OPT, unreadable), []);
  });
});

describe('tcpport-mismatch', () => {
  it("flags a TCPPORT that is not the catalogued server's and writes the right one", () => {
    const text = HEAD + '  TCPServeraddress bucky5.doit.wisc.edu\n  TCPPort 1500\n';
    assert.deepEqual(found(text, 'tcpport-mismatch'), [['1500', 3]]);
    const [fix] = fixes(text, 'tcpport-mismatch');
    assert.equal(fix.isPreferred, true);
    assert.equal(applied(text, fix), HEAD + '  TCPServeraddress bucky5.doit.wisc.edu\n  TCPPort 1503\n');
  });

  it('flags a missing TCPPORT when the server does not listen on the default, and adds it', () => {
    const text = HEAD + '  TCPServeraddress BL3.doit.wisc.edu\n';
    assert.deepEqual(found(text, 'tcpport-mismatch'), [['BL3.doit.wisc.edu', 2]]);
    assert.equal(
      applied(text, fixes(text, 'tcpport-mismatch')[0]),
      HEAD + '  TCPServeraddress BL3.doit.wisc.edu\n  TCPPORT 1503\n',
    );
  });

  it('is silent on the right port, an unknown host, and the default port of a 1500 server', () => {
    assert.deepEqual(found(HEAD + '  TCPServeraddress bucky5.doit.wisc.edu\n  tcpp 1503\n', 'tcpport-mismatch'), []);
    assert.deepEqual(found(HEAD + '  TCPServeraddress tsm.example.org\n  tcpp 1503\n', 'tcpport-mismatch'), []);
    assert.deepEqual(found(HEAD + '  TCPServeraddress bucky2.doit.wisc.edu\n', 'tcpport-mismatch'), []);
  });
});

describe('hints', () => {
  it('prompted-only-option: TCPCLIENTPORT in a polling stanza is a faded hint', () => {
    const d = diagnostic(HEAD + '  TCPCLIENTPort 1501\n', 'prompted-only-option');
    assert.equal(d.severity, DiagnosticSeverity.Hint);
    assert.deepEqual(d.tags, [DiagnosticTag.Unnecessary]);
    assert.deepEqual(found('SErvername a\n  SCHEDMODE PROMPTED\n  TCPCLIENTPort 1501\n', 'prompted-only-option'), []);
  });

  it('scheduler-needs-generate: MANAGEDSERVICES schedule without PASSWORDACCESS generate', () => {
    const text = HEAD + '  MANAGEDServices schedule\n  PASSWORDAccess prompt\n';
    const d = diagnostic(text, 'scheduler-needs-generate');
    assert.equal(d.severity, DiagnosticSeverity.Information);
    assert.equal(
      applied(text, fixes(text, 'scheduler-needs-generate')[0]),
      HEAD + '  MANAGEDServices schedule\n  PASSWORDAccess GENERATE\n',
    );
    assert.equal(
      applied(
        HEAD + '  MANAGEDServices schedule\n',
        fixes(HEAD + '  MANAGEDServices schedule\n', 'scheduler-needs-generate')[0],
      ),
      HEAD + '  MANAGEDServices schedule\n  PASSWORDACCESS GENERATE\n',
    );
    assert.deepEqual(found(HEAD + '  MANAGEDServices webclient\n', 'scheduler-needs-generate'), []);
    assert.deepEqual(found(HEAD + '  MANAGEDServices schedule\n  passworda gen\n', 'scheduler-needs-generate'), []);
    // A password written in the file lets the scheduler log in too.
    assert.deepEqual(found(HEAD + '  MANAGEDServices schedule\n  PASsword secret\n', 'scheduler-needs-generate'), []);
  });

  it('hash-comment: a # line is a hint, and the fix makes it a * comment', () => {
    const text = HEAD + '  # old setting\n';
    assert.deepEqual(found(text, 'hash-comment'), [['#', 2]]);
    assert.equal(applied(text, fixes(text, 'hash-comment')[0]), HEAD + '  * old setting\n');
  });
});

describe('severity settings and disable comments', () => {
  it("changes a code's severity, or turns it off", () => {
    const text = HEAD + '  frobnicate 1\n  # c\n';
    const svc = service({ severity: { 'unknown-option': 'error', 'hash-comment': 'off' } });
    const { doc } = analyze(text, SYS, svc);
    assert.deepEqual(
      svc.diagnostics(doc).map((d) => [d.code, d.severity]),
      [['unknown-option', DiagnosticSeverity.Error]],
    );
  });

  it('* dsm-disable-next-line silences the next line, for the codes named or all', () => {
    assert.deepEqual(found(HEAD + '  * dsm-disable-next-line unknown-option\n  frobnicate 1\n', 'unknown-option'), []);
    assert.deepEqual(
      found(HEAD + '  * dsm-disable-next-line hash-comment\n  frobnicate 1\n', 'unknown-option').length,
      1,
    );
    assert.deepEqual(found(HEAD + '  * dsm-disable-next-line\n  frobnicate 1\n', 'unknown-option'), []);
    assert.deepEqual(
      found(HEAD + '  * dsm-disable-next-line unknown-option\n\n  frobnicate 1\n', 'unknown-option').length,
      1,
    );
  });

  it('the quick fix writes the disable comment, indented like the line', () => {
    const text = HEAD + '\tfrobnicate 1\n';
    const ignore = fixes(text, 'unknown-option').find((a) => a.title === 'Ignore unknown-option on this line')!;
    const after = applied(text, ignore);
    assert.equal(after, HEAD + '\t* dsm-disable-next-line unknown-option\n\tfrobnicate 1\n');
    assert.deepEqual(found(after, 'unknown-option'), []);
  });
});
