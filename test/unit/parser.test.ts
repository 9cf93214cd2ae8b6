import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { analyze, service } from './helpers';
import { OptionLine } from '../../server/src/parser/document';
import { entriesOf } from '../../server/src/parser/document';

function firstOption(text: string, uri?: string): OptionLine {
  const { doc } = analyze(text, uri);
  assert.ok(doc.options.length > 0, 'expected an option line');
  return doc.options[0];
}

describe('parser', () => {
  it('resolves abbreviated and mixed-case names and keyword values to the same option and value', () => {
    const svc = service();
    for (const line of ['schedmod prompt', 'SchedMode PRompted', 'SCHEDMODE PROMPTED', 'schedmode pr']) {
      const o = firstOption(line);
      assert.equal(o.option?.name, 'SCHEDMODe', line);
      const { doc } = analyze(line);
      const r = svc.table.resolveKeyword(doc.options[0].option!, doc.options[0].values[0].text);
      assert.deepEqual(r, { kind: 'match', item: 'PRompted' }, line);
    }
  });

  it('does not resolve a prefix shorter than the minimum abbreviation', () => {
    assert.equal(firstOption('schedmo polling').resolution.kind, 'tooShort');
    assert.equal(firstOption('tcpser bucky1.doit.wisc.edu').option?.name, 'TCPServeraddress');
    assert.equal(firstOption('tcps bucky1.doit.wisc.edu').option?.name, 'TCPServeraddress');
    assert.equal(firstOption('frobnicate yes').resolution.kind, 'unknown');
  });

  it('gives words UTF-16 columns with tabs, a BOM and astral characters', () => {
    const tab = firstOption('\tTCPServeraddress\tbucky1.doit.wisc.edu');
    assert.deepEqual([tab.name.start, tab.name.end, tab.values[0].start, tab.values[0].end], [1, 17, 18, 38]);
    assert.equal(tab.indent, '\t');
    const bom = firstOption('\uFEFFSErvername  bucky5');
    assert.deepEqual([bom.name.start, bom.values[0].start], [1, 13]);
    assert.equal(bom.indent, '');
    const astral = firstOption('NODename \u{1D518}x tail');
    assert.deepEqual([astral.values[0].start, astral.values[0].end, astral.values[1].start], [9, 12, 13]);
  });

  it('handles LF, CRLF and lone CR line endings and remembers the first one', () => {
    for (const eol of ['\n', '\r\n', '\r'] as const) {
      const { doc } = analyze(`SErvername a${eol}  TCPPort 1500${eol}`);
      assert.equal(doc.eol, eol);
      assert.equal(doc.lineCount, 3);
      assert.deepEqual(
        doc.options.map((o) => [o.line, o.values[0].text]),
        [
          [0, 'a'],
          [1, '1500'],
        ],
      );
    }
  });

  it('reads * and # comment lines, indented or not, and never as options', () => {
    const { doc } = analyze(
      '* banner\n   * indented SCHEDMODE PROMPTED\n# hash\n****************\nNODename x  * trailing words stay values\n',
    );
    assert.deepEqual(
      doc.comments.map((c) => [c.line, c.marker, c.text]),
      [
        [0, '*', 'banner'],
        [1, '*', 'indented SCHEDMODE PROMPTED'],
        [2, '#', 'hash'],
        [3, '*', '***************'],
      ],
    );
    assert.equal(doc.options.length, 1);
    assert.deepEqual(
      doc.options[0].values.map((w) => w.text),
      ['x', '*', 'trailing', 'words', 'stay', 'values'],
    );
  });

  it('reads single- and double-quoted values, blanks and the other quote inside, and an unterminated quote', () => {
    const o = firstOption(`PRESCHEDULECMD '"C:\\x y\\cmd.exe" > log 2>&1' "a b" 'open`);
    assert.deepEqual(
      o.values.map((w) => [w.text, w.quote, w.start, w.end, !!w.unterminated]),
      [
        ['"C:\\x y\\cmd.exe" > log 2>&1', "'", 15, 44, false],
        ['a b', '"', 45, 50, false],
        ['open', "'", 51, 56, true],
      ],
    );
  });

  it('splits a dsm.sys into stanzas, SErvername and REPLSERVERName, abbreviated', () => {
    const { doc } = analyze('DEFAULTServer a\n\nse a\n  tcpp 1500\n\nREPLSERVERNAME r\n  REPLTCPPort 1500\nSERV b\n');
    assert.equal(doc.fileKind, 'sys');
    assert.deepEqual(
      doc.unscoped.map((o) => o.name.text),
      ['DEFAULTServer'],
    );
    assert.deepEqual(
      doc.stanzas.map((s) => [s.kind, s.name, s.header.line, s.endLine, s.options.map((o) => o.name.text)]),
      [
        ['server', 'a', 2, 4, ['tcpp']],
        ['replserver', 'r', 5, 6, ['REPLTCPPort']],
        ['server', 'b', 7, 8, []],
      ],
    );
  });

  it('parses an empty file and a file of blanks', () => {
    for (const text of ['', '\n\n', '   \t  ']) {
      const { doc } = analyze(text);
      assert.equal(entriesOf(doc).length, 0);
      assert.equal(doc.stanzas.length, 0);
    }
  });

  it('tells the kind of file from its name, and a dsm.opt layout from its content or the setting', () => {
    const kind = (uri: string, text = '', settings?: unknown) => analyze(text, uri, service(settings)).doc.fileKind;
    assert.equal(kind('file:///etc/dsm.sys'), 'sys');
    assert.equal(kind('file:///opt/tivoli/dsm.sys.smp'), 'sys');
    assert.equal(kind('file:///etc/dsm.opt', 'SErvername bucky5\nDOMain /home\n'), 'opt-unix');
    assert.equal(
      kind('file:///C%3A/TSM/dsm.opt', 'NODename pc1\nTCPServeraddress bucky2.doit.wisc.edu\n'),
      'opt-windows',
    );
    assert.equal(kind('file:///etc/dsm_server2.opt', 'COMMMethod TCPip\n'), 'opt-windows');
    assert.equal(kind('file:///etc/dsm.opt.smp'), 'opt-unix');
    assert.equal(kind('file:///etc/dsm.opt', 'DOMain /home\n', { optionsFileLayout: 'windows' }), 'opt-windows');
    assert.equal(kind('file:///etc/dsm.opt', 'TCPPort 1500\n', { optionsFileLayout: 'unix' }), 'opt-unix');
    assert.equal(kind('untitled:Untitled-1', 'SErvername a\n TCPServeraddress h\n'), 'sys');
    assert.equal(kind('untitled:Untitled-1', 'TCPServeraddress h\n'), 'opt-windows');
  });
});
