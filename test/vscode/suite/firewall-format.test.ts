/**
 * In a real VS Code: the firewall code lens, the rules it opens, "Test
 * connection" against a listener on 127.0.0.1 (nothing else is ever
 * contacted), and Format Document.
 */
import * as assert from 'assert';
import * as net from 'net';
import * as vscode from 'vscode';
import { activateExtension, lineOf, openDoc, waitFor, withConfig } from './helpers';
import { FORMATTED } from './formatted';

async function lenses(uri: vscode.Uri): Promise<vscode.CodeLens[]> {
  return (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri)) ?? [];
}

async function lensesWith(
  uri: vscode.Uri,
  pred: (titles: string[]) => boolean,
  what: string,
): Promise<vscode.CodeLens[]> {
  return waitFor(async () => {
    const all = await lenses(uri);
    return pred(all.map((l) => l.command?.title ?? '')) ? all : undefined;
  }, what);
}

describe('Firewall code lens', () => {
  before(activateExtension);

  it('shows on each stanza header what the network must allow, PROMPTED with its inbound rule', async () => {
    const doc = await openDoc('dsm.sys');
    const all = await lensesWith(doc.uri, (t) => t.some((x) => x.startsWith('Firewall:')), 'firewall code lenses');
    const firewall = all.filter((l) => l.command?.title.startsWith('Firewall:'));
    assert.deepStrictEqual(
      firewall.map((l) => [l.range.start.line, l.command!.title]),
      [
        [lineOf(doc, /^SErvername\s+BUCKY2/), 'Firewall: allow outbound TCP to bucky2.doit.wisc.edu:1500'],
        [
          lineOf(doc, /^SErvername\s+BUCKY5/),
          'Firewall: allow outbound TCP to bucky5.doit.wisc.edu:1503; inbound TCP on port 1501 from the server',
        ],
        [lineOf(doc, /^SErvername\s+ARCHIVE/), 'Firewall: allow outbound TCP to ba1.doit.wisc.edu:1501'],
      ],
    );
    assert.strictEqual(
      all.filter((l) => l.command?.title === 'Test connection').length,
      3,
      'a Test connection lens per stanza (desktop)',
    );
  });

  it('clicking it opens the rules in a new untitled document', async () => {
    const doc = await openDoc('dsm.sys');
    const all = await lensesWith(
      doc.uri,
      (t) => t.some((x) => x.includes('inbound TCP on port 1501')),
      'the BUCKY5 lens',
    );
    const lens = all.find((l) => l.command?.title.includes('inbound TCP on port 1501'))!;
    assert.strictEqual(lens.command!.command, 'dsm.showFirewallRules');
    const rules = await vscode.commands.executeCommand<vscode.TextDocument>(
      lens.command!.command,
      ...(lens.command!.arguments ?? []),
    );
    assert.ok(rules, 'a document');
    assert.strictEqual(rules.uri.scheme, 'untitled');
    assert.strictEqual(vscode.window.activeTextEditor?.document, rules, 'shown in the editor');
    const text = rules.getText();
    assert.match(text, /^iptables -A INPUT -p tcp -s "\$SERVER" --dport 1501 -m conntrack --ctstate NEW -j ACCEPT$/m);
    assert.match(text, /^netsh advfirewall firewall add rule name="TSM client BUCKY5 outbound TCP 1503"/m);
  });

  it('other callers get the same text from the server command dsm.firewallRules', async () => {
    const doc = await openDoc('windows/dsm.opt', false);
    const text = await waitFor(
      async () => vscode.commands.executeCommand<string>('dsm.firewallRules', doc.uri.toString()),
      'the rules of windows/dsm.opt',
    );
    assert.match(
      text,
      /^New-NetFirewallRule -DisplayName "TSM client options file outbound TCP 1504" -Direction Outbound -Protocol TCP -RemoteAddress \$server -RemotePort 1504 -Action Allow$/m,
    );
  });
});

