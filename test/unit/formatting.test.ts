/** Formatting: values in one column per stanza, indentation in the file's style, words and comments kept, idempotent. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Range } from 'vscode-languageserver-types';
import { analyze, applyEdits, service } from './helpers';

const SYS = 'file:///etc/dsm.sys';
const OPT = 'file:///C%3A/tsm/dsm.opt';

function format(text: string, uri = SYS, settings?: unknown, range?: Range): string {
  const { doc, svc } = analyze(text, uri, service(settings));
  return applyEdits(text, svc.format(doc, text, range));
}

describe('formatting', () => {
  it('aligns the values of each stanza in one column, with the indent most of its lines use', () => {
    const text = [
      '* Two stanzas',
      'SErvername  bucky5',
      '   TCPServeraddress bucky5.doit.wisc.edu',
      '  tcpp 1503',
      '   SCHEDMODe\tPOLLING   ',
      'SErvername archive',
      '\tTCPServeraddress\tba1.doit.wisc.edu',
      '\tTCPPort 1501',
      '',
    ].join('\n');
    assert.equal(
      format(text),
      [
        '* Two stanzas',
        'SErvername  bucky5',
        '   TCPServeraddress bucky5.doit.wisc.edu',
        '   tcpp             1503',
        '   SCHEDMODe        POLLING',
        'SErvername archive',
        '\tTCPServeraddress ba1.doit.wisc.edu',
        '\tTCPPort          1501',
        '',
      ].join('\n'),
    );
  });

  it('keeps a column the stanza already uses, when every name fits before it', () => {
    const text =
      'SErvername  server_a\n  COMMmethod         TCPip\n  TCPPort            1500\n  TCPServeraddress   192.168.1.1\n  tcpb 32\n';
    assert.equal(format(text), text.replace('  tcpb 32', '  tcpb               32'));
  });

  it('formats a dsm.opt as one group, and leaves a well-formatted file alone', () => {
    const text = 'NODename   pc1\r\nTCPServeraddress bl1.doit.wisc.edu\r\nSCHEDMODE POLLING\r\n';
    const once = format(text, OPT);
    assert.equal(once, 'NODename         pc1\r\nTCPServeraddress bl1.doit.wisc.edu\r\nSCHEDMODE        POLLING\r\n');
    const { doc, svc } = analyze(once, OPT);
    assert.deepEqual(svc.format(doc, once), []);
  });

  it('keeps every word and its quotes byte for byte, blanks inside values included, and comments as they are', () => {
    const text = [
      'NODename w',
      '   * an indented comment, kept where it is   ',
      'PRESCHEDULECMD   \'"C:\\x y\\cmd.exe" > log 2>&1\'',
      'DOMain C:    D:',
      'SCHEDLOGName     "C:\\Program Files\\x.log"   * nightly',
      '',
    ].join('\n');
    assert.equal(
      format(text, OPT),
      [
        // Two of the lines already put their values at column 17: the column stays.
        'NODename         w',
        '   * an indented comment, kept where it is',
        'PRESCHEDULECMD   \'"C:\\x y\\cmd.exe" > log 2>&1\'',
        'DOMain           C:    D:',
        'SCHEDLOGName     "C:\\Program Files\\x.log"   * nightly',
        '',
      ].join('\n'),
    );
  });

  it('keeps every line ending as it was, mixed ones included', () => {
    const text = 'NODename a  \r\nTCPPort 1500\rSCHEDMODE POLLING\n';
    assert.equal(format(text, OPT), 'NODename  a\r\nTCPPort   1500\rSCHEDMODE POLLING\n');
  });

  it('formats around a line it cannot parse: an unknown name or an unterminated quote stays byte for byte and has no say in the column', () => {
    const text =
      'SErvername a\n  TCPPort 1500\n  this_is_not_an_option_at_all   x   \n  ERRORLOGName "C:\\open  \n  SCHEDMODE POLLING\n';
    assert.equal(
      format(text),
      'SErvername a\n  TCPPort   1500\n  this_is_not_an_option_at_all   x   \n  ERRORLOGName "C:\\open  \n  SCHEDMODE POLLING\n',
    );
  });

  it('keeps a BOM at the start of the file with what stands between it and the name, and leaves a line with a BOM among its blanks alone', () => {
    assert.equal(
      format('\uFEFF  NODename   a\nTCPPort 1500\nSCHEDMODE POLLING\n', OPT),
      '\uFEFF  NODename  a\nTCPPort   1500\nSCHEDMODE POLLING\n',
    );
    const odd = 'NODename a\nTCPPort\uFEFF1500\n';
    assert.equal(format(odd, OPT), odd);
  });

  it("keeps names as written, or writes the table's capitals over the same letters with dsm.format.canonicalNames", () => {
    const text = 'SErvername a\n  tcpserveraddress h\n  schedmode polling\n  tcpp 1500\n';
    assert.equal(
      format(text),
      'SErvername a\n  tcpserveraddress h\n  schedmode        polling\n  tcpp             1500\n',
    );
    assert.equal(
      format(text, SYS, { format: { canonicalNames: true } }),
      'SErvername a\n  TCPServeraddress h\n  SCHEDMODe        polling\n  TCPP             1500\n',
    );
    assert.equal(format('servername   a\n', SYS, { format: { canonicalNames: true } }), 'SErvername   a\n');
  });

  it('range formatting touches only the lines of the range, with the column of the whole stanza', () => {
    const text = 'SErvername a\n  TCPServeraddress h\n  TCPPort 1500\n  SCHEDMODE POLLING\n';
    assert.equal(
      format(text, SYS, undefined, Range.create(2, 0, 3, 0)),
      'SErvername a\n  TCPServeraddress h\n  TCPPort          1500\n  SCHEDMODE POLLING\n',
    );
  });

  it('changes nothing when the parse is of another text', () => {
    const { doc, svc } = analyze('NODename a\n', OPT);
    assert.deepEqual(svc.format(doc, 'NODename a\nTCPPort 1\n'), []);
  });

  it('makes the smallest edits: only blanks (and name letters) change, never half a surrogate pair', () => {
    const text = 'NODename\t\u{1D518}\nTCPPort 1500\n';
    const { doc, svc } = analyze(text, OPT);
    const edits = svc.format(doc, text);
    assert.deepEqual(
      edits.map((e) => [e.range.start.line, e.range.start.character, e.range.end.character, e.newText]),
      [
        [0, 8, 9, ' '],
        [1, 8, 8, ' '],
      ],
    );
  });
});
