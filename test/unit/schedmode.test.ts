import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { CodeActionKind, Diagnostic, Range } from 'vscode-languageserver-types';
import { analyze, applyEdits, fixture, service, textAt } from './helpers';
import { FIX_ALL_KIND } from '../../server/src/service/codes';

const SYS = 'file:///etc/dsm.sys';
const WIN = 'file:///C%3A/Program%20Files/Tivoli/TSM/baclient/dsm.opt';
const UNIX_OPT = 'file:///opt/tivoli/tsm/client/ba/bin/dsm.opt';

function diags(text: string, uri = SYS): Diagnostic[] {
  const { doc, svc } = analyze(text, uri);
  return svc.diagnostics(doc);
}

function summary(text: string, uri = SYS): [string, string][] {
  return diags(text, uri).map((d) => [String(d.code), textAt(text, d.range)]);
}

const everything = Range.create(0, 0, 100000, 0);

function quickFix(text: string, code: string, uri = SYS, withService = service()) {
  const { doc, svc } = analyze(text, uri, withService);
  const d = svc.diagnostics(doc).filter((x) => x.code === code);
  assert.equal(d.length, 1, `one ${code} diagnostic`);
  const actions = svc.codeActions(doc, d[0].range, { diagnostics: d, only: [CodeActionKind.QuickFix] });
  // The preferred fix, and the fix that silences the line.
  assert.deepEqual(
    actions.map((a) => a.isPreferred),
    [true, false],
  );
  assert.equal(actions[1].title, `Ignore ${code} on this line`);
  return actions[0];
}

function fixAll(text: string, uri = SYS): string | undefined {
  const { doc, svc } = analyze(text, uri);
  const actions = svc.codeActions(doc, everything, { diagnostics: [], only: [CodeActionKind.SourceFixAll] });
  if (!actions.length) return undefined;
  assert.equal(actions.length, 1);
  assert.equal(actions[0].kind, FIX_ALL_KIND);
  return applyEdits(text, actions[0].edit!.changes![uri]);
}

describe('SCHEDMODE diagnostics', () => {
  it('a dsm.sys with PROMPTED in one stanza and no SCHEDMODE in another shows exactly those two warnings', () => {
    const text = fixture('two-stanzas.dsm.sys');
    const d = diags(text);
    assert.deepEqual(
      d.map((x) => [x.code, x.source, x.severity, textAt(text, x.range), x.range.start.line]),
      [
        ['schedmode-prompted', 'dsm', 2, 'PROMPTED', 8],
        ['schedmode-missing', 'dsm', 2, 'SErvername  archive', 12],
      ],
    );
    assert.match(String(d[0].message), /firewall/);
    assert.match(String(d[0].message), /never runs/);
    assert.match(String(d[0].message), /POLLING/);
    assert.match(String(d[1].message), /archive/);
  });

  it('warns on PROMPTED however it is abbreviated or cased, and not on POLLING', () => {
    for (const line of ['schedmod prompt', 'SchedMode PRompted', 'SCHEDMODE PROMPTED', '\tSCHEDMODe\t\tpr']) {
      assert.deepEqual(
        summary(`SErvername a\n${line}\n`).map((s) => s[0]),
        ['schedmode-prompted'],
        line,
      );
    }
    for (const line of ['SCHEDMODE POLLING', 'schedmod po', 'SchedMode polling']) {
      assert.deepEqual(summary(`SErvername a\n${line}\n`), [], line);
    }
  });

  it('warns on PROMPTED in any file, a UNIX dsm.opt too', () => {
    assert.deepEqual(summary('SCHEDMODE PROMPTED\n', UNIX_OPT), [['schedmode-prompted', 'PROMPTED']]);
    assert.deepEqual(summary('SCHEDMODE Prompted\nTCPServeraddress x\n', WIN), [['schedmode-prompted', 'Prompted']]);
  });

  it('does not count a commented-out SCHEDMODE, with * or #', () => {
    assert.deepEqual(
      summary('SErvername a\n  * SCHEDMODE POLLING\n# SCHEDMODE POLLING\n  NODename n\n').map((s) => s[0]),
      ['schedmode-missing', 'hash-comment'],
    );
  });

  it('reports a missing SCHEDMODE once per server stanza, never for replication stanzas or a UNIX dsm.opt', () => {
    const text =
      'DEFAULTServer a\nSErvername a\n  NODename n\nREPLSERVERName r\n  REPLTCPPort 1500\nse b\n  SCHEDMODE POLLING\nSERVERNAME c\n';
    assert.deepEqual(summary(text), [
      ['schedmode-missing', 'SErvername a'],
      ['schedmode-missing', 'SERVERNAME c'],
    ]);
    assert.deepEqual(summary('SErvername bucky5\nDOMain /home\n', UNIX_OPT), []);
  });

  it('reports a complete dsm.opt without SCHEDMODE once, on its first option', () => {
    const text = '* Windows options\nNODename pc1\nTCPServeraddress bucky2.doit.wisc.edu\nTCPPort 1500\n';
    assert.deepEqual(summary(text, WIN), [['schedmode-missing', 'NODename pc1']]);
  });

  it('is silent on an empty file and on blank lines', () => {
    for (const uri of [SYS, WIN, UNIX_OPT]) {
      assert.deepEqual(diags('', uri), []);
      assert.deepEqual(diags('\n\n  \n', uri), []);
    }
  });
});

