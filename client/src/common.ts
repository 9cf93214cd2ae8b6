/**
 * What the VS Code client does on the desktop and in the browser alike:
 * the options it starts the server with, the dsm.addKnownOption,
 * dsm.showFirewallRules and dsm.showEffectiveOptions commands (the latter
 * with a read-only document of its own scheme), the watcher of the workspace's option and
 * dsm.showFirewallRules and dsm.placeCursor commands, the watcher of the workspace's option and
 * include-exclude files, and the answers to the server's dsm/readFile,
 * dsm/findFiles and dsm/exists requests (vscode.workspace.fs and findFiles,
 * so remote, virtual and web workspaces are read the same way).
 * dsm.testConnection needs Node: the desktop entry gives its handler; without
 * one (the web) the command says it is not available.
 */
import {
  CodeLens,
  ConfigurationTarget,
  EventEmitter,
  ExtensionContext,
  FileType,
  Position,
  RelativePattern,
  Selection,
  TextDocument,
  TextDocumentContentProvider,
  Uri,
  ViewColumn,
  commands,
  window,
  workspace,
} from 'vscode';
import { BaseLanguageClient, ExecuteCommandRequest, LanguageClientOptions } from 'vscode-languageclient';
import {
  EXISTS_REQUEST,
  ExistsParams,
  ExistsResult,
  FIND_FILES_REQUEST,
  FindFilesParams,
  FindFilesResult,
  InitializationOptions,
  READ_FILE_REQUEST,
  ReadFileParams,
  ReadFileResult,
} from '../../server/src/protocol';
import { COMMANDS } from '../../server/src/service/codes';
import { WATCHED_FILE_GLOBS } from '../../server/src/parser/fileKind';
import { decodeText } from '../../server/src/util/decode';
import { anyDepthGlob } from '../../server/src/util/globs';
import { whichStatementDecides } from './whichStatement';

export const CLIENT_ID = 'dsm';
export const CLIENT_NAME = 'TSM Client Options';

/** The client's options; `extra` adds what only one entry has (the desktop: testConnectionCommand). */
export function clientOptions(extra: InitializationOptions = {}): LanguageClientOptions {
  const initializationOptions: InitializationOptions = {
    // The snippets of snippets/ are contributed by package.json; the server adds only a site's extra servers.
    builtinSnippets: true,
    addKnownOptionCommand: true,
    restartReminderCommand: true,
    fileAccess: true,
    firewallRulesCommand: true,
    effectiveOptionsCommand: true,
    watchesFiles: true,
    placeCursorCommand: true,
    ...extra,
  };
  // The client watches the files itself (the server then registers no watcher of its own for them, so no change
  // comes twice): the watcher runs from activation on, before the server has started.
  const fileEvents = workspace.createFileSystemWatcher(anyDepthGlob(WATCHED_FILE_GLOBS));
  // The stanza hover links to dsm.showEffectiveOptions: VS Code runs a command link in a hover only when the Markdown trusts it.
  const markdown = { isTrusted: { enabledCommands: [COMMANDS.showEffectiveOptions] } };
  return { documentSelector: [{ language: 'dsm' }], initializationOptions, synchronize: { fileEvents }, markdown };
}

/**
 * Run after the ignore quick fix (LSP has no cursor in a workspace edit): the
 * cursor goes where the suppression's reason is written, in the editor of that document.
 */
function placeCursor(uri: unknown, position: unknown): void {
  const p = position as { line?: unknown; character?: unknown } | undefined;
  if (typeof uri !== 'string' || typeof p?.line !== 'number' || typeof p.character !== 'number') return;
  const editor = window.visibleTextEditors.find((e) => e.document.uri.toString() === Uri.parse(uri, true).toString());
  if (!editor) return;
  const at = editor.document.validatePosition(new Position(p.line, p.character));
  editor.selection = new Selection(at, at);
  editor.revealRange(editor.selection);
}

/** Offered by the server's quick fix on an unknown option: remember it as known in this workspace. */
async function addKnownOption(name: unknown): Promise<void> {
  if (typeof name !== 'string' || !name) return;
  const config = workspace.getConfiguration('dsm');
  const known = config.get<string[]>('knownOptions', []);
  if (known.some((k) => k.toLowerCase() === name.toLowerCase())) return;
  const target = workspace.workspaceFolders?.length ? ConfigurationTarget.Workspace : ConfigurationTarget.Global;
  await config.update('knownOptions', [...known, name], target);
  void window.showInformationMessage(`${name} added to dsm.knownOptions.`);
}

