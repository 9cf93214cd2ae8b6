import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { MarkupContent, Position } from 'vscode-languageserver-types';
import { analyze, service, textAt } from './helpers';

function hoverText(
  text: string,
  line: number,
  character: number,
  settings?: unknown,
  uri = 'file:///etc/dsm.sys',
): string | undefined {
  const { doc, svc } = analyze(text, uri, service(settings));
  const h = svc.hover(doc, Position.create(line, character));
  return h ? (h.contents as MarkupContent).value : undefined;
}

const STANZA = 'SErvername b5\n  TCPServeraddress  bucky5.doit.wisc.edu\n  TCPPort  1503\n  SCHEDMODE POLLING\n';

describe('hover', () => {
  it('names the Bucky server of an address, its tier and port, and says the stanza TCPPORT agrees', () => {
    const h = hoverText(STANZA, 1, 25)!;
    assert.match(h, /Enterprise/);
    assert.match(h, /port 1503/);
    assert.match(h, /TCPPORT 1503 here agrees/);
    const { doc, svc } = analyze(STANZA);
    assert.equal(textAt(STANZA, svc.hover(doc, Position.create(1, 25))!.range!), 'bucky5.doit.wisc.edu');
  });

  it('matches host names case-insensitively and through abbreviated option names', () => {
    const h = hoverText('SErvername x\n tcps BUCKY2.DoIt.Wisc.Edu\n', 1, 10)!;
    assert.match(h, /Enterprise server, port 1500/);
    assert.match(h, /sets no TCPPORT.*default, 1500, which is right/);
  });

  it('says when the stanza TCPPORT disagrees with the server, or is missing', () => {
    assert.match(
      hoverText('SErvername x\n tcps bl2.doit.wisc.edu\n tcpport 1500\n', 1, 10)!,
      /TCPPORT here is 1500, but this server listens on 1502/,
    );
    assert.match(hoverText('SErvername x\n tcps bl2.doit.wisc.edu\n', 1, 10)!, /default, 1500: write TCPPORT 1502/);
    // Another stanza's TCPPORT does not count.
    assert.match(
      hoverText('SErvername x\n tcps bl2.doit.wisc.edu\nSErvername y\n tcpport 1502\n', 1, 10)!,
      /sets no TCPPORT/,
    );
  });

  it('lists every server on a port: a port alone does not name a server', () => {
    const h = hoverText('SErvername x\n TCPPort 1501\n', 1, 11)!;
    assert.match(h, /bl1\\\.doit\\\.wisc\\\.edu: Lite, port 1501/);
    assert.match(h, /ba1\\\.doit\\\.wisc\\\.edu: Archive, port 1501/);
    assert.match(h, /does not name a server/);
    const withAddress = hoverText('SErvername x\n TCPServeraddress bl3.doit.wisc.edu\n TCPPort 1503\n', 2, 11)!;
    assert.match(withAddress, /bucky5/);
    assert.match(withAddress, /Right for bl3/);
    assert.match(
      hoverText('SErvername x\n TCPServeraddress bl3.doit.wisc.edu\n TCPPort 1500\n', 2, 11)!,
      /listens on 1503, not 1500/,
    );
    assert.match(hoverText('SErvername x\n TCPPort 1777\n', 1, 11)!, /No catalogued server listens on port 1777/);
  });

  it('explains POLLING and PROMPTED on SCHEDMODE, name or value', () => {
    for (const character of [4, 13]) {
      const h = hoverText('SErvername x\n SCHEDMODE PROMPTED\n', 1, character)!;
      assert.match(h, /\*\*POLLING\*\* \(recommended\)/);
      assert.match(h, /\*\*PROMPTED\*\*.*firewall/);
    }
  });

  it('says which server a stanza name stands for, on DEFAULTSERVER and on the stanza header', () => {
    const text =
      'DEFAULTServer B5\nSErvername b5\n  TCPServeraddress bucky5.doit.wisc.edu\n  TCPPort 1503\n  SCHEDMODE POLLING\n';
    for (const [line, character] of [
      [0, 15],
      [1, 12],
    ]) {
      const h = hoverText(text, line, character)!;
      assert.match(h, /\*\*Stanza b5\*\* \(line 2\)/);
      assert.match(h, /bucky5\\\.doit\\\.wisc\\\.edu \(Enterprise, listens on 1503\), port 1503/);
      assert.match(h, /SCHEDMODE POLLING/);
    }
    // A name of no stanza: no stanza to describe, only the summary of the line's diagnostic.
    assert.equal(
      hoverText('DEFAULTServer nowhere\nSErvername b5\n', 0, 16),
      '`unknown-server`: DEFAULTServer\\, or a dsm\\.opt SErvername\\, names no stanza of the dsm\\.sys\\.',
    );
  });

  it('documents other option names from the table, and nothing on comments, blanks or unknown words', () => {
    assert.match(hoverText('SErvername x\n  PASSWORDA generate\n', 1, 4)!, /PASSWORDAccess/);
    assert.match(hoverText('SErvername x\n  PASSWORDA generate\n', 1, 14)!, /\*\*Generate\*\*/);
    assert.match(
      hoverText('SErvername x\n  QUERYSCHedperiod 4\n', 1, 20)!,
      /QUERYSCHedperiod takes from 1 to 9999 hours/,
    );
    assert.equal(hoverText('* TCPServeraddress bucky5.doit.wisc.edu\n', 0, 25), undefined);
    assert.equal(hoverText('\n\n', 1, 0), undefined);
    assert.equal(hoverText('SErvername x\n  TCPServeraddress unknown.example.org\n', 1, 25), undefined);
    // An unknown word has no documentation: the hover says only what its diagnostic's code means.
    assert.equal(
      hoverText('SErvername x\n  frobnicate 3\n', 1, 4),
      '`unknown-option`: A name that is no client option\\: the client stops at start\\-up\\.',
    );
  });

  it('follows the server catalog setting: a site server extends, or replaces, the built-in list', () => {
    const text = 'SErvername x\n  TCPServeraddress tsm.example.edu\n  TCPServeraddress bucky5.doit.wisc.edu\n';
    const site = { servers: [{ address: 'tsm.example.edu', tier: 'Gold', port: 1600 }] };
    assert.match(hoverText(text, 1, 22, { serverCatalog: site })!, /Gold server, port 1600/);
    assert.match(hoverText(text, 2, 22, { serverCatalog: site })!, /Enterprise/);
    assert.equal(hoverText(text, 2, 22, { serverCatalog: { ...site, mode: 'replace' } }), undefined);
  });

  it('escapes document text, so a value cannot inject links, commands or HTML into the markdown', () => {
    const hostile = '[x](command:workbench.action.quit)<img/src=x>`code`*b*';
    const h = hoverText(`SErvername x\n  TCPServeraddress bucky5.doit.wisc.edu\n  TCPPort ${hostile}\n`, 1, 25)!;
    assert.ok(
      h.includes(
        'TCPPORT here is \\[x\\]\\(command\\:workbench\\.action\\.quit\\)\\<img\\/src\\=x\\>\\`code\\`\\*b\\*',
      ),
      h,
    );
    assert.doesNotMatch(h, /[^\\][[<(`]command/);
    const fromSettings = hoverText('SErvername x\n tcps evil.example\n', 1, 8, {
      serverCatalog: { servers: [{ address: 'evil.example', tier: '<a href="command:x">t</a>', port: 1500 }] },
    })!;
    assert.ok(fromSettings.includes('\\<a href\\=\\"command\\:x\\"\\>'), fromSettings);
    assert.doesNotMatch(fromSettings, /(^|[^\\])</);
  });
});
