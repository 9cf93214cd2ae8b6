/**
 * The whole setup over the protocol: a workspace folder on disk (or served
 * by the client, as VS Code does), live cross-file diagnostics, watching,
 * navigation, rename, workspace symbols and document links.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { LspClient, Published, SMALL_WAIT_MS } from './lspClient';
import { VSCODE } from './profiles';

type Range = { start: { line: number; character: number }; end: { line: number; character: number } };
type Location = { uri: string; range: Range };
type TextDocumentEdit = {
  textDocument: { uri: string; version: number | null };
  edits: { range: Range; newText: string }[];
};

/** VS Code's capabilities, with what the workspace features look at. */
const CAPABILITIES = {
  ...VSCODE.capabilities,
  workspace: {
    ...VSCODE.capabilities.workspace,
    workspaceFolders: true,
    workspaceEdit: { documentChanges: true },
    didChangeWatchedFiles: { dynamicRegistration: true, relativePatternSupport: true },
  },
  textDocument: { ...VSCODE.capabilities.textDocument, rename: { prepareSupport: true } },
};

const hasUnknownServer = (p: Published) => p.diagnostics.some((d) => d.code === 'unknown-server');
const noUnknownServer = (p: Published) => !hasUnknownServer(p);

function stanzas(...names: string[]): string {
  return names
    .map((n) => `SErvername  ${n}\n   TCPServeraddress   ${n}.example.edu\n   SCHEDMODE          POLLING\n`)
    .join('');
}

function change(client: LspClient, uri: string, version: number, text: string): Promise<void> {
  return client.connection.sendNotification('textDocument/didChange', {
    textDocument: { uri, version },
    contentChanges: [{ text }],
  });
}

