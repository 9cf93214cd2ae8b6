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
}

/** The first format of the client's list that the server writes; plain text when the client names none. */
function preferredFormat(formats: unknown): MarkupKind {
  const known = Array.isArray(formats) ? formats.filter((f): f is MarkupKind => f === MarkupKind.Markdown || f === MarkupKind.PlainText) : [];
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
      snippetSupport: item?.snippetSupport === true,
      hoverFormat: preferredFormat(text.hover?.contentFormat),
      documentationFormat: preferredFormat(item?.documentationFormat),
      resolveDocumentation: Array.isArray(resolvable) && resolvable.includes('documentation'),
    },
    pullConfiguration: caps.workspace?.configuration === true,
    configurationRegistration: caps.workspace?.didChangeConfiguration?.dynamicRegistration === true,
    codeActionLiterals: text.codeAction?.codeActionLiteralSupport !== undefined,
    applyEdit: caps.workspace?.applyEdit === true,
    initialSettings: init.settings,
    fileAccess: init.fileAccess === true,
  };
}
