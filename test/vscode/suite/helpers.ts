/**
 * Helpers of the extension-host suite. Everything waits on events or polls
 * with a deadline; nothing sleeps a fixed time. Free of Node, so the web
 * suite (test/web) uses them too.
 */
import * as assert from 'assert';
import * as vscode from 'vscode';

export const SCHEDMODE_CODES = ['schedmode-prompted', 'schedmode-missing'];
const DEFAULT_TIMEOUT = 20000;

/** The extension under test: the one contributing the `dsm` language. */
export function dsmExtension(): vscode.Extension<unknown> {
  // No process in the web extension host.
  const id = globalThis.process?.env.DSM_EXTENSION_ID;
  const ext = id
    ? vscode.extensions.getExtension(id)
    : vscode.extensions.all.find((e) =>
        (e.packageJSON?.contributes?.languages ?? []).some((l: { id?: string }) => l.id === 'dsm'),
      );
  assert.ok(ext, 'no extension contributing the dsm language is loaded');
  return ext;
}

export async function activateExtension(): Promise<vscode.Extension<unknown>> {
  const ext = dsmExtension();
  if (!ext.isActive) await ext.activate();
  return ext;
}

/** The file name of a URI, for messages. */
export function baseName(uri: vscode.Uri): string {
  return uri.path.slice(uri.path.lastIndexOf('/') + 1);
}

export function workspaceRoot(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the test workspace (test/vscode/workspace copy) is not open');
  return folder.uri;
}

export function fixtureUri(rel: string): vscode.Uri {
  return vscode.Uri.joinPath(workspaceRoot(), ...rel.split('/'));
}

export async function openDoc(rel: string, show = true): Promise<vscode.TextDocument> {
  const doc = await vscode.workspace.openTextDocument(fixtureUri(rel));
  if (show) await vscode.window.showTextDocument(doc, { preview: false });
  return doc;
}

/** Polls `fn` until it returns a truthy value or the deadline passes. */
export async function waitFor<T>(
  fn: () => T | undefined | null | false | Promise<T | undefined | null | false>,
  message: string | (() => string),
  timeout = DEFAULT_TIMEOUT,
  interval = 50,
): Promise<T> {
  const deadline = Date.now() + timeout;
  let lastError: unknown;
  for (;;) {
    try {
      const v = await fn();
      if (v) return v;
    } catch (e) {
      lastError = e;
    }
    if (Date.now() > deadline) {
      const m = typeof message === 'function' ? message() : message;
      throw new Error(
        `timed out after ${timeout} ms: ${m}${lastError ? ` (last error: ${(lastError as Error).message})` : ''}`,
      );
    }
    await new Promise((r) => setTimeout(r, interval));
  }
}

export function schedmodeDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => SCHEDMODE_CODES.includes(codeOf(d)));
}

export function codeOf(d: vscode.Diagnostic): string {
  const c = d.code;
  if (c === undefined) return '';
  return typeof c === 'object' ? String(c.value) : String(c);
}

/**
 * Resolves with the diagnostics of `uri` as soon as `pred` holds for them:
 * checks now, then on every onDidChangeDiagnostics for that uri.
 */
export function waitForDiagnostics(
  uri: vscode.Uri,
  pred: (d: vscode.Diagnostic[]) => boolean,
  what: string,
  timeout = DEFAULT_TIMEOUT,
): Promise<vscode.Diagnostic[]> {
  return new Promise((resolve, reject) => {
    const check = (): boolean => {
      const d = vscode.languages.getDiagnostics(uri);
      if (pred(d)) {
        cleanup();
        resolve(d);
        return true;
      }
      return false;
    };
    const sub = vscode.languages.onDidChangeDiagnostics((e) => {
      if (e.uris.some((u) => u.toString() === uri.toString())) check();
    });
    const timer = setTimeout(() => {
      cleanup();
      const now = vscode.languages.getDiagnostics(uri).map(describeDiagnostic).join('\n  ') || '(none)';
      reject(
        new Error(`timed out after ${timeout} ms waiting for ${what} in ${baseName(uri)}; diagnostics now:\n  ${now}`),
      );
    }, timeout);
    function cleanup(): void {
      clearTimeout(timer);
      sub.dispose();
    }
    check();
  });
}

export function describeDiagnostic(d: vscode.Diagnostic): string {
  const r = d.range;
  return (
    `${codeOf(d) || '?'} [${vscode.DiagnosticSeverity[d.severity]}] ${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character} ` +
    `(${d.source ?? 'no source'}) ${d.message}`
  );
}

/** Index of the first line matching `re`. */
export function lineOf(doc: vscode.TextDocument, re: RegExp, from = 0): number {
  for (let i = from; i < doc.lineCount; i++) if (re.test(doc.lineAt(i).text)) return i;
  throw new Error(`no line matching ${re} in ${baseName(doc.uri)}`);
}

/** Range of `word` on line `line` (first occurrence, case-sensitive). */
export function wordRange(doc: vscode.TextDocument, line: number, word: string): vscode.Range {
  const col = doc.lineAt(line).text.indexOf(word);
  assert.ok(col >= 0, `"${word}" not on line ${line}`);
  return new vscode.Range(line, col, line, col + word.length);
}

export function rangeText(r: vscode.Range): string {
  return `${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}`;
}

export async function codeActions(uri: vscode.Uri, range: vscode.Range, kind?: string): Promise<vscode.CodeAction[]> {
  const all =
    (await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>(
      'vscode.executeCodeActionProvider',
      uri,
      range,
      kind,
      50,
    )) ?? [];
  // A bare Command has a string `command`; a CodeAction has kind/edit and maybe a Command object.
  return all.filter((a): a is vscode.CodeAction => typeof (a as vscode.Command).command !== 'string');
}

/** Applies a code action the way the editor does: its edit, then its command. */
export async function applyAction(action: vscode.CodeAction): Promise<void> {
  assert.ok(action.edit || action.command, `code action "${action.title}" has neither an edit nor a command`);
  if (action.edit) assert.ok(await vscode.workspace.applyEdit(action.edit), `applying "${action.title}" failed`);
  if (action.command) await vscode.commands.executeCommand(action.command.command, ...(action.command.arguments ?? []));
}

export function hoverText(hovers: vscode.Hover[] | undefined): string {
  const parts: string[] = [];
  for (const h of hovers ?? []) {
    for (const c of h.contents) {
      if (typeof c === 'string') parts.push(c);
      else if ('value' in c) parts.push(c.value);
    }
  }
  return parts.join('\n');
}

export async function hoverAt(uri: vscode.Uri, pos: vscode.Position): Promise<string> {
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, pos);
  return hoverText(hovers);
}

export function labelOf(item: vscode.CompletionItem): string {
  return typeof item.label === 'string' ? item.label : item.label.label;
}

/** Puts back a configuration value when a test ends. */
export async function withConfig<T>(
  section: string,
  key: string,
  value: unknown,
  target: vscode.ConfigurationTarget,
  body: () => Promise<T>,
  languageId?: string,
): Promise<T> {
  const cfg = () => vscode.workspace.getConfiguration(section, languageId ? { languageId } : undefined);
  const before = cfg().inspect(key);
  const old =
    target === vscode.ConfigurationTarget.Global
      ? before?.globalValue
      : target === vscode.ConfigurationTarget.Workspace
        ? before?.workspaceValue
        : before?.workspaceFolderValue;
  await cfg().update(key, value, target, languageId ? true : undefined);
  try {
    return await body();
  } finally {
    await cfg().update(key, old, target, languageId ? true : undefined);
  }
}
