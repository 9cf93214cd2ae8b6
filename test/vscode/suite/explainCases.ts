/**
 * "Which statement decides this path?" as a user meets it, shared by the real
 * editor suite (explain.test.ts) and the web suite (test/web/web.test.ts):
 * the command run from a dsm.sys stanza goes to the line of its INCLEXCL file
 * that decides; the QuickPick offers the paths written in the file; the hover
 * of a statement names the common paths it decides. Free of Node.
 */
import * as assert from 'assert';
import * as vscode from 'vscode';
import { fixtureUri, hoverAt, lineOf, openDoc, waitFor } from './helpers';

type Answer = {
  path: string;
  decision: string;
  by: { uri: string; line: number; text: string } | null;
  managementClass?: string;
  reason: string;
};

export function explainCases(): void {
  it('from a dsm.sys stanza, goes to the line of its INCLEXCL file that decides the path', async () => {
    const sys = await openDoc('inclexcl/dsm.sys');
    const editor = vscode.window.activeTextEditor!;
    editor.selection = new vscode.Selection(lineOf(sys, /SCHEDMODE/), 0, lineOf(sys, /SCHEDMODE/), 0);
    const answer = await waitFor(
      async () =>
        vscode.commands.executeCommand<Answer | undefined>(
          'dsm.whichStatementDecides',
          sys.uri.toString(),
          '/var/cache/apt/pkgcache.bin',
        ),
      'an answer for /var/cache/apt/pkgcache.bin',
    );
    assert.strictEqual(answer.decision, 'excluded');
    assert.strictEqual(answer.by?.uri, fixtureUri('inclexcl/backup.excl').toString());
    assert.strictEqual(answer.by?.text, 'EXCLUDE.DIR   "/var/cache"');
    const active = vscode.window.activeTextEditor!;
    assert.strictEqual(
      active.document.uri.toString(),
      fixtureUri('inclexcl/backup.excl').toString(),
      'the include-exclude file is shown',
    );
    assert.strictEqual(active.selection.start.line, answer.by?.line, 'the deciding line is selected');
    assert.strictEqual(active.document.getText(active.selection), 'EXCLUDE.DIR   "/var/cache"');
  });

  it('names the management class of the deciding INCLUDE', async () => {
    const doc = await openDoc('inclexcl/backup.excl');
    const answer = await vscode.commands.executeCommand<Answer>(
      'dsm.whichStatementDecides',
      doc.uri.toString(),
      '/home/ann/.cache/thumb.png',
    );
    assert.deepStrictEqual(
      [answer.decision, answer.by?.line, answer.managementClass],
      ['included', lineOf(doc, /^INCLUDE/), 'MC_HOME'],
    );
  });

  it('offers the paths written in the file in a QuickPick, and answers the one taken', async () => {
    const doc = await openDoc('inclexcl/backup.excl');
    const pending = vscode.commands.executeCommand<Answer | undefined>('dsm.whichStatementDecides', doc.uri.toString());
    let settled = false;
    void pending.then(() => (settled = true));
    // The first item offered is the first statement's path, /proc; accepting it answers for it.
    await waitFor(async () => {
      await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
      return settled;
    }, 'the QuickPick to take its first item');
    const answer = await pending;
    assert.deepStrictEqual(
      [answer?.path, answer?.decision, answer?.by?.line],
      ['/proc', 'excluded', lineOf(doc, /^EXCLUDE\.DIR\s+\/proc/)],
    );
  });

  it('the hover of a statement names the common paths it decides', async () => {
    const doc = await openDoc('inclexcl/backup.excl');
    const line = lineOf(doc, /^INCLUDE/);
    const text = await waitFor(async () => {
      const h = await hoverAt(doc.uri, new vscode.Position(line, 2));
      return /common UNIX paths/.test(h) ? h : undefined;
    }, 'a hover with the common paths');
    assert.match(text.replace(/\\/g, ''), /this statement decides \/home\/user\/\.bashrc/);
  });
}