/** dsm/readFile: the file's text decoded as the server and dsm-lint decode it (UTF-8, UTF-16 with a BOM, else Latin-1); null when it is not text. */
async function readFile({ uri, maxBytes }: ReadFileParams): Promise<ReadFileResult> {
  try {
    const target = Uri.parse(uri, true);
    const stat = await workspace.fs.stat(target);
    if ((stat.type & FileType.File) === 0 || stat.size > maxBytes) return null;
    const text = decodeText(await workspace.fs.readFile(target));
    return text === undefined ? null : { text };
  } catch {
    return null;
  }
}

/**
 * The arguments of the server's code lens for `command` at the cursor of the
 * active dsm editor: the lens of the stanza the cursor is in (the last one
 * at or above it), else the first. What the palette runs the commands with.
 */
export async function lensArguments(command: string): Promise<unknown[] | undefined> {
  const editor = window.activeTextEditor;
  if (editor?.document.languageId === 'dsm') {
    const lenses =
      (await commands.executeCommand<CodeLens[]>('vscode.executeCodeLensProvider', editor.document.uri)) ?? [];
    const mine = lenses
      .filter((l) => l.command?.command === command)
      .sort((a, b) => a.range.start.line - b.range.start.line);
    const line = editor.selection.active.line;
    const lens = mine.filter((l) => l.range.start.line <= line).pop() ?? mine[0];
    if (lens) return lens.command?.arguments ?? [];
  }
  void window.showInformationMessage(
    'Put the cursor in a server stanza of a dsm.sys, or in a complete (Windows) dsm.opt, and run the command again.',
  );
  return undefined;
}

/** The code lens, or the palette: asks the server for the rules (dsm.firewallRules) and opens them in a new untitled document. */
async function showFirewallRules(client: BaseLanguageClient, ...args: unknown[]): Promise<TextDocument | undefined> {
  const target = args.length ? args : await lensArguments(COMMANDS.showFirewallRules);
  if (!target) return undefined;
  try {
    const text: unknown = await client.sendRequest(ExecuteCommandRequest.type, {
      command: COMMANDS.firewallRules,
      arguments: target,
    });
    if (typeof text !== 'string') throw new Error('the language server gave no rules');
    const doc = await workspace.openTextDocument({ content: text, language: 'plaintext' });
    await window.showTextDocument(doc, { preview: false });
    return doc;
  } catch (e) {
    void window.showErrorMessage(`Firewall rules: ${e instanceof Error ? e.message : String(e)}`);
    return undefined;
  }
}

/** The scheme of the read-only documents that show the effective options (the server's text, asked for again when the document is). */
export const EFFECTIVE_SCHEME = 'dsm-effective';

/** What a dsm-effective document shows: the command's arguments, in its query. */
interface EffectiveTarget {
  uri: string;
  stanza?: string;
  line?: number;
}

function effectiveUri(target: EffectiveTarget): Uri {
  const file = Uri.parse(target.uri).path.split('/').pop() || 'options';
  const what = target.stanza ? `${file} ${target.stanza}` : file;
  // A .txt path: VS Code shows it as plain text. The query holds what to ask the server.
  return Uri.from({
    scheme: EFFECTIVE_SCHEME,
    path: `/Effective options of ${what.replace(/[\\/]/g, '_')}.txt`,
    query: JSON.stringify(target),
  });
}

/** Answers a dsm-effective document with the server's text (dsm.effectiveOptions with text: true). */
class EffectiveOptionsProvider implements TextDocumentContentProvider {
  readonly changes = new EventEmitter<Uri>();
  readonly onDidChange = this.changes.event;

  constructor(private readonly client: BaseLanguageClient) {}

  async provideTextDocumentContent(uri: Uri): Promise<string> {
    const target = JSON.parse(uri.query) as EffectiveTarget;
    try {
      const text: unknown = await this.client.sendRequest(ExecuteCommandRequest.type, {
        command: COMMANDS.effectiveOptions,
        arguments: [target.uri, { stanza: target.stanza, line: target.line, defaults: true, text: true }],
      });
      return typeof text === 'string' ? text : 'The language server gave no answer.';
    } catch (e) {
      return `The effective options could not be shown: ${e instanceof Error ? e.message : String(e)}`;
    }
  }
}