describe('Test connection (to 127.0.0.1 only)', () => {
  let server: net.Server;
  let port: number;
  let accepted = 0;

  before(async () => {
    await activateExtension();
    server = net.createServer((socket) => {
      accepted++;
      socket.end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as net.AddressInfo).port;
  });
  after(() => new Promise((resolve) => server.close(() => resolve(undefined))));

  /** The connection fixture's stanza, pointed at a port on 127.0.0.1 (in the editor; not saved). */
  async function stanzaOn(p: number): Promise<vscode.TextDocument> {
    const doc = await openDoc('connection/dsm.sys');
    const editor = await vscode.window.showTextDocument(doc);
    const line = lineOf(doc, /^\s*TCPPort\s/);
    assert.ok(await editor.edit((b) => b.replace(doc.lineAt(line).range, `   TCPPort            ${p}`)));
    return doc;
  }

  async function testLens(doc: vscode.TextDocument, p: number): Promise<vscode.CodeLens> {
    const all = await lensesWith(
      doc.uri,
      (t) => t.some((x) => x.endsWith(`127.0.0.1:${p}`)),
      `the lens for 127.0.0.1:${p}`,
    );
    const lens = all.find((l) => l.command?.title === 'Test connection');
    assert.ok(lens, 'a Test connection lens');
    return lens;
  }

  it('connects to the listener and reports the time taken', async () => {
    const doc = await stanzaOn(port);
    const lens = await testLens(doc, port);
    assert.deepStrictEqual(lens.command!.arguments, [{ address: '127.0.0.1', port, label: 'stanza LOOPBACK' }]);
    const before = accepted;
    const result = await vscode.commands.executeCommand<{ kind: string; ms: number }>(
      lens.command!.command,
      ...lens.command!.arguments!,
    );
    assert.strictEqual(result?.kind, 'connected', JSON.stringify(result));
    assert.ok(result.ms >= 0);
    await waitFor(() => accepted > before, 'the listener to see the connection');
  });

  it('from the palette, takes the stanza at the cursor', async () => {
    const doc = await stanzaOn(port);
    await testLens(doc, port);
    const editor = vscode.window.activeTextEditor!;
    const line = lineOf(doc, /^\s*SCHEDMODE/);
    editor.selection = new vscode.Selection(line, 0, line, 0);
    const result = await vscode.commands.executeCommand<{ kind: string }>('dsm.testConnection');
    assert.strictEqual(result?.kind, 'connected', JSON.stringify(result));
  });

  it('reports refused for a closed port on 127.0.0.1', async () => {
    const spare = net.createServer();
    await new Promise<void>((resolve) => spare.listen(0, '127.0.0.1', resolve));
    const closed = (spare.address() as net.AddressInfo).port;
    await new Promise((resolve) => spare.close(resolve));
    const doc = await stanzaOn(closed);
    const lens = await testLens(doc, closed);
    const result = await vscode.commands.executeCommand<{ kind: string }>(
      lens.command!.command,
      ...lens.command!.arguments!,
    );
    assert.strictEqual(result?.kind, 'refused', JSON.stringify(result));
  });
});

describe('Formatting', () => {
  before(activateExtension);

  it('saving does not format unless the user asks for it', async () => {
    const doc = await openDoc('format/dsm.sys');
    const before = doc.getText();
    const editor = await vscode.window.showTextDocument(doc);
    assert.ok(await editor.edit((b) => b.insert(new vscode.Position(0, doc.lineAt(0).text.length), ' ')));
    assert.ok(await doc.save());
    assert.strictEqual(doc.getText(), before.replace('place.\n', 'place. \n'), 'only the typed blank changed');
    assert.ok(
      await editor.edit((b) =>
        b.delete(new vscode.Range(0, doc.lineAt(0).text.length - 1, 0, doc.lineAt(0).text.length)),
      ),
    );
    assert.ok(await doc.save());
  });

  it("Format Document aligns each stanza's values in one column, in the stanza's own indent", async () => {
    const doc = await openDoc('format/dsm.sys');
    await vscode.window.showTextDocument(doc);
    await waitFor(
      async () => {
        await vscode.commands.executeCommand('editor.action.formatDocument');
        return doc.getText() === FORMATTED;
      },
      () => `the formatted text; have:\n${doc.getText()}`,
    );
    // Once formatted, formatting again changes nothing.
    const again = await vscode.commands.executeCommand<vscode.TextEdit[]>(
      'vscode.executeFormatDocumentProvider',
      doc.uri,
      { tabSize: 4, insertSpaces: true },
    );
    assert.deepStrictEqual(again ?? [], []);
  });

  it("dsm.format.canonicalNames writes the table's capitals", async () => {
    await withConfig('dsm', 'format.canonicalNames', true, vscode.ConfigurationTarget.Workspace, async () => {
      const doc = await openDoc('format/dsm.sys');
      const edits = await waitFor(async () => {
        const e = await vscode.commands.executeCommand<vscode.TextEdit[]>(
          'vscode.executeFormatDocumentProvider',
          doc.uri,
          { tabSize: 4, insertSpaces: true },
        );
        return e?.some((x) => x.newText.includes('TCPP')) ? e : undefined;
      }, 'edits with canonical names');
      const edit = new vscode.WorkspaceEdit();
      edit.set(doc.uri, edits);
      assert.ok(await vscode.workspace.applyEdit(edit));
      assert.match(doc.getText(), /^ {3}TCPP {13}1503$/m);
      assert.match(doc.getText(), /^\tSCHEDMODe {8}polling$/m);
    });
  });
});
