/**
 * workspace/executeCommand: one entry per command the server executes, in
 * COMMAND_HANDLERS. The capabilities list the same ids.
 */
import { ErrorCodes, ExecuteCommandParams, MessageType, ResponseError, WorkspaceEdit } from 'vscode-languageserver';
import type { ServerCore } from './core';
import { COMMANDS, RESTART_REMINDER_TEXT } from '../service/codes';
import { messageOf } from '../util/errors';
import { effectiveOptionsCommand } from '../session/effectiveCommand';
import { ExplainAccess, explainCommand } from '../session/explain';
import { ownersPlatform } from '../service/workspaceIndex';
import { MAX_INDEXED_BYTES } from '../session/workspaceModel';

type Answer = unknown | ResponseError<void>;
type CommandHandler = (server: ServerCore, args: unknown[]) => Answer | Promise<Answer>;

const COMMAND_HANDLERS: Record<string, CommandHandler> = {
  [COMMANDS.restartReminder]: (server) => {
    server.showMessage(MessageType.Info, RESTART_REMINDER_TEXT);
    return null;
  },
  [COMMANDS.applyEdit]: (server, [edit]) => {
    if (typeof edit !== 'object' || edit === null) return invalid(`${COMMANDS.applyEdit} takes a WorkspaceEdit`);
    server.connection.workspace
      .applyEdit(edit as WorkspaceEdit)
      .catch((e) => server.log(`dsm: the client did not apply the fix: ${messageOf(e)}`));
    return null;
  },
  [COMMANDS.firewallRules]: firewallRules,
  [COMMANDS.explainPath]: explainPath,
  [COMMANDS.effectiveOptions]: (server, args) =>
    effectiveOptionsCommand(args, {
      service: () => server.languageService(),
      read: (u) => server.readDocument(u),
      log: (m) => server.log(m),
    }),
};

/** The ids of the commands the server executes. */
export function commandIds(): string[] {
  return Object.keys(COMMAND_HANDLERS);
}

export function bindCommands(server: ServerCore): void {
  server.connection.onExecuteCommand(async (p: ExecuteCommandParams) => {
    const handler = Object.prototype.hasOwnProperty.call(COMMAND_HANDLERS, p.command)
      ? COMMAND_HANDLERS[p.command]
      : undefined;
    if (!handler) return invalid(`Unknown command ${p.command}`);
    try {
      return await handler(server, Array.isArray(p.arguments) ? p.arguments : []);
    } catch (e) {
      server.log(`dsm: ${p.command} failed: ${(e as Error).stack ?? e}`);
      return new ResponseError(ErrorCodes.InternalError, `${p.command} failed; see the server log.`);
    }
  });
}

function invalid(message: string): ResponseError<void> {
  return new ResponseError(ErrorCodes.InvalidParams, message);
}

/** dsm.firewallRules [uri, stanza?]: the rules as text, for an open document or one read from disk (through the client). */
async function firewallRules(server: ServerCore, [uri, stanza]: unknown[]): Promise<Answer> {
  if (typeof uri !== 'string' || (stanza !== undefined && stanza !== null && typeof stanza !== 'string')) {
    return invalid(
      `${COMMANDS.firewallRules} takes the URI of a dsm.sys or dsm.opt and, for a dsm.sys with several stanzas, a stanza name`,
    );
  }
  const doc = await server.readDocument(uri);
  if (doc instanceof ResponseError) return doc;
  const answer = server.languageService().firewallRules(doc, stanza ?? undefined);
  return 'text' in answer ? answer.text : invalid(answer.error);
}

/** dsm.explainPath [uri, path, { stanza?, operation? }]: which include-exclude statement decides the path (session/explain.ts). */
async function explainPath(server: ServerCore, args: unknown[]): Promise<Answer> {
  const access: ExplainAccess = {
    open: (uri) => {
      const open = server.documents.find(uri);
      return open ? { doc: server.documents.parsed(open.uri)!, text: open.getText() } : undefined;
    },
    read: (uri) => server.files.read(uri, MAX_INDEXED_BYTES),
    parse: (text, uri) => server.languageService().parse(text, uri),
    platformOf: (uri) => ownersPlatform(server.workspace.inclExclOwners(uri)),
  };
  const answer = await explainCommand(args, access, MAX_INDEXED_BYTES);
  return 'error' in answer ? invalid(answer.error) : answer;
}
