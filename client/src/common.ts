/**
 * What the VS Code client does on the desktop and in the browser alike:
 * the options it starts the server with, the dsm.addKnownOption command, the
 * watcher of the workspace's option and include-exclude files, and the
 * answers to the server's dsm/readFile, dsm/findFiles and dsm/exists requests
 * (vscode.workspace.fs and findFiles, so remote, virtual and web workspaces
 * are read the same way).
 */
import { ConfigurationTarget, ExtensionContext, FileType, RelativePattern, Uri, commands, window, workspace } from 'vscode';
import type { BaseLanguageClient, LanguageClientOptions } from 'vscode-languageclient';
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
import { WATCHED_FILE_GLOBS } from '../../server/src/parser/fileKind';
import { anyDepthGlob } from '../../server/src/util/globs';

export const CLIENT_ID = 'dsm';
export const CLIENT_NAME = 'TSM Client Options';

export function clientOptions(): LanguageClientOptions {
  const initializationOptions: InitializationOptions = {
    // The snippets of snippets/ are contributed by package.json; the server adds only a site's extra servers.
    builtinSnippets: true,
    addKnownOptionCommand: true,
    restartReminderCommand: true,
    fileAccess: true,
    watchesFiles: true,
  };
  // The client watches the files itself (the server then registers no watcher of its own for them, so no change
  // comes twice): the watcher runs from activation on, before the server has started.
  const fileEvents = workspace.createFileSystemWatcher(anyDepthGlob(WATCHED_FILE_GLOBS));
  return { documentSelector: [{ language: 'dsm' }], initializationOptions, synchronize: { fileEvents } };
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

async function readFile({ uri, maxBytes }: ReadFileParams): Promise<ReadFileResult> {
  try {
    const target = Uri.parse(uri, true);
    const stat = await workspace.fs.stat(target);
    if ((stat.type & FileType.File) === 0 || stat.size > maxBytes) return null;
    return { text: new TextDecoder('utf-8').decode(await workspace.fs.readFile(target)) };
  } catch {
    return null;
  }
}

/** The files under a folder whose names match, as the server lists them (node_modules and .git left out). */
async function findFiles({ baseUri, names, maxResults }: FindFilesParams): Promise<FindFilesResult> {
  try {
    const found = await workspace.findFiles(new RelativePattern(Uri.parse(baseUri, true), anyDepthGlob(names)), '**/{node_modules,.git}/**', maxResults);
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
export async function startClient(context: ExtensionContext, client: BaseLanguageClient): Promise<void> {
  context.subscriptions.push(commands.registerCommand('dsm.addKnownOption', addKnownOption));
  const watcher = client.clientOptions.synchronize?.fileEvents;
  if (watcher && !Array.isArray(watcher)) context.subscriptions.push(watcher);
  client.onRequest(READ_FILE_REQUEST, readFile);
  client.onRequest(FIND_FILES_REQUEST, findFiles);
  client.onRequest(EXISTS_REQUEST, exists);
  await client.start();
}