for (const transport of ['in-process', 'stdio'] as const)
  describe(`a workspace folder on disk (${transport === 'stdio' ? 'dist/server.js over stdio' : 'in process'})`, () => {
    let client: LspClient;
    let root: string;
    let folder: string;
    const uri = (rel: string) => pathToFileURL(path.join(root, rel)).href;
    const write = (rel: string, text: string) => {
      fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
      fs.writeFileSync(path.join(root, rel), text);
    };
    const watched = (rel: string, type: number) =>
      client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uri(rel), type }] });

    before(async () => {
      root = fs.mkdtempSync(path.join(os.tmpdir(), 'dsm-ws-'));
      folder = pathToFileURL(root).href;
      write('tsm/dsm.sys', stanzas('alpha'));
      write('tsm/dsm.opt', 'SErvername beta\n');
      write('tsm/backup.excl', 'EXCLUDE.DIR /proc\n');
      write('other/dsm.sys', stanzas('vault'));
      client = new LspClient({ transport });
      const result = await client.initialize(CAPABILITIES, VSCODE.initializationOptions, [folder]);
      const caps = result.capabilities as Record<string, unknown>;
      assert.deepEqual(caps.renameProvider, { prepareProvider: true });
      assert.equal(caps.definitionProvider, true);
      assert.deepEqual(caps.workspace, { workspaceFolders: { supported: true, changeNotifications: true } });
    });
    after(async () => {
      await client.stop();
      fs.rmSync(root, { recursive: true, force: true });
    });

    it('registers one watcher for the option and include-exclude files of the folders, as the client allows', async () => {
      await client.until('a watcher registration', SMALL_WAIT_MS, () =>
        client.serverRequests.some((r) => JSON.stringify(r.params).includes('didChangeWatchedFiles')),
      );
      const registrations = client.serverRequests
        .filter((r) => r.method === 'client/registerCapability')
        .flatMap(
          (r) =>
            (
              r.params as {
                registrations: { method: string; registerOptions: { watchers: { globPattern: unknown }[] } }[];
              }
            ).registrations,
        )
        .filter((r) => r.method === 'workspace/didChangeWatchedFiles');
      assert.equal(registrations.length, 1);
      const glob = registrations[0].registerOptions.watchers[0].globPattern as string;
      assert.match(glob, /^\*\*\/\{\[dD\]\[sS\]\[mM\]\*\.\[sS\]\[yY\]\[sS\],/);
      assert.match(glob, /\[iI\]\[nN\]\[cC\]\[lL\]\[eE\]\[xX\]\[cC\]\[lL\]/);
    });

    it("live: a dsm.opt's unknown-server goes when its dsm.sys gets the stanza on disk, comes back when the open dsm.sys loses it, and goes again", async () => {
      const opt = uri('tsm/dsm.opt');
      await client.open(opt, 'SErvername beta\n');
      const first = await client.settled(opt, SMALL_WAIT_MS, hasUnknownServer);
      assert.match(first.diagnostics[0].message, /No server stanza named beta .* Stanzas: alpha/);

      write('tsm/dsm.sys', stanzas('alpha', 'beta'));
      await watched('tsm/dsm.sys', 2);
      await client.settled(opt, SMALL_WAIT_MS, noUnknownServer);

      const sys = uri('tsm/dsm.sys');
      await client.open(sys, stanzas('alpha', 'beta'));
      await change(client, sys, 2, stanzas('alpha'));
      await client.settled(opt, SMALL_WAIT_MS, hasUnknownServer);
      await change(client, sys, 3, stanzas('alpha', 'beta'));
      await client.settled(opt, SMALL_WAIT_MS, noUnknownServer);
      await change(client, sys, 4, stanzas('alpha'));
      await client.settled(opt, SMALL_WAIT_MS, hasUnknownServer);

      // Closed, the open copy no longer counts: the copy on disk has beta.
      await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri: sys } });
      await client.settled(opt, SMALL_WAIT_MS, noUnknownServer);
    });

    it('goes from the dsm.opt to the stanza in the dsm.sys on disk, which is not open', async () => {
      const opt = uri('tsm/dsm.opt');
      const locations = await client.request<Location[]>('textDocument/definition', {
        textDocument: { uri: opt },
        position: { line: 0, character: 13 },
      });
      assert.deepEqual(
        locations.map((l) => [path.basename(new URL(l.uri).pathname), l.range.start.line, l.range.start.character]),
        [['dsm.sys', 3, 12]],
      );
    });

    it('renames across the open dsm.opt and the dsm.sys on disk, read afresh first: a line added on disk unannounced shifts the edit', async () => {
      const opt = uri('tsm/dsm.opt');
      const disk = '* added without a watcher event\n' + stanzas('alpha', 'beta');
      write('tsm/dsm.sys', disk);
      const prepared = await client.request<{ range: Range; placeholder: string }>('textDocument/prepareRename', {
        textDocument: { uri: opt },
        position: { line: 0, character: 13 },
      });
      assert.equal(prepared.placeholder, 'beta');
      const edit = await client.request<{ documentChanges: TextDocumentEdit[] }>('textDocument/rename', {
        textDocument: { uri: opt },
        position: { line: 0, character: 13 },
        newName: 'gamma',
      });
      const byFile = new Map(edit.documentChanges.map((c) => [path.basename(new URL(c.textDocument.uri).pathname), c]));
      assert.deepEqual([...byFile.keys()].sort(), ['dsm.opt', 'dsm.sys']);
      assert.equal(byFile.get('dsm.opt')!.textDocument.version, 1, "the open document's version");
      assert.equal(byFile.get('dsm.sys')!.textDocument.version, null, 'a file that is not open');
      const renamed = TextDocument.applyEdits(TextDocument.create('x', 'dsm', 1, disk), byFile.get('dsm.sys')!.edits);
      assert.equal(renamed, disk.replace('SErvername  beta', 'SErvername  gamma'));
      assert.equal(
        TextDocument.applyEdits(TextDocument.create('x', 'dsm', 1, 'SErvername beta\n'), byFile.get('dsm.opt')!.edits),
        'SErvername gamma\n',
      );
    });

    it('refuses to rename what is not a stanza name, with the reason', async () => {
      const opt = uri('tsm/dsm.opt');
      await client.open(uri('tsm/dsm_nightly.opt'), 'DOMain /home\n');
      await assert.rejects(
        client.request('textDocument/prepareRename', {
          textDocument: { uri: uri('tsm/dsm_nightly.opt') },
          position: { line: 0, character: 2 },
        }),
        (e: Error) => /Only a stanza name can be renamed/.test(e.message),
      );
      await assert.rejects(
        client.request('textDocument/rename', {
          textDocument: { uri: opt },
          position: { line: 0, character: 13 },
          newName: 'has blank',
        }),
        /cannot be a stanza name/,
      );
    });

    it('finds stanzas by name and by server address in files never opened', async () => {
      const symbols = await client.request<{ name: string; location: Location; containerName?: string }[]>(
        'workspace/symbol',
        { query: 'vault.example' },
      );
      assert.deepEqual(
        symbols.map((s) => [s.name, path.relative(root, new URL(s.location.uri).pathname)]),
        [['vault', path.join('other', 'dsm.sys')]],
      );
      assert.ok((await client.request<unknown[]>('workspace/symbol', { query: '' })).length >= 3);
    });

    it('links INCLExcl targets that exist, and no others', async () => {
      const sys = uri('tsm/links/dsm.sys');
      await client.open(
        sys,
        `SErvername x\n   INCLExcl ${path.join(root, 'tsm', 'backup.excl')}\n   INCLExcl ../missing.excl\n   INCLExcl ../backup.excl\n`,
      );
      const links = await client.request<{ range: Range; target: string }[]>('textDocument/documentLink', {
        textDocument: { uri: sys },
      });
      assert.deepEqual(
        links.map((l) => [l.range.start.line, path.basename(new URL(l.target).pathname)]),
        [
          [1, 'backup.excl'],
          [3, 'backup.excl'],
        ],
      );
    });

    it('reads a file an INCLExcl option names as an include-exclude file, whatever its name', async () => {
      const list = uri('tsm/lists/site-list.txt');
      write('tsm/lists/site-list.txt', 'EXCLUDE.DIR /proc\n');
      await client.open(list, 'EXCLUDE.DIR /proc\nINCLUDE /proc/self/* MC\n');
      await client.settled(list, SMALL_WAIT_MS, (p) => p.diagnostics.some((d) => d.code === 'wrong-file'));
      const sys = uri('tsm/lists/dsm.sys');
      await client.open(sys, 'SErvername x\n   SCHEDMODE POLLING\n   INCLExcl site-list.txt\n');
      const named = await client.settled(list, SMALL_WAIT_MS, (p) =>
        p.diagnostics.some((d) => d.code === 'statement-never-applies'),
      );
      assert.deepEqual(
        named.diagnostics.map((d) => d.code),
        ['statement-never-applies'],
      );
    });

    it('asks to watch a dsm.sys outside the workspace folders that an open dsm.opt reads, by folder and name', async () => {
      const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'dsm-outside-'));
      try {
        fs.writeFileSync(path.join(outside, 'dsm.sys'), stanzas('delta'));
        const opt = pathToFileURL(path.join(outside, 'dsm.opt')).href;
        await client.open(opt, 'SErvername delta\n');
        await client.until('a watcher for the outside dsm.sys', SMALL_WAIT_MS, () =>
          JSON.stringify(client.serverRequests).includes('"pattern":"dsm.sys"'),
        );
        const watcher = client.serverRequests
          .flatMap(
            (r) =>
              (r.params as { registrations?: { registerOptions?: { watchers?: { globPattern: unknown }[] } }[] })
                ?.registrations ?? [],
          )
          .flatMap((r) => r.registerOptions?.watchers ?? [])
          .find((w) => typeof w.globPattern === 'object');
        assert.deepEqual(watcher?.globPattern, { baseUri: pathToFileURL(outside).href + '/', pattern: 'dsm.sys' });
        await client.settled(opt, SMALL_WAIT_MS, noUnknownServer);
      } finally {
        fs.rmSync(outside, { recursive: true, force: true });
      }
    });
  });

