/** The requests on one open document: code actions, hover, completion, outline, folding, code lenses, formatting. */
import { CodeAction, Command, DocumentFormattingParams, DocumentRangeFormattingParams } from 'vscode-languageserver';
import type { ServerCore } from './core';
import { COMMANDS } from '../service/codes';

export function bindFeatures(server: ServerCore): void {
  const c = server.connection;
  const svc = () => server.languageService();
  c.onCodeAction((p, token) =>
    server.withDocument('code actions', p.textDocument.uri, token, [], (doc) => {
      const actions = svc().codeActions(doc, p.range, p.context);
      return server.profile.codeActionLiterals
        ? actions
        : actions.map((a) => asCommand(server, a)).filter((a): a is Command => a !== undefined);
    }),
  );
  c.onHover((p, token) =>
    server.withDocument('hover', p.textDocument.uri, token, null, (doc) => svc().hover(doc, p.position)),
  );
  c.onCompletion((p, token) =>
    server.withDocument('completion', p.textDocument.uri, token, [], (doc) => svc().completion(doc, p.position)),
  );
  c.onCompletionResolve((item) => server.guard('completion details', () => svc().resolveCompletion(item), item));
  c.onDocumentSymbol((p, token) =>
    server.withDocument('outline', p.textDocument.uri, token, [], (doc) => svc().documentSymbols(doc)),
  );
  c.onFoldingRanges((p, token) =>
    server.withDocument('folding', p.textDocument.uri, token, [], (doc) => svc().foldingRanges(doc)),
  );
  c.onCodeLens((p, token) =>
    server.withDocument('code lens', p.textDocument.uri, token, [], (doc) => svc().codeLenses(doc)),
  );
  // Document and range formatting: edits inside lines only, computed from the text as parsed.
  const format = (
    p: DocumentFormattingParams | DocumentRangeFormattingParams,
    token: Parameters<ServerCore['guard']>[3],
  ) => {
    const uri = p.textDocument.uri;
    const range = 'range' in p ? p.range : undefined;
    return server.withDocument('formatting', uri, token, [], (doc) =>
      svc().format(doc, server.documents.get(uri)!.getText(), range),
    );
  };
  c.onDocumentFormatting(format);
  c.onDocumentRangeFormatting(format);
}

/** A code action as a Command, for clients without CodeAction literals: its edit is applied through dsm.applyEdit. */
function asCommand(server: ServerCore, action: CodeAction): Command | undefined {
  if (action.edit)
    return server.profile.applyEdit ? Command.create(action.title, COMMANDS.applyEdit, action.edit) : undefined;
  return action.command;
}
