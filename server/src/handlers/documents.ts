/**
 * The documents and files: open, change and close; the workspace folders;
 * files changed on disk; and the files the server asks the client to watch.
 */
import {
  DidChangeWatchedFilesNotification,
  DidChangeWatchedFilesParams,
  DidChangeWorkspaceFoldersNotification,
  DidChangeWorkspaceFoldersParams,
} from 'vscode-languageserver';
import type { ServerCore } from './core';
import { FileChange } from '../session/workspaceModel';
import { WATCHED_FILE_GLOBS } from '../parser/fileKind';
import { anyDepthGlob } from '../util/globs';
import { baseName, folderOf } from '../util/uris';
import { messageOf } from '../util/errors';

/** At most this many files outside the workspace folders (dependencies of open documents) are watched one by one. */
const MAX_WATCHED_OUTSIDE = 100;

export function bindDocuments(server: ServerCore): void {
  const c = server.connection;
  c.onDidOpenTextDocument((p) => {
    const { uri, languageId, version, text } = p.textDocument;
    server.guard(
      'open',
      () => {
        server.documents.open(uri, languageId, version, text);
        server.validator.schedule(uri, true);
        // The files it depends on may have changed on disk since they were last read.
        void server.workspace.opened(uri);
      },
      undefined,
    );
  });
  c.onDidChangeTextDocument((p) => {
    const { uri, version } = p.textDocument;
    server.guard(
      'change',
      () => {
        if (!server.documents.change(uri, version ?? 0, p.contentChanges)) return;
        // Its dependents are checked again once it is (see noteSoon): only if what they read of it changed.
        server.validator.schedule(uri);
      },
      undefined,
    );
  });
  c.onDidCloseTextDocument((p) => {
    const { uri } = p.textDocument;
    server.validator.cancel(uri);
    server.documents.close(uri);
    void c.sendDiagnostics({ uri, diagnostics: [] });
    // From now on its copy on disk counts.
    void server.workspace.closed(uri);
  });
  c.onDidChangeWatchedFiles((p: DidChangeWatchedFilesParams) => {
    for (const change of p?.changes ?? []) {
      if (typeof change?.uri === 'string') void server.workspace.fileChanged(change.uri, change.type as FileChange);
    }
  });
  c.onNotification(DidChangeWorkspaceFoldersNotification.type, (p: DidChangeWorkspaceFoldersParams) => {
    const removed = new Set((p?.event?.removed ?? []).map((f) => f.uri));
    const folders = [
      ...server.profile.workspaceFolders.filter((f) => !removed.has(f)),
      ...(p?.event?.added ?? []).map((f) => f.uri),
    ];
    server.profile.workspaceFolders = folders;
    void server.workspace.setFolders(folders);
  });
}

/** Per server: open documents whose new version the workspace model is to look at, and the files watched outside the folders. */
const pending = new WeakMap<ServerCore, Set<string>>();
const watched = new WeakMap<ServerCore, Set<string>>();

function setOf(map: WeakMap<ServerCore, Set<string>>, server: ServerCore): Set<string> {
  let s = map.get(server);
  if (!s) map.set(server, (s = new Set()));
  return s;
}

/**
 * Has the workspace model look at a checked document's new version after
 * its diagnostics are published (summarising a large dsm.sys takes a few
 * milliseconds that the diagnostics need not wait for); a burst of versions is looked at once.
 */
export function noteSoon(server: ServerCore, uri: string): void {
  const toNote = setOf(pending, server);
  // Alone in the editor, no open document depends on it (the model catches up when another one opens).
  if (toNote.has(uri) || server.documents.all().length < 2) return;
  toNote.add(uri);
  setTimeout(() => {
    toNote.delete(uri);
    server.guard('workspace', () => server.workspace.noteOpen(uri), undefined);
  }, 0);
}

/** A file changed what open documents read of it (in the editor or on disk): they are parsed (`reparse`) and checked again. */
export function dependenciesChanged(server: ServerCore, dependents: string[], reparse: string[]): void {
  server.languageService().invalidate(dependents);
  for (const uri of reparse) server.documents.forget(uri);
  for (const uri of dependents) server.validator.schedule(uri, true);
}

/** Asks the client to tell of changes to the option and include-exclude files of the workspace folders, unless it does so unasked. */
export function registerWatchers(server: ServerCore): void {
  if (!server.profile.watchRegistration || server.profile.clientWatchesFiles) return;
  const watchers = [{ globPattern: anyDepthGlob(WATCHED_FILE_GLOBS) }];
  server.connection.client
    .register(DidChangeWatchedFilesNotification.type, { watchers })
    .catch((e) => server.log(`dsm: could not watch the option files: ${messageOf(e)}`));
}

/** Asks the client to watch a file outside the workspace folders that an open document depends on (only with relative patterns: a folder and a name). */
export function watchOutside(server: ServerCore, uri: string): void {
  const outside = setOf(watched, server);
  if (
    !server.profile.watchRegistration ||
    !server.profile.relativePatterns ||
    outside.has(uri) ||
    outside.size >= MAX_WATCHED_OUTSIDE
  )
    return;
  outside.add(uri);
  const watchers = [{ globPattern: { baseUri: folderOf(uri), pattern: baseName(uri) } }];
  server.connection.client
    .register(DidChangeWatchedFilesNotification.type, { watchers })
    .catch((e) => server.log(`dsm: could not watch ${uri}: ${messageOf(e)}`));
}