describe('a workspace served by the client (VS Code: dsm/readFile, dsm/findFiles, dsm/exists), which watches the files itself', () => {
  const FOLDER = 'vscode-vfs://github/site/tsm-config';
  const SYS = `${FOLDER}/hosts/web1/dsm.sys`;
  const OPT = `${FOLDER}/hosts/web1/dsm.opt`;
  let client: LspClient;

  before(async () => {
    client = new LspClient({ transport: 'in-process' });
    client.files.set(SYS, stanzas('alpha'));
    client.files.set(`${FOLDER}/hosts/web2/dsm.sys`, stanzas('web2'));
    await client.initialize(CAPABILITIES, { ...VSCODE.initializationOptions, fileAccess: true, watchesFiles: true }, [
      FOLDER,
    ]);
  });
  after(() => client.stop());

  it('lists the folder through the client and registers no watcher of its own', async () => {
    await client.until('dsm/findFiles', SMALL_WAIT_MS, () =>
      client.serverRequests.some((r) => r.method === 'dsm/findFiles'),
    );
    const find = client.serverRequests.find((r) => r.method === 'dsm/findFiles')!.params as {
      baseUri: string;
      names: string[];
    };
    assert.deepEqual(find, { baseUri: FOLDER, names: ['dsm*.sys', 'dsm*.opt'], maxResults: 1000 });
    await client.until(
      'both dsm.sys read',
      SMALL_WAIT_MS,
      () => client.serverRequests.filter((r) => r.method === 'dsm/readFile').length >= 2,
    );
    const symbols = await client.request<{ name: string }[]>('workspace/symbol', { query: 'web2' });
    assert.deepEqual(
      symbols.map((s) => s.name),
      ['web2'],
    );
    assert.equal(JSON.stringify(client.serverRequests).includes('didChangeWatchedFiles'), false);
  });

  it('live: the unknown-server of a dsm.opt goes when the client reports its dsm.sys changed, and comes back', async () => {
    await client.open(OPT, 'SErvername beta\n');
    await client.settled(OPT, SMALL_WAIT_MS, hasUnknownServer);
    client.files.set(SYS, stanzas('alpha', 'beta'));
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: SYS, type: 2 }] });
    await client.settled(OPT, SMALL_WAIT_MS, noUnknownServer);
    client.files.set(SYS, stanzas('alpha'));
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: SYS, type: 2 }] });
    await client.settled(OPT, SMALL_WAIT_MS, hasUnknownServer);
    // Deleted: no dsm.sys is known, so there is nothing to compare with, and nothing is reported.
    const before = client.publications(OPT).length;
    client.files.delete(SYS);
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: SYS, type: 3 }] });
    await client.until('the dsm.opt checked again', SMALL_WAIT_MS, () => client.publications(OPT).length > before);
    assert.equal(hasUnknownServer(client.publications(OPT).at(-1)!), false);
  });
});
