/**
 * What the VS Code client does on the desktop and in the browser alike:
 * the options it starts the server with, the dsm.addKnownOption command, and
 * the answers to the server's dsm/readFile requests (vscode.workspace.fs, so
 * remote, virtual and web workspaces are read the same way).
 */
import { ConfigurationTarget, ExtensionContext, FileType, Uri, commands, window, workspace } from 'vscode';
import type { BaseLanguageClient, LanguageClientOptions } from 'vscode-languageclient';
import { InitializationOptions, READ_FILE_REQUEST, ReadFileParams, ReadFileResult } from '../../server/src/protocol';

export const CLIENT_ID = 'dsm';
export const CLIENT_NAME = 'TSM Client Options';

export function clientOptions(): LanguageClientOptions {
  const initializationOptions: InitializationOptions = {
    // The snippets of snippets/ are contributed by package.json; the server adds only a site's extra servers.
    builtinSnippets: true,
    addKnownOptionCommand: true,
    restartReminderCommand: true,
    fileAccess: true,
  };
  return { documentSelector: [{ language: 'dsm' }], initializationOptions };
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

/** Registers the client's commands and request handlers, then starts it. */
export async function startClient(context: ExtensionContext, client: BaseLanguageClient): Promise<void> {
  context.subscriptions.push(commands.registerCommand('dsm.addKnownOption', addKnownOption));
  client.onRequest(READ_FILE_REQUEST, readFile);
  await client.start();
}
