/**
 * The extension on the web: VS Code's web workbench in Chromium, the client in
 * the web extension host, the language server in a web worker, no disk. The
 * workspace is test/vscode/workspace, served by @vscode/test-web (edits stay
 * in the page). Run by scripts/web/run-tests.mjs.
 */
import * as assert from 'assert';
import * as vscode from 'vscode';
import {
  activateExtension, applyAction, codeActions, codeOf, describeDiagnostic, fixtureUri, hoverAt, labelOf, lineOf, openDoc,
  rangeText, schedmodeDiagnostics, waitFor, waitForDiagnostics, wordRange,
} from '../vscode/suite/helpers';

describe('On the web', () => {
  before(activateExtension);

  it('runs in the web workbench, with no Node in its extension host', () => {
    assert.strictEqual(vscode.env.uiKind, vscode.UIKind.Web, 'vscode.env.uiKind');
    assert.strictEqual(typeof (globalThis as { process?: unknown }).process, 'undefined', 'no process global');
  });

  it('dsm.sys: a schedmode-prompted warning at the PROMPTED word', async () => {
    const doc = await openDoc('dsm.sys');
    const diags = await waitForDiagnostics(doc.uri, (d) => d.some((x) => codeOf(x) === 'schedmode-prompted'), 'schedmode-prompted');
    const prompted = diags.filter((x) => codeOf(x) === 'schedmode-prompted');
    assert.strictEqual(prompted.length, 1, prompted.map(describeDiagnostic).join('\n'));
    assert.strictEqual(prompted[0].source, 'dsm');
    assert.strictEqual(prompted[0].severity, vscode.DiagnosticSeverity.Warning);
    assert.strictEqual(rangeText(prompted[0].range), rangeText(wordRange(doc, lineOf(doc, /^\s*SCHEDMODE\s+PROMPTED/), 'PROMPTED')));
  });

  it('the POLLING quick fix changes PROMPTED to POLLING and nothing else', async () => {
    const doc = await openDoc('fix-prompted/dsm.sys');
    const before = doc.getText();
    const [warning] = (await waitForDiagnostics(doc.uri, (d) => d.some((x) => codeOf(x) === 'schedmode-prompted'), 'schedmode-prompted'))
      .filter((x) => codeOf(x) === 'schedmode-prompted');
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
    const actions = await codeActions(doc.uri, new vscode.Range(0, 0, doc.lineCount, 0), vscode.CodeActionKind.SourceFixAll.value);
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
    assert.ok(await editor.edit((b) => b.replace(new vscode.Range(0, 0, doc.lineCount, 0), 'SErvername  LAB\n   SCHEDMODE ')));
    const pos = new vscode.Position(1, doc.lineAt(1).text.length);
    const list = await waitFor(async () => {
      const l = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, pos);
      return l?.items.length ? l : undefined;
    }, 'completion items');
    const values = list.items.filter((i) => i.kind !== vscode.CompletionItemKind.Snippet)
      .sort((a, b) => (a.sortText ?? labelOf(a)).localeCompare(b.sortText ?? labelOf(b)));
    assert.strictEqual(values.length && labelOf(values[0]), 'POLLING', `order: ${values.map(labelOf).join(', ')}`);
  });

  it('outline: the stanzas of dsm.sys', async () => {
    const doc = await openDoc('dsm.sys');
    const symbols = await waitFor(async () => vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', doc.uri),
      'document symbols');
    assert.deepStrictEqual(symbols.map((s) => s.name), ['BUCKY2', 'BUCKY5', 'ARCHIVE']);
  });

  it('a UNIX dsm.opt naming no stanza of the dsm.sys beside it gets unknown-server, that dsm.sys read through the client', async () => {
    const sys = fixtureUri('unknown-server/dsm.sys');
    assert.ok(!vscode.workspace.textDocuments.some((d) => d.uri.toString() === sys.toString()), 'the dsm.sys is not open');
    const opt = await openDoc('unknown-server/dsm.opt');
    const found = await waitForDiagnostics(opt.uri, (d) => d.some((x) => codeOf(x) === 'unknown-server'), 'unknown-server');
    const d = found.find((x) => codeOf(x) === 'unknown-server')!;
    // Only the dsm.sys, read in the browser through dsm/readFile, can name its stanzas.
    assert.match(d.message, /Stanzas: alpha/);
    assert.ok(!vscode.workspace.textDocuments.some((x) => x.uri.toString() === sys.toString()), 'the dsm.sys was not opened');
  });
});
