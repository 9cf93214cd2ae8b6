/**
 * The extension on the web: VS Code's web workbench in Chromium, the client in
 * the web extension host, the language server in a web worker, no disk. The
 * workspace is test/vscode/workspace, served by @vscode/test-web (edits stay
 * in the page). Run by scripts/web/run-tests.mjs.
 */
import * as assert from 'assert';
import * as vscode from 'vscode';
import {
  activateExtension,
  applyAction,
  codeActions,
  codeOf,
  describeDiagnostic,
  fixtureUri,
  hoverAt,
  labelOf,
  lineOf,
  openDoc,
  rangeText,
  schedmodeDiagnostics,
  waitFor,
  waitForDiagnostics,
  wordRange,
} from '../vscode/suite/helpers';
import { FORMATTED } from '../vscode/suite/formatted';
import { explainCases } from '../vscode/suite/explainCases';

describe('On the web', () => {
  before(activateExtension);

  it('runs in the web workbench, with no Node in its extension host', () => {
    assert.strictEqual(vscode.env.uiKind, vscode.UIKind.Web, 'vscode.env.uiKind');
    assert.strictEqual(typeof (globalThis as { process?: unknown }).process, 'undefined', 'no process global');
  });

  it('dsm.sys: a schedmode-prompted warning at the PROMPTED word', async () => {
    const doc = await openDoc('dsm.sys');
    const diags = await waitForDiagnostics(
      doc.uri,
      (d) => d.some((x) => codeOf(x) === 'schedmode-prompted'),
      'schedmode-prompted',
    );
    const prompted = diags.filter((x) => codeOf(x) === 'schedmode-prompted');
    assert.strictEqual(prompted.length, 1, prompted.map(describeDiagnostic).join('\n'));
    assert.strictEqual(prompted[0].source, 'dsm');
    assert.strictEqual(prompted[0].severity, vscode.DiagnosticSeverity.Warning);
    assert.strictEqual(
      rangeText(prompted[0].range),
      rangeText(wordRange(doc, lineOf(doc, /^\s*SCHEDMODE\s+PROMPTED/), 'PROMPTED')),
    );
  });

  it('the POLLING quick fix changes PROMPTED to POLLING and nothing else', async () => {
    const doc = await openDoc('fix-prompted/dsm.sys');
    const before = doc.getText();
    const [warning] = (
      await waitForDiagnostics(doc.uri, (d) => d.some((x) => codeOf(x) === 'schedmode-prompted'), 'schedmode-prompted')
    ).filter((x) => codeOf(x) === 'schedmode-prompted');
    const actions = await codeActions(doc.uri, warning.range, vscode.CodeActionKind.QuickFix.value);
    const fix = actions.find((a) => a.isPreferred && /POLLING/.test(a.title));
    assert.ok(fix, `a preferred POLLING quick fix; got: ${actions.map((a) => a.title).join(' | ') || '(none)'}`);
    const start = doc.offsetAt(warning.range.start);
    await applyAction(fix);
    assert.strictEqual(doc.getText(), before.slice(0, start) + 'POLLING' + before.slice(start + 'PROMPTED'.length));
    await waitForDiagnostics(doc.uri, () => schedmodeDiagnostics(doc.uri).length === 0, 'the warning to go away');
  });

  it('fix all (source.fixAll.dsm) leaves no SCHEDMODE warning', async () => {
    const doc = await openDoc('fix-all/dsm.sys');
    await waitForDiagnostics(doc.uri, () => schedmodeDiagnostics(doc.uri).length === 3, 'three SCHEDMODE warnings');
    const actions = await codeActions(
      doc.uri,
      new vscode.Range(0, 0, doc.lineCount, 0),
      vscode.CodeActionKind.SourceFixAll.value,
    );
    const fixAll = actions.find((a) => a.kind?.value === 'source.fixAll.dsm');
    assert.ok(fixAll, `a source.fixAll.dsm action; got: ${actions.map((a) => a.title).join(' | ') || '(none)'}`);
    await applyAction(fixAll);
    await waitForDiagnostics(doc.uri, () => schedmodeDiagnostics(doc.uri).length === 0, 'no SCHEDMODE warnings');
    assert.doesNotMatch(doc.getText(), /SCHEDMODE\s+PROMPTED/i);
  });

  it('hover on a Bucky address (bucky5.doit.wisc.edu) shows its port, 1503', async () => {
    const doc = await openDoc('dsm.sys');
    const r = wordRange(doc, lineOf(doc, /bucky5\.doit\.wisc\.edu/), 'bucky5.doit.wisc.edu');
    const text = await waitFor(async () => {
      const t = await hoverAt(doc.uri, r.start.translate(0, 4));
      return /bucky5/i.test(t) ? t : undefined;
    }, 'a hover on bucky5.doit.wisc.edu');
    assert.match(text, /\b1503\b/);
  });

  it('completion after "SCHEDMODE " offers POLLING first', async () => {
    const doc = await openDoc('scratch/dsm.sys');
    const editor = await vscode.window.showTextDocument(doc);
    assert.ok(
      await editor.edit((b) => b.replace(new vscode.Range(0, 0, doc.lineCount, 0), 'SErvername  LAB\n   SCHEDMODE ')),
    );
    const pos = new vscode.Position(1, doc.lineAt(1).text.length);
    const list = await waitFor(async () => {
      const l = await vscode.commands.executeCommand<vscode.CompletionList>(
        'vscode.executeCompletionItemProvider',
        doc.uri,
        pos,
      );
      return l?.items.length ? l : undefined;
    }, 'completion items');
    const values = list.items
      .filter((i) => i.kind !== vscode.CompletionItemKind.Snippet)
      .sort((a, b) => (a.sortText ?? labelOf(a)).localeCompare(b.sortText ?? labelOf(b)));
    assert.strictEqual(values.length && labelOf(values[0]), 'POLLING', `order: ${values.map(labelOf).join(', ')}`);
  });

  it('outline: the stanzas of dsm.sys', async () => {
    const doc = await openDoc('dsm.sys');
    const symbols = await waitFor(
      async () =>
        vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', doc.uri),
      'document symbols',
    );
    assert.deepStrictEqual(
      symbols.map((s) => s.name),
      ['BUCKY2', 'BUCKY5', 'ARCHIVE'],
    );
  });

  it('workspace symbols: a stanza of a dsm.sys never opened, listed through the client (vscode.workspace.findFiles)', async () => {
    const symbols = await waitFor(async () => {
      const found = await vscode.commands.executeCommand<vscode.SymbolInformation[]>(
        'vscode.executeWorkspaceSymbolProvider',
        'bucky5.doit',
      );
      return found?.some((s) => s.name === 'files') ? found : undefined;
    }, 'the stanza files of inclexcl/dsm.sys');
    assert.strictEqual(
      symbols.find((s) => s.name === 'files')!.location.uri.toString(),
      fixtureUri('inclexcl/dsm.sys').toString(),
    );
  });

  it('go to definition: from a dsm.opt SErvername to the stanza header of the dsm.sys beside it', async () => {
    const opt = await openDoc('navigation/dsm.opt');
    const at = wordRange(opt, 0, 'nightly').start.translate(0, 2);
    const [target] = await waitFor(async () => {
      const found = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>(
        'vscode.executeDefinitionProvider',
        opt.uri,
        at,
      );
      return found?.length ? found : undefined;
    }, 'a definition for nightly');
    const uri = target instanceof vscode.Location ? target.uri : target.targetUri;
    assert.strictEqual(uri.toString(), fixtureUri('navigation/dsm.sys').toString());
  });

  it('Format Document aligns the values of each stanza, as on the desktop', async () => {
    const doc = await openDoc('format/dsm.sys');
    const edits = await waitFor(
      async () =>
        vscode.commands.executeCommand<vscode.TextEdit[]>('vscode.executeFormatDocumentProvider', doc.uri, {
          tabSize: 4,
          insertSpaces: true,
        }),
      'formatting edits',
    );
    const workspaceEdit = new vscode.WorkspaceEdit();
    workspaceEdit.set(doc.uri, edits);
    assert.ok(await vscode.workspace.applyEdit(workspaceEdit));
    assert.strictEqual(doc.getText(), FORMATTED);
  });

  it('the firewall lens shows what the network must allow, and no Test connection (a browser opens no TCP connection)', async () => {
    const doc = await openDoc('firewall/dsm.sys');
    const lenses = await waitFor(async () => {
      const found = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', doc.uri);
      return found?.length ? found : undefined;
    }, 'code lenses');
    const titles = lenses.map((l) => l.command?.title ?? '');
    assert.ok(
      titles.some((t) => t.startsWith('Firewall: allow outbound TCP to bucky5.doit.wisc.edu:1503')),
      titles.join(' | '),
    );
    assert.ok(!titles.some((t) => /Test connection/.test(t)), titles.join(' | '));
  });

  it('a UNIX dsm.opt naming no stanza of the dsm.sys beside it gets unknown-server, that dsm.sys read through the client', async () => {
    const sys = fixtureUri('unknown-server/dsm.sys');
    assert.ok(
      !vscode.workspace.textDocuments.some((d) => d.uri.toString() === sys.toString()),
      'the dsm.sys is not open',
    );
    const opt = await openDoc('unknown-server/dsm.opt');
    const found = await waitForDiagnostics(
      opt.uri,
      (d) => d.some((x) => codeOf(x) === 'unknown-server'),
      'unknown-server',
    );
    const d = found.find((x) => codeOf(x) === 'unknown-server')!;
    // Only the dsm.sys, read in the browser through dsm/readFile, can name its stanzas.
    assert.match(d.message, /Stanzas: alpha/);
    assert.ok(
      !vscode.workspace.textDocuments.some((x) => x.uri.toString() === sys.toString()),
      'the dsm.sys was not opened',
    );
  });
});

describe('Which statement decides this path, on the web', () => {
  before(activateExtension);
  explainCases();
});
