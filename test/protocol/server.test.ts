import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import { LspClient, SERVER, SMALL_WAIT_MS } from './lspClient';
import { VSCODE } from './profiles';
import { TextDocument } from 'vscode-languageserver-textdocument';

const SYS = 'file:///etc/tsm/dsm.sys';
const TEXT = [
  '* Two Bucky stanzas',
  'SErvername  bucky5',
  '   TCPServeraddress   bucky5.doit.wisc.edu',
  '   tcpp               1503',
  '   SCHEDMODe          PROMPTED',
  '',
  'SErvername  archive',
  '   TCPServeraddress   ba1.doit.wisc.edu',
  '   TCPPort            1501',
  '',
].join('\n');

type Edit = {
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  newText: string;
};
type Action = {
  title: string;
  kind: string;
  isPreferred?: boolean;
  edit: { changes: Record<string, Edit[]> };
  command?: { command: string; arguments?: unknown[] };
};

function apply(text: string, edits: Edit[]): string {
  return TextDocument.applyEdits(TextDocument.create(SYS, 'dsm', 1, text), edits);
}

for (const transport of ['stdio', 'in-process'] as const)
  describe(`the server as VS Code sees it (${transport === 'stdio' ? 'dist/server.js over stdio' : 'in process, over a pair of streams'})`, () => {
    let client: LspClient;

    before(async () => {
      assert.ok(fs.existsSync(SERVER), 'run npm run build first');
      client = new LspClient({ transport });
    });
    after(async () => client.stop());

    it('initializes with its capabilities', async () => {
      const result = await client.initialize(VSCODE.capabilities, VSCODE.initializationOptions);
      const caps = result.capabilities as {
        textDocumentSync: { change: number };
        codeActionProvider: { codeActionKinds: string[] };
        hoverProvider: boolean;
      };
      assert.equal(caps.textDocumentSync.change, 2, 'incremental sync');
      assert.deepEqual(caps.codeActionProvider.codeActionKinds, ['quickfix', 'source.fixAll.dsm']);
      assert.equal(caps.hoverProvider, true);
      assert.deepEqual((result as { serverInfo?: unknown }).serverInfo, {
        name: 'dsm-language-server',
        version: JSON.parse(fs.readFileSync(`${__dirname}/../../../package.json`, 'utf8')).version,
      });
    });

    it('registers for settings changes, as the client allows', async () => {
      await client.until('client/registerCapability', SMALL_WAIT_MS, () =>
        client.serverRequests.some((r) => r.method === 'client/registerCapability'),
      );
      const registration = client.serverRequests.find((r) => r.method === 'client/registerCapability')!.params as {
        registrations: { method: string }[];
      };
      assert.deepEqual(
        registration.registrations.map((r) => r.method),
        ['workspace/didChangeConfiguration'],
      );
    });

    it('publishes the two SCHEDMODE warnings on didOpen', async () => {
      await client.open(SYS, TEXT);
      const p = await client.diagnostics(SYS, 1, SMALL_WAIT_MS);
      assert.deepEqual(
        p.diagnostics.map((d) => [
          d.code,
          d.source,
          d.range.start.line,
          d.range.start.character,
          d.range.end.character,
        ]),
        [
          ['schedmode-prompted', 'dsm', 4, 22, 30],
          ['schedmode-missing', 'dsm', 6, 0, 19],
        ],
      );
    });

    it('answers codeAction with the preferred quick fix, whose command shows the restart reminder as a message, not a question', async () => {
      const p = await client.request<Action[]>('textDocument/codeAction', {
        textDocument: { uri: SYS },
        range: { start: { line: 4, character: 25 }, end: { line: 4, character: 25 } },
        context: { diagnostics: [] },
      });
      assert.deepEqual(
        p.map((a) => a.isPreferred),
        [true, false],
      );
      assert.equal(apply(TEXT, p[0].edit.changes[SYS]), TEXT.replace('PROMPTED', 'POLLING'));
      assert.deepEqual(p[0].command?.arguments, [SYS], 'every command carries its arguments');
      await client.request('workspace/executeCommand', {
        command: p[0].command!.command,
        arguments: p[0].command!.arguments,
      });
      await client.until('the reminder', SMALL_WAIT_MS, () => client.messages.length > 0);
      assert.match(client.messages[0].message, /restart the TSM client scheduler/);
      assert.deepEqual(
        client.serverRequests.filter((r) => r.method === 'window/showMessageRequest'),
        [],
      );
    });

    it('applies fix-all, then re-validates an incremental change to no warnings', async () => {
      const [fixAll] = await client.request<Action[]>('textDocument/codeAction', {
        textDocument: { uri: SYS },
        range: { start: { line: 0, character: 0 }, end: { line: 9, character: 0 } },
        context: { diagnostics: [], only: ['source.fixAll'] },
      });
      assert.equal(fixAll.kind, 'source.fixAll.dsm');
      const edits = fixAll.edit.changes[SYS];
      const fixed = apply(TEXT, edits);
      assert.equal(fixed, TEXT.replace('PROMPTED', 'POLLING').replace('1501\n', '1501\n   SCHEDMODE POLLING\n'));
      // Send the fix as incremental changes, the last edit first, as editors do.
      const ordered = [...edits].sort(
        (a, b) => b.range.start.line - a.range.start.line || b.range.start.character - a.range.start.character,
      );
      await client.connection.sendNotification('textDocument/didChange', {
        textDocument: { uri: SYS, version: 2 },
        contentChanges: ordered.map((e) => ({ range: e.range, text: e.newText })),
      });
      const p = await client.diagnostics(SYS, 2, SMALL_WAIT_MS);
      assert.deepEqual(p.diagnostics, []);
    });

    it('answers hover on a Bucky server address with its tier and port', async () => {
      const h = await client.request<{ contents: { kind: string; value: string } }>('textDocument/hover', {
        textDocument: { uri: SYS },
        position: { line: 2, character: 30 },
      });
      assert.equal(h.contents.kind, 'markdown');
      assert.match(h.contents.value, /Enterprise server, port 1503/);
    });

    it('SERVERONLY + PROMPTED: the quick fix and fix-all both leave a client-initiated, polling stanza', async () => {
      const uri = 'file:///etc/tsm/serveronly/dsm.sys';
      const text =
        'SErvername fw\n   TCPServeraddress tsm.example.edu\n   SESSIONINITiation SERVEROnly\n   SCHEDMODe PROMPTED\n   PASSWORDAccess generate\n';
      const want = text.replace('SERVEROnly', 'CLIENT').replace('PROMPTED', 'POLLING');
      await client.open(uri, text);
      const p = await client.diagnostics(uri, 1, SMALL_WAIT_MS);
      assert.deepEqual(
        p.diagnostics.map((d) => d.code),
        ['schedmode-prompted'],
      );
      assert.match(String(p.diagnostics[0].message), /SESSIONINITIATION=CLIENTORSERVER/);
      const [quick] = await client.request<Action[]>('textDocument/codeAction', {
        textDocument: { uri },
        range: p.diagnostics[0].range,
        context: { diagnostics: p.diagnostics },
      });
      assert.equal(quick.isPreferred, true);
      assert.equal(
        quick.title,
        'Change SCHEDMODE to POLLING and SESSIONINITIATION to CLIENT (then restart the scheduler)',
      );
      assert.equal(apply(text, quick.edit.changes[uri]), want);
      const [fixAll] = await client.request<Action[]>('textDocument/codeAction', {
        textDocument: { uri },
        range: { start: { line: 0, character: 0 }, end: { line: 5, character: 0 } },
        context: { diagnostics: [], only: ['source.fixAll'] },
      });
      assert.equal(fixAll.kind, 'source.fixAll.dsm');
      const edits = fixAll.edit.changes[uri];
      assert.equal(apply(text, edits), want);
      const ordered = [...edits].sort(
        (a, b) => b.range.start.line - a.range.start.line || b.range.start.character - a.range.start.character,
      );
      await client.connection.sendNotification('textDocument/didChange', {
        textDocument: { uri, version: 2 },
        contentChanges: ordered.map((e) => ({ range: e.range, text: e.newText })),
      });
      assert.deepEqual((await client.diagnostics(uri, 2, SMALL_WAIT_MS)).diagnostics, []);
    });

    it('answers completion with POLLING first after SCHEDMODE', async () => {
      const uri = 'file:///etc/tsm/other/dsm.sys';
      await client.open(uri, 'SErvername x\n  SCHEDMODE \n');
      const items = await client.request<{ label: string; preselect?: boolean }[]>('textDocument/completion', {
        textDocument: { uri },
        position: { line: 1, character: 12 },
      });
      assert.deepEqual(
        items.map((i) => i.label),
        ['POLLING', 'PROMPTED'],
      );
      assert.equal(items[0].preselect, true);
    });

    it('follows a settings change: a site server appears in hover without a restart', async () => {
      const uri = 'file:///etc/tsm/site/dsm.sys';
      await client.open(uri, 'SErvername x\n  TCPServeraddress tsm.example.edu\n  SCHEDMODE POLLING\n');
      await client.diagnostics(uri, 1, SMALL_WAIT_MS);
      const hover = () =>
        client.request<{ contents: { value: string } } | null>('textDocument/hover', {
          textDocument: { uri },
          position: { line: 1, character: 22 },
        });
      assert.equal(await hover(), null);
      client.settings = { serverCatalog: { servers: [{ address: 'tsm.example.edu', tier: 'Gold', port: 1600 }] } };
      await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
      await client.diagnostics(uri, 1, SMALL_WAIT_MS); // re-validated after the new settings
      assert.match((await hover())!.contents.value, /Gold server, port 1600/);
    });

    it('answers requests for documents it never saw with empty results and stays up', async () => {
      const uri = 'file:///never/opened/dsm.sys';
      assert.equal(
        await client.request('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 0 } }),
        null,
      );
      assert.deepEqual(
        await client.request('textDocument/completion', { textDocument: { uri }, position: { line: 0, character: 0 } }),
        [],
      );
      assert.deepEqual(await client.request('textDocument/documentSymbol', { textDocument: { uri } }), []);
      assert.deepEqual(
        client.logs.filter((l) => /unexpected error/.test(l)),
        [],
      );
    });
  });

describe('the dsm-language-server command', () => {
  it('is the package bin, and explains its usage when started without a transport', () => {
    const pkg = JSON.parse(fs.readFileSync(`${__dirname}/../../../package.json`, 'utf8'));
    assert.equal(pkg.bin['dsm-language-server'], './dist/server.js');
    assert.match(fs.readFileSync(SERVER, 'utf8').split('\n')[0], /^#!\/usr\/bin\/env node/);
    const r = spawnSync(process.execPath, [SERVER], { encoding: 'utf8' });
    assert.equal(r.status, 2);
    assert.match(r.stderr, /Usage: dsm-language-server --stdio/);
    const v = spawnSync(process.execPath, [SERVER, '--version'], { encoding: 'utf8' });
    assert.equal(v.stdout, `dsm-language-server ${pkg.version}\n`);
  });
});
