/**
 * What the client declared it can do (InitializeParams), read once: the
 * server offers and sends only what the client can take.
 */
import { InitializeParams, MarkupKind } from 'vscode-languageserver';
import type { ClientFeatures } from '../service/context';
import type { InitializationOptions } from '../protocol';

export interface ClientProfile {
  features: ClientFeatures;
  /** Settings are asked for with workspace/configuration. */
  pullConfiguration: boolean;
  /** workspace/didChangeConfiguration may be registered dynamically (else the client sends it unasked, or not at all). */
  configurationRegistration: boolean;
  /** Code actions may be sent as CodeAction literals; else only as Commands. */
  codeActionLiterals: boolean;
  /** The client applies edits the server sends (workspace/applyEdit). */
  applyEdit: boolean;
  /** Settings given at start, the base under anything pushed or pulled later. */
  initialSettings: unknown;
  /** Files that are not open are read through the client (dsm/readFile). */
  fileAccess: boolean;
  /** The workspace folders at start (their URIs), and whether the client tells of changes to them. */
  workspaceFolders: string[];
  workspaceFolderChanges: boolean;
  /** How the server may learn of changed files: by registering workspace/didChangeWatchedFiles, with relative patterns; or the client watches them unasked (watchesFiles). */
  watchRegistration: boolean;
  relativePatterns: boolean;
  clientWatchesFiles: boolean;
  /** The client asks textDocument/prepareRename before a rename. */
  prepareRename: boolean;
  /** Workspace edits may be sent as documentChanges (versioned edits of each document). */
  documentChanges: boolean;
}

/** The URIs of the workspace folders the client opened with (workspaceFolders, else the older rootUri). */
function folders(params: InitializeParams): string[] {
  const list = Array.isArray(params.workspaceFolders) ? params.workspaceFolders.map((f) => f?.uri) : [params.rootUri];
  return list.filter((u): u is string => typeof u === 'string' && u.length > 0);
}

/** The first format of the client's list that the server writes; plain text when the client names none. */
function preferredFormat(formats: unknown): MarkupKind {
  const known = Array.isArray(formats)
    ? formats.filter((f): f is MarkupKind => f === MarkupKind.Markdown || f === MarkupKind.PlainText)
    : [];
  return known[0] ?? MarkupKind.PlainText;
}

function initializationOptions(params: InitializeParams): InitializationOptions {
  const raw: unknown = params.initializationOptions;
  return typeof raw === 'object' && raw !== null ? (raw as InitializationOptions) : {};
}

export function clientProfile(params: InitializeParams): ClientProfile {
  const caps = params.capabilities ?? {};
  const text = caps.textDocument ?? {};
  const item = text.completion?.completionItem;
  const resolvable: unknown = item?.resolveSupport?.properties;
  const init = initializationOptions(params);
  return {
    features: {
      builtinSnippets: init.builtinSnippets === true,
      addKnownOptionCommand: init.addKnownOptionCommand === true,
      restartReminderCommand: init.restartReminderCommand === true,
      firewallRulesCommand: init.firewallRulesCommand === true,
      testConnectionCommand: init.testConnectionCommand === true,
      effectiveOptionsCommand: init.effectiveOptionsCommand === true,
      snippetSupport: item?.snippetSupport === true,
      hoverFormat: preferredFormat(text.hover?.contentFormat),
      documentationFormat: preferredFormat(item?.documentationFormat),
      resolveDocumentation: Array.isArray(resolvable) && resolvable.includes('documentation'),
      codeDescription: text.publishDiagnostics?.codeDescriptionSupport === true,
      placeCursorCommand: init.placeCursorCommand === true,
    },
    pullConfiguration: caps.workspace?.configuration === true,
    configurationRegistration: caps.workspace?.didChangeConfiguration?.dynamicRegistration === true,
    codeActionLiterals: text.codeAction?.codeActionLiteralSupport !== undefined,
    applyEdit: caps.workspace?.applyEdit === true,
    initialSettings: init.settings,
    fileAccess: init.fileAccess === true,
    workspaceFolders: folders(params),
    workspaceFolderChanges: caps.workspace?.workspaceFolders === true,
    watchRegistration: caps.workspace?.didChangeWatchedFiles?.dynamicRegistration === true,
    relativePatterns: caps.workspace?.didChangeWatchedFiles?.relativePatternSupport === true,
    clientWatchesFiles: init.watchesFiles === true,
    prepareRename: text.rename?.prepareSupport === true,
    documentChanges: caps.workspace?.workspaceEdit?.documentChanges === true,
  };
}