describe('SCHEDMODE quick fixes', () => {
  it('changes only the PROMPTED value to POLLING, keeping the name as written', () => {
    const text = 'SErvername a\r\n\tschedmod   prompt   \r\n';
    const action = quickFix(text, 'schedmode-prompted');
    assert.equal(action.isPreferred, true);
    assert.equal(action.kind, CodeActionKind.QuickFix);
    assert.match(action.title, /POLLING/);
    assert.match(action.title, /restart the scheduler/);
    assert.equal(action.command, undefined, 'a plain edit: clients such as ALE run only the command when there is one');
    assert.equal(
      applyEdits(text, action.edit!.changes!['file:///etc/dsm.sys']),
      'SErvername a\r\n\tschedmod   POLLING   \r\n',
    );
    // A client that asked for the reminder (VS Code) gets it as the fix's command, with its arguments.
    const reminded = quickFix(
      text,
      'schedmode-prompted',
      SYS,
      service(undefined, { client: { restartReminderCommand: true } }),
    );
    assert.deepEqual(reminded.command, {
      title: 'Remind me to restart the scheduler',
      command: 'dsm.schedulerRestartReminder',
      arguments: [SYS],
    });
    assert.deepEqual(reminded.edit, action.edit);
  });

  it("adds SCHEDMODE POLLING after the stanza's last option, indented like it, with the file's line ending", () => {
    const text =
      'SErvername a\r\n\tNODename n\r\n\tTCPPort 1500\r\n\t* trailing comment\r\n\r\nSErvername b\r\n\tSCHEDMODE POLLING\r\n';
    const action = quickFix(text, 'schedmode-missing');
    assert.equal(action.isPreferred, true);
    assert.equal(
      applyEdits(text, action.edit!.changes!['file:///etc/dsm.sys']),
      'SErvername a\r\n\tNODename n\r\n\tTCPPort 1500\r\n\tSCHEDMODE POLLING\r\n\t* trailing comment\r\n\r\nSErvername b\r\n\tSCHEDMODE POLLING\r\n',
    );
  });

  it('adds to a stanza that is only its header, and to a last line without a line ending', () => {
    let action = quickFix('SErvername a', 'schedmode-missing');
    assert.equal(
      applyEdits('SErvername a', action.edit!.changes!['file:///etc/dsm.sys']),
      'SErvername a\nSCHEDMODE POLLING',
    );
    const text = 'SErvername a\n    NODename n';
    action = quickFix(text, 'schedmode-missing');
    assert.equal(
      applyEdits(text, action.edit!.changes!['file:///etc/dsm.sys']),
      'SErvername a\n    NODename n\n    SCHEDMODE POLLING',
    );
  });

  it('adds SCHEDMODE POLLING at the end of a complete dsm.opt', () => {
    const text = 'NODename pc1\nTCPServeraddress bucky2.doit.wisc.edu\n\n* end\n';
    const action = quickFix(text, 'schedmode-missing', WIN);
    assert.equal(
      applyEdits(text, action.edit!.changes![WIN]),
      'NODename pc1\nTCPServeraddress bucky2.doit.wisc.edu\nSCHEDMODE POLLING\n\n* end\n',
    );
  });

  it('offers quick fixes only for diagnostics under the cursor, and fix-all only when asked for by kind', () => {
    const text = fixture('two-stanzas.dsm.sys');
    const { doc, svc } = analyze(text);
    const onPrompted = svc.codeActions(doc, Range.create(8, 24, 8, 24), { diagnostics: [] });
    assert.deepEqual(
      onPrompted.map((a) => [a.kind, a.isPreferred]),
      [
        [CodeActionKind.QuickFix, true],
        [CodeActionKind.QuickFix, false],
      ],
    );
    assert.deepEqual(svc.codeActions(doc, Range.create(2, 0, 2, 0), { diagnostics: [] }), []);
    const only = svc.codeActions(doc, everything, { diagnostics: [], only: [FIX_ALL_KIND] });
    assert.deepEqual(
      only.map((a) => a.kind),
      [FIX_ALL_KIND],
    );
  });

  it('fix-all fixes every SCHEDMODE problem in one edit, byte for byte, and changes nothing on a second run', () => {
    const text = fixture('two-stanzas.dsm.sys');
    const fixed = fixAll(text)!;
    const expected = text
      .replace('SCHEDMODe          PROMPTED', 'SCHEDMODe          POLLING')
      .replace(
        '   PASSWORDAccess     generate\n   * SCHEDMODE',
        '   PASSWORDAccess     generate\n   SCHEDMODE POLLING\n   * SCHEDMODE',
      );
    assert.equal(fixed, expected);
    assert.deepEqual(diags(fixed), []);
    assert.equal(fixAll(fixed), undefined);
  });
});
