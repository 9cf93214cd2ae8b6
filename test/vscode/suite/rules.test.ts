/**
 * Rule links and suppressions in a real VS Code: the diagnostic's code links
 * IBM's page (VS Code's client declares codeDescriptionSupport), the hover
 * on its line starts with the code's summary, and the quick fix *Ignore … on
 * this line* leaves the cursor where the reason goes.
 */
import * as assert from 'assert';
import * as vscode from 'vscode';
import {
  activateExtension,
  applyAction,
  codeActions,
  codeOf,
  hoverAt,
  lineOf,
  openDoc,
  waitFor,
  waitForDiagnostics,
} from './helpers';

describe('Rule links and suppressions', () => {
  before(activateExtension);

  it("links the code to IBM's page, and the hover on its line starts with the code's summary", async () => {
    const doc = await openDoc('ignore/dsm.sys');
    const [d] = await waitForDiagnostics(
      doc.uri,
      (all) => all.some((x) => codeOf(x) === 'unknown-option'),
      'unknown-option',
    ).then((all) => all.filter((x) => codeOf(x) === 'unknown-option'));
    assert.ok(typeof d.code === 'object', `the code carries a link: ${JSON.stringify(d.code)}`);
    assert.strictEqual(
      (d.code as { target: vscode.Uri }).target.toString(true),
      'https://www.ibm.com/docs/en/SSEQVQ_8.1.11/client/c_opt_clioptref.html',
    );
    const hover = await hoverAt(doc.uri, new vscode.Position(d.range.start.line, d.range.start.character + 1));
    assert.match(hover, /^\[unknown-option\]\(https:\/\/www\.ibm\.com\/[^)]+\): A name that is no client option/);
  });

  it('Ignore … on this line: writes the comment with " -- " and leaves the cursor where the reason goes', async () => {
    const doc = await openDoc('ignore/dsm.sys');
    const line = lineOf(doc, /FROBNICATE/);
    const [d] = await waitForDiagnostics(
      doc.uri,
      (all) => all.some((x) => codeOf(x) === 'unknown-option'),
      'unknown-option',
    ).then((all) => all.filter((x) => codeOf(x) === 'unknown-option'));
    const actions = await codeActions(doc.uri, d.range, vscode.CodeActionKind.QuickFix.value);
    const ignore = actions.find((a) => a.title === 'Ignore unknown-option on this line');
    assert.ok(ignore, `the ignore fix; got: ${actions.map((a) => a.title).join(' | ')}`);
    await applyAction(ignore);
    const inserted = '   * dsm-disable-next-line unknown-option -- ';
    assert.strictEqual(doc.lineAt(line).text, inserted);
    const editor = await waitFor(
      () => {
        const e = vscode.window.activeTextEditor;
        return e &&
          e.document === doc &&
          e.selection.active.line === line &&
          e.selection.active.character === inserted.length
          ? e
          : undefined;
      },
      () =>
        `the cursor at the end of line ${line}; it is at ${JSON.stringify(vscode.window.activeTextEditor?.selection.active)}`,
    );
    assert.ok(editor.selection.isEmpty, 'a cursor, not a selection');
    // The reason is typed where the cursor is; the finding is silenced.
    await editor.edit((b) => b.insert(editor.selection.active, 'read by the site wrapper'));
    await waitForDiagnostics(
      doc.uri,
      (all) => !all.some((x) => codeOf(x) === 'unknown-option'),
      'the finding to be silenced',
    );
    assert.strictEqual(doc.lineAt(line).text, inserted + 'read by the site wrapper');
  });
});