/**
 * The palette (the stanza at the cursor of the active dsm editor) or the stanza hover's link ([uri, { stanza }]):
 * opens the effective options in a read-only document beside the editor.
 */
async function showEffectiveOptions(
  provider: EffectiveOptionsProvider,
  ...args: unknown[]
): Promise<TextDocument | undefined> {
  let target: EffectiveTarget | undefined;
  const [uri, options] = args;
  if (typeof uri === 'string') {
    const stanza =
      typeof options === 'object' && options !== null && typeof (options as { stanza?: unknown }).stanza === 'string'
        ? (options as { stanza: string }).stanza
        : undefined;
    target = { uri, stanza };
  } else if (window.activeTextEditor?.document.languageId === 'dsm') {
    const editor = window.activeTextEditor;
    target = { uri: editor.document.uri.toString(), line: editor.selection.active.line };
  }
  if (!target) {
    void window.showInformationMessage(
      'Open a dsm.sys or dsm.opt, put the cursor in a server stanza, and run the command again.',
    );
    return undefined;
  }
  const shown = effectiveUri(target);
  // Asked for again: the files may have changed since it was last shown.
  provider.changes.fire(shown);
  const doc = await workspace.openTextDocument(shown);
  await window.showTextDocument(doc, { preview: false, viewColumn: ViewColumn.Beside });
  return doc;
}

/** What an entry adds that needs more than the browser has. */
export interface ClientExtras {
  /** dsm.testConnection: opens a TCP connection to a stanza's server (Node's net: the desktop only). */
  testConnection?: (...args: unknown[]) => Promise<unknown>;
}

async function testConnectionUnavailable(): Promise<undefined> {
  void window.showInformationMessage(
    'Test connection is not available in VS Code for the Web: a browser cannot open a TCP connection to the backup server. Use VS Code on the desktop.',
  );
  return undefined;
}

/** The files under a folder whose names match, as the server lists them (node_modules and .git left out). */
async function findFiles({ baseUri, names, maxResults }: FindFilesParams): Promise<FindFilesResult> {
  try {
    const found = await workspace.findFiles(
      new RelativePattern(Uri.parse(baseUri, true), anyDepthGlob(names)),
      '**/{node_modules,.git}/**',
      maxResults,
    );
    return found.map((u) => u.toString());
  } catch {
    return [];
  }
}

async function exists({ uri }: ExistsParams): Promise<ExistsResult> {
  try {
    await workspace.fs.stat(Uri.parse(uri, true));
    return true;
  } catch {
    return false;
  }
}

/** Registers the client's commands and request handlers, then starts it. */
export async function startClient(
  context: ExtensionContext,
  client: BaseLanguageClient,
  extras: ClientExtras = {},
): Promise<void> {
  context.subscriptions.push(commands.registerCommand(COMMANDS.addKnownOption, addKnownOption));
  context.subscriptions.push(
    commands.registerCommand(COMMANDS.showFirewallRules, (...args: unknown[]) => showFirewallRules(client, ...args)),
  );
  context.subscriptions.push(commands.registerCommand(COMMANDS.placeCursor, placeCursor));
  context.subscriptions.push(
    commands.registerCommand(COMMANDS.testConnection, extras.testConnection ?? testConnectionUnavailable),
  );
  const effective = new EffectiveOptionsProvider(client);
  context.subscriptions.push(
    workspace.registerTextDocumentContentProvider(EFFECTIVE_SCHEME, effective),
    effective.changes,
  );
  context.subscriptions.push(
    commands.registerCommand(COMMANDS.showEffectiveOptions, (...args: unknown[]) =>
      showEffectiveOptions(effective, ...args),
    ),
  );
  context.subscriptions.push(
    commands.registerCommand(COMMANDS.whichStatement, (...args: unknown[]) => whichStatementDecides(client, ...args)),
  );
  const watcher = client.clientOptions.synchronize?.fileEvents;
  if (watcher && !Array.isArray(watcher)) context.subscriptions.push(watcher);
  client.onRequest(READ_FILE_REQUEST, readFile);
  client.onRequest(FIND_FILES_REQUEST, findFiles);
  client.onRequest(EXISTS_REQUEST, exists);
  await client.start();
}
