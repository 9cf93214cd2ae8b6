/** The firewall code lens, dsm.firewallRules and formatting, over the protocol, as VS Code and as an editor with no extras. */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { LspClient, SERVER, SMALL_WAIT_MS } from './lspClient';
import { MINIMAL, VSCODE } from './profiles';

const SYS = 'file:///etc/tsm/dsm.sys';
const TEXT = 'SErvername  bucky5\n   TCPServeraddress bucky5.doit.wisc.edu\n  tcpp 1503\n   SCHEDMODe PROMPTED   \n';

type Lens = { range: { start: { line: number } }; command: { title: string; command: string; arguments: unknown[] } };
type Edit = {
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  newText: string;
};

const VSCODE_DESKTOP = {
  ...VSCODE.initializationOptions,
  firewallRulesCommand: true,
  testConnectionCommand: true,
  fileAccess: true,
};

for (const transport of ['stdio', 'in-process'] as const)
  describe(`firewall and formatting over the protocol (${transport})`, () => {
    let client: LspClient;

    before(async () => {
      assert.ok(fs.existsSync(SERVER), 'run npm run build first');
      client = new LspClient({ transport });
      const { capabilities } = await client.initialize(VSCODE.capabilities, VSCODE_DESKTOP);
      assert.deepEqual(capabilities.codeLensProvider, { resolveProvider: false });
      assert.equal(capabilities.documentFormattingProvider, true);
      assert.equal(capabilities.documentRangeFormattingProvider, true);
      assert.ok((capabilities.executeCommandProvider as { commands: string[] }).commands.includes('dsm.firewallRules'));
      await client.open(SYS, TEXT);
    });
    after(async () => client.stop());

    it('answers codeLens with the firewall summary on the stanza header, and Test connection for a desktop client', async () => {
      const lenses = await client.request<Lens[]>('textDocument/codeLens', { textDocument: { uri: SYS } });
      assert.deepEqual(
        lenses.map((l) => [l.range.start.line, l.command.command, l.command.title]),
        [
          [
            0,
            'dsm.showFirewallRules',
            'Firewall: allow outbound TCP to bucky5.doit.wisc.edu:1503; inbound TCP on port 1501 from the server',
          ],
          [0, 'dsm.testConnection', 'Test connection'],
        ],
      );
      assert.deepEqual(lenses[0].command.arguments, [SYS, 'bucky5']);
    });

    it('runs dsm.firewallRules on an open document', async () => {
      const text = await client.request<string>('workspace/executeCommand', {
        command: 'dsm.firewallRules',
        arguments: [SYS, 'BUCKY5'],
      });
      assert.match(text, /^iptables -A INPUT -p tcp -s "\$SERVER" --dport 1501 -m conntrack --ctstate NEW -j ACCEPT$/m);
      assert.match(text, /^New-NetFirewallRule -DisplayName "TSM client bucky5 outbound TCP 1503"/m);
    });

    it('runs dsm.firewallRules on a file that is not open, read through the client, with the name left out for its one stanza', async () => {
      const uri = 'file:///srv/other/dsm.sys';
      client.files.set(uri, 'SErvername only\n  TCPServeraddress 192.0.2.7\n');
      const text = await client.request<string>('workspace/executeCommand', {
        command: 'dsm.firewallRules',
        arguments: [uri],
      });
      assert.match(text, /^ufw allow out proto tcp to 192\.0\.2\.7 port 1500$/m);
    });

    it('answers bad arguments with an error that says what the command takes, and stays up', async () => {
      await assert.rejects(
        client.request('workspace/executeCommand', { command: 'dsm.firewallRules', arguments: [42] }),
        /takes the URI of a dsm\.sys or dsm\.opt/,
      );
      await assert.rejects(
        client.request('workspace/executeCommand', { command: 'dsm.firewallRules', arguments: [SYS, 'nope'] }),
        /No stanza named nope/,
      );
      await assert.rejects(
        client.request('workspace/executeCommand', {
          command: 'dsm.firewallRules',
          arguments: ['file:///nowhere/dsm.sys'],
        }),
        /Cannot read/,
      );
      assert.ok(await client.request('textDocument/codeLens', { textDocument: { uri: SYS } }));
    });

    it('formats the document: one column, one indent, trailing blanks gone; range formatting only its lines', async () => {
      const edits = await client.request<Edit[]>('textDocument/formatting', {
        textDocument: { uri: SYS },
        options: { tabSize: 4, insertSpaces: true },
      });
      const formatted = TextDocument.applyEdits(TextDocument.create(SYS, 'dsm', 1, TEXT), edits);
      assert.equal(
        formatted,
        'SErvername  bucky5\n   TCPServeraddress bucky5.doit.wisc.edu\n   tcpp             1503\n   SCHEDMODe        PROMPTED\n',
      );
      const ranged = await client.request<Edit[]>('textDocument/rangeFormatting', {
        textDocument: { uri: SYS },
        range: { start: { line: 2, character: 0 }, end: { line: 2, character: 4 } },
        options: { tabSize: 4, insertSpaces: true },
      });
      assert.deepEqual(
        ranged.map((e) => [e.range.start.line, e.range.end.line]),
        [[2, 2]],
      );
      assert.equal(
        TextDocument.applyEdits(TextDocument.create(SYS, 'dsm', 1, TEXT), ranged),
        TEXT.replace('  tcpp 1503', '   tcpp             1503'),
      );
    });
  });

describe('the firewall code lens for an editor with no extras', () => {
  it('runs the server command itself, and offers no Test connection', async () => {
    const client = new LspClient({ transport: 'in-process' });
    try {
      await client.initialize(MINIMAL.capabilities);
      await client.open(SYS, TEXT);
      const lenses = await client.request<Lens[]>(
        'textDocument/codeLens',
        { textDocument: { uri: SYS } },
        SMALL_WAIT_MS,
      );
      assert.deepEqual(
        lenses.map((l) => [l.command.command, l.command.arguments]),
        [['dsm.firewallRules', [SYS, 'bucky5']]],
      );
    } finally {
      await client.stop();
    }
  });
});
