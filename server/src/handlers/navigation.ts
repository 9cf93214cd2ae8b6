/** The requests that follow stanza names and file names across the workspace: definition, references, highlights, rename, symbols, links. */
import {
  CancellationToken,
  DocumentLink,
  DocumentLinkParams,
  ErrorCodes,
  RenameParams,
  ResponseError,
  WorkspaceEdit,
} from 'vscode-languageserver';
import type { ServerCore } from './core';

export function bindNavigation(server: ServerCore): void {
  const c = server.connection;
  const svc = () => server.languageService();
  c.onDefinition((p, token) =>
    server.withDocument('definition', p.textDocument.uri, token, [], (doc) => svc().definition(doc, p.position)),
  );
  c.onReferences((p, token) =>
    server.withDocument('references', p.textDocument.uri, token, [], (doc) =>
      svc().references(doc, p.position, p.context?.includeDeclaration !== false),
    ),
  );
  c.onDocumentHighlight((p, token) =>
    server.withDocument('highlights', p.textDocument.uri, token, [], (doc) =>
      svc().documentHighlights(doc, p.position),
    ),
  );
  c.onPrepareRename((p, token) =>
    server.withDocument('rename', p.textDocument.uri, token, null, (doc) => {
      const ready = svc().prepareRename(doc, p.position);
      return typeof ready === 'string' ? new ResponseError<void>(ErrorCodes.InvalidRequest, ready) : ready;
    }),
  );
  c.onRenameRequest((p, token) => rename(server, p, token));
  c.onWorkspaceSymbol((p, token) =>
    server.guard('workspace symbols', () => svc().workspaceSymbols(p.query ?? ''), [], token),
  );
  c.onDocumentLinks((p, token) => documentLinks(server, p, token));
}

/** Reads the files the rename edits afresh (those not open), then answers with the edits, versioned for the open ones where the client allows. */
async function rename(
  server: ServerCore,
  p: RenameParams,
  token?: CancellationToken,
): Promise<WorkspaceEdit | null | ResponseError<void>> {
  const uri = p?.textDocument?.uri;
  const files = server.withDocument('rename', uri, token, [], (doc) =>
    server.languageService().renameFiles(doc, p.position),
  );
  if (files instanceof ResponseError) return files;
  await server.workspace.refresh(files);
  return server.withDocument('rename', uri, token, null, (doc) => {
    const changes = server.languageService().rename(doc, p.position, p.newName);
    if (typeof changes === 'string') return new ResponseError<void>(ErrorCodes.InvalidRequest, changes);
    return server.workspaceEdit(changes);
  });
}

/** The links whose target exists (or is open in the editor). */
async function documentLinks(
  server: ServerCore,
  p: DocumentLinkParams,
  token?: CancellationToken,
): Promise<DocumentLink[] | ResponseError<void>> {
  const candidates = server.withDocument('links', p.textDocument.uri, token, [], (doc) =>
    server.languageService().documentLinks(doc),
  );
  if (candidates instanceof ResponseError) return candidates;
  const exists = await Promise.all(
    candidates.map((l) => server.documents.find(l.target!) !== undefined || server.files.exists(l.target!)),
  );
  return candidates.filter((_, i) => exists[i]);
}
