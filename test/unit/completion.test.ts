import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { CompletionItem, MarkupContent, Position, TextEdit } from 'vscode-languageserver-types';
import { analyze, applyEdits, memoryWorkspace, service } from './helpers';
import { DsmLanguageService } from '../../server/src/service/languageService';

function complete(
  text: string,
  line: number,
  character: number,
  opts: { settings?: unknown; uri?: string; builtinSnippets?: boolean } = {},
): CompletionItem[] {
  const svc = service(opts.settings, { client: { snippetSupport: true, builtinSnippets: opts.builtinSnippets } });
  const { doc } = analyze(text, opts.uri ?? 'file:///etc/dsm.sys', svc);
  return svc.completion(doc, Position.create(line, character));
}

const labels = (items: CompletionItem[]) => items.map((i) => i.label);

describe('completion', () => {
  it('offers POLLING first and preselected after SCHEDMODE, abbreviated or not', () => {
    for (const line of ['  SCHEDMODE ', '  schedmod ', '\tSchedMode\t']) {
      const items = complete(`SErvername a\n${line}`, 1, line.length);
      assert.deepEqual(labels(items), ['POLLING', 'PROMPTED'], line);
      assert.equal(items[0].preselect, true);
      assert.ok(items[0].sortText! < items[1].sortText!);
      assert.match((items[0].documentation as MarkupContent).value, /firewall/);
    }
  });

  it('replaces a partly typed value', () => {
    const text = 'SErvername a\n  SCHEDMODE pr';
    const [polling] = complete(text, 1, 14);
    assert.equal(applyEdits(text, [polling.textEdit as TextEdit]), 'SErvername a\n  SCHEDMODE POLLING');
  });

  it('offers option names with their documentation where a name goes, replacing a partly typed name', () => {
    const text = 'SErvername a\n  schedm';
    const items = complete(text, 1, 8);
    const item = items.find((i) => i.label === 'SCHEDMODE')!;
    assert.ok(item, 'SCHEDMODE offered');
    assert.match((item.documentation as MarkupContent).value, /POlling \| PRompted/);
    assert.equal(applyEdits(text, [item.textEdit as TextEdit]), 'SErvername a\n  SCHEDMODE');
    assert.ok(labels(complete('SErvername a\n\n', 1, 0)).includes('TCPSERVERADDRESS'));
  });

  it('offers only options that belong in a UNIX dsm.opt there', () => {
    const names = labels(complete('SErvername bucky5\n', 1, 0, { uri: 'file:///etc/dsm.opt' }));
    assert.ok(names.includes('DOMAIN'));
    assert.ok(names.includes('SERVERNAME'));
    assert.ok(!names.includes('TCPSERVERADDRESS'));
    assert.ok(!names.includes('SCHEDMODE'));
  });

  it('offers the catalogued server addresses with tier and port', () => {
    const items = complete('SErvername a\n  TCPServeraddress ', 1, 19);
    const bucky5 = items.find((i) => i.label === 'bucky5.doit.wisc.edu')!;
    assert.equal(bucky5.detail, 'Enterprise, port 1503');
    assert.equal(items.length, 8);
  });

  it('offers the TCPPORT that matches the stanza address, or every catalogued port', () => {
    const items = complete('SErvername a\n  TCPServeraddress bl3.doit.wisc.edu\n  TCPPort ', 2, 10);
    assert.deepEqual(labels(items), ['1503']);
    assert.equal(items[0].preselect, true);
    assert.match(items[0].detail!, /bl3\.doit\.wisc\.edu \(Lite\)/);
    assert.deepEqual(labels(complete('SErvername a\n  TCPPort ', 1, 10)), [
      '1499',
      '1500',
      '1501',
      '1502',
      '1503',
      '1504',
    ]);
  });

  it('offers the stanza names after DEFAULTSERVER, and after a UNIX dsm.opt SERVERNAME the names of the dsm.sys beside it', () => {
    assert.deepEqual(labels(complete('DEFAULTServer \nSErvername bucky2\nSErvername archive\n', 0, 14)), [
      'bucky2',
      'archive',
    ]);
    const svc = new DsmLanguageService({
      workspace: memoryWorkspace({ 'file:///etc/dsm.sys': 'SErvername bucky5\nSErvername lab\nREPLSERVERName repl\n' }),
    });
    const { doc } = analyze('SErvername ', 'file:///etc/dsm.opt', svc);
    assert.deepEqual(labels(svc.completion(doc, Position.create(0, 11))), ['bucky5', 'lab']);
  });

  it('offers keyword values of other options, and nothing inside comments', () => {
    assert.deepEqual(labels(complete('SErvername a\n  PASSWORDAccess ', 1, 17)), ['PROMPT', 'GENERATE']);
    assert.deepEqual(complete('* SCHEDMODE ', 0, 12), []);
  });

  it("offers stanza snippets for catalogued servers, only the site's when the client has the built-in ones", () => {
    const all = complete('\n', 0, 0).filter((i) => i.kind === 15);
    assert.equal(all.length, 8);
    const snippet = all.find((i) => i.label === 'bucky-bucky5')!;
    assert.match(
      (snippet.textEdit as TextEdit).newText,
      /TCPSERVERADDRESS {2}bucky5\.doit\.wisc\.edu\n {3}TCPPORT {11}1503/,
    );
    const site = { serverCatalog: { servers: [{ address: 'tsm.example.edu', tier: 'Gold', port: 1600 }] } };
    const onlySite = complete('\n', 0, 0, { settings: site, builtinSnippets: true }).filter((i) => i.kind === 15);
    assert.deepEqual(labels(onlySite), ['bucky-tsm']);
    const flat = complete('NODename x\nTCPPort 1500\n\n', 2, 0, { uri: 'file:///c/dsm.opt' }).find(
      (i) => i.label === 'bucky-bucky5-opt',
    )!;
    assert.doesNotMatch((flat.textEdit as TextEdit).newText, /SErvername/);
  });
});
