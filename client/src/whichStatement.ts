/**
 * "Which statement decides this path?" (dsm.whichStatementDecides): asks for
 * a path (the paths the file's statements name are offered; any other can be
 * typed), asks the server (dsm.explainPath), shows the answer and goes to the
 * deciding line. Arguments, all optional: [uri, path, { stanza?, operation? }];
 * with a path the question is not asked (for scripts and tests). Desktop and web alike.
 */
import {
  DocumentSymbol,
  QuickPickItem,
  Selection,
  SymbolKind,
  TextEditorRevealType,
  Uri,
  commands,
  window,
  workspace,
} from 'vscode';
import { BaseLanguageClient, ExecuteCommandRequest } from 'vscode-languageclient';
import { COMMANDS } from '../../server/src/service/codes';
import { pathsWrittenIn } from './pathsWritten';

interface Answer {
  path: string;
  decision: 'included' | 'excluded';
  by: { uri: string; line: number; text: string } | null;
  managementClass?: string;
  reason: string;
}

/** The server stanza the cursor is in, from the outline. */
async function stanzaAtCursor(uri: Uri): Promise<string | undefined> {
  const editor = window.activeTextEditor;
  if (!editor || editor.document.uri.toString() !== uri.toString()) return undefined;
  const symbols = (await commands.executeCommand<DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', uri)) ?? [];
  const line = editor.selection.active.line;
  return symbols.find(
    (s) =>
      s.kind === SymbolKind.Namespace &&
      s.detail === 'server stanza' &&
      s.range.start.line <= line &&
      line <= s.range.end.line,
  )?.name;
}

/** A QuickPick of the paths written in the file, where whatever is typed can be taken as it is. */
function askPath(text: string): Promise<string | undefined> {
  const written: QuickPickItem[] = pathsWrittenIn(text).map((label) => ({
    label,
    description: 'from a statement of this file',
  }));
  const qp = window.createQuickPick();
  qp.title = 'Which statement decides this path?';
  qp.placeholder = 'A full path, such as /home/user/notes.txt or C:\\Users\\user\\notes.txt';
  qp.items = written;
  qp.onDidChangeValue((value) => {
    qp.items = value ? [{ label: value, description: 'this path', alwaysShow: true }, ...written] : written;
  });
  return new Promise((resolve) => {
    qp.onDidAccept(() => {
      resolve(qp.selectedItems[0]?.label ?? (qp.value || undefined));
      qp.hide();
    });
    qp.onDidHide(() => {
      resolve(undefined);
      qp.dispose();
    });
    qp.show();
  });
}

async function goTo(by: NonNullable<Answer['by']>): Promise<void> {
  const doc = await workspace.openTextDocument(Uri.parse(by.uri, true));
  const editor = await window.showTextDocument(doc, { preview: false });
  const line = doc.lineAt(Math.min(by.line, doc.lineCount - 1));
  editor.selection = new Selection(
    line.range.start.line,
    line.firstNonWhitespaceCharacterIndex,
    line.range.end.line,
    line.range.end.character,
  );
  editor.revealRange(line.range, TextEditorRevealType.InCenterIfOutsideViewport);
}

export async function whichStatementDecides(
  client: BaseLanguageClient,
  ...args: unknown[]
): Promise<Answer | undefined> {
  const [uriArg, pathArg, optionsArg] = args;
  const uri =
    typeof uriArg === 'string'
      ? Uri.parse(uriArg, true)
      : uriArg instanceof Uri
        ? uriArg
        : window.activeTextEditor?.document.uri;
  if (!uri) {
    void window.showInformationMessage(
      'Open a dsm.sys, a Windows dsm.opt or an include-exclude file, and run the command again.',
    );
    return undefined;
  }
  const path = typeof pathArg === 'string' ? pathArg : await askPath((await workspace.openTextDocument(uri)).getText());
  if (!path) return undefined;
  const stanza = await stanzaAtCursor(uri);
  const options = {
    ...(stanza ? { stanza } : {}),
    ...(typeof optionsArg === 'object' && optionsArg ? optionsArg : {}),
  };
  try {
    const answer = (await client.sendRequest(ExecuteCommandRequest.type, {
      command: COMMANDS.explainPath,
      arguments: [uri.toString(), path, options],
    })) as Answer;
    if (answer.by) await goTo(answer.by);
    const mc = answer.managementClass ? ` (management class ${answer.managementClass})` : '';
    void window.showInformationMessage(`${answer.path}: ${answer.decision}${mc}. ${answer.reason}`);
    return answer;
  } catch (e) {
    void window.showErrorMessage(`Which statement decides ${path}: ${e instanceof Error ? e.message : String(e)}`);
    return undefined;
  }
}
