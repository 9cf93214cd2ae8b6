/**
 * The language server: wires the pure language service to an LSP
 * connection. It holds no analysis of its own. DsmServer derives what it
 * offers from what the client declared, and binds the handler groups of
 * handlers/ (one file per concern, each a `bind(server)` function), which
 * turn every failure into a log line instead of a crash. The transport
 * (stdio, IPC, a browser worker) is chosen by the entry module.
 */
import {
  CancellationToken,
  Connection,
  ErrorCodes,
  InitializeParams,
  InitializeResult,
  LSPErrorCodes,
  MessageType,
  ResponseError,
  ServerCapabilities,
  ShowMessageNotification,
  TextDocumentEdit,
  TextDocumentSyncKind,
  TextEdit,
  WorkspaceEdit,
} from 'vscode-languageserver';
import { version } from '../../package.json';
import { DsmLanguageService } from './service/languageService';
import { checkSettings } from './service/settings';
import { FIX_ALL_KIND } from './service/codes';
import type { DsmDocument } from './parser/types';
import { ClientProfile, clientProfile } from './session/clientProfile';
import { DocumentStore } from './session/documentStore';
import { Validator } from './session/validator';
import { FileReader, NO_FILES, clientFiles } from './session/files';
import { MAX_INDEXED_BYTES, WorkspaceModel } from './session/workspaceModel';
import { bindCommands, commandIds } from './handlers/commands';
import type { ServerCore } from './handlers/core';
import { bindDocuments, dependenciesChanged, noteSoon, watchOutside } from './handlers/documents';
import { bindFeatures } from './handlers/features';
import { bindNavigation } from './handlers/navigation';
import { bindSettings } from './handlers/settings';

export const SERVER_INFO = { name: 'dsm-language-server', version };

/** What the entry module provides besides the connection. */
export interface ServerEnvironment {
  /** How files that are not open are read, unless the client offers to read them (dsm/readFile). */
  files?: FileReader;
  /** How long typing must pause before a changed document is checked again (ms). */
  debounceMs?: number;
}

/** How long typing must pause before a changed document is checked again, unless the environment says otherwise. */
export const DEFAULT_DEBOUNCE_MS = 200;

/** The handler groups, each binding its requests and notifications to the connection. */
const HANDLER_GROUPS: ((server: ServerCore) => void)[] = [
  bindSettings,
  bindDocuments,
  bindFeatures,
  bindNavigation,
  bindCommands,
];

export class DsmServer implements ServerCore {
  readonly profile: ClientProfile;
  readonly documents: DocumentStore;
  readonly validator: Validator;
  readonly files: FileReader;
  readonly workspace: WorkspaceModel;
  private service: DsmLanguageService | undefined;

  constructor(
    readonly connection: Connection,
    params: InitializeParams,
    environment: ServerEnvironment = {},
  ) {
    this.profile = clientProfile(params);
    this.documents = new DocumentStore(() => this.languageService());
    this.validator = new Validator(
      {
        version: (uri) => this.documents.get(uri)?.version,
        diagnose: (uri) => {
          // What other files read of this one may have changed with this version: looked at once its diagnostics are out.
          noteSoon(this, uri);
          return this.languageService().diagnostics(this.documents.parsed(uri)!);
        },
        publish: (uri, v, diagnostics) => void this.connection.sendDiagnostics({ uri, version: v, diagnostics }),
        log: (message) => this.log(message),
      },
      environment.debounceMs ?? DEFAULT_DEBOUNCE_MS,
    );
    this.files = this.profile.fileAccess
      ? clientFiles(
          (method, p) => connection.sendRequest(method, p),
          (m) => this.log(m),
        )
      : (environment.files ?? NO_FILES);
    this.workspace = new WorkspaceModel(this.files, {
      open: (uri) => this.openDocument(uri),
      openUris: () => this.documents.all().map((d) => d.uri),
      parse: (text, uri) => this.languageService().parse(text, uri),
      changed: (dependents, reparse) => dependenciesChanged(this, dependents, reparse),
      watch: (uri) => watchOutside(this, uri),
      log: (message) => this.log(message),
    });
  }

  /**
   * The language service, made on first use: building the option table's
   * indexes takes a few milliseconds, which the answer to initialize need not
   * wait for (it is built as soon as the client has that answer).
   */
  languageService(): DsmLanguageService {
    return (this.service ??= new DsmLanguageService({
      settings: checkSettings(this.profile.initialSettings).settings,
      client: this.profile.features,
      workspace: this.workspace,
    }));
  }

  capabilities(): ServerCapabilities {
    return {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
      codeActionProvider: this.profile.codeActionLiterals
        ? { codeActionKinds: ['quickfix', FIX_ALL_KIND], resolveProvider: false }
        : true,
      hoverProvider: true,
      completionProvider: {
        triggerCharacters: [' ', '\t'],
        resolveProvider: this.profile.features.resolveDocumentation === true,
      },
      documentSymbolProvider: true,
      foldingRangeProvider: true,
      documentFormattingProvider: true,
      documentRangeFormattingProvider: true,
      codeLensProvider: { resolveProvider: false },
      executeCommandProvider: { commands: commandIds() },
      definitionProvider: true,
      referencesProvider: true,
      documentHighlightProvider: true,
      renameProvider: this.profile.prepareRename ? { prepareProvider: true } : true,
      workspaceSymbolProvider: true,
      documentLinkProvider: { resolveProvider: false },
      ...(this.profile.workspaceFolderChanges
        ? { workspace: { workspaceFolders: { supported: true, changeNotifications: true } } }
        : {}),
    };
  }

  initializeResult(): InitializeResult {
    return { capabilities: this.capabilities(), serverInfo: SERVER_INFO };
  }

  /** Binds every handler group to the connection. */
  register(): void {
    for (const bind of HANDLER_GROUPS) bind(this);
    this.connection.onShutdown(() => this.validator.dispose());
  }

  /** The parsed form of an open document, however its URI is spelt. */
  openDocument(uri: string): DsmDocument | undefined {
    const open = this.documents.find(uri);
    return open ? this.documents.parsed(open.uri) : undefined;
  }

  /** An open document, or one read from disk (through the client where it serves files); an error the caller can answer with. */
  async readDocument(uri: string): Promise<DsmDocument | ResponseError<void>> {
    const open = this.openDocument(uri);
    if (open) return open;
    const text = await this.files.read(uri, MAX_INDEXED_BYTES);
    if (text === undefined)
      return new ResponseError(
        ErrorCodes.InvalidParams,
        `Cannot read ${uri}: it is not open, and not a readable file of at most ${MAX_INDEXED_BYTES} bytes`,
      );
    return this.languageService().parse(text, uri);
  }

  /** Text edits as a WorkspaceEdit, versioned for the open documents where the client allows. */
  workspaceEdit(changes: Record<string, TextEdit[]>): WorkspaceEdit {
    if (!this.profile.documentChanges) return { changes };
    const version = (uri: string) => this.documents.find(uri)?.version ?? null;
    return {
      documentChanges: Object.entries(changes).map(([uri, edits]) =>
        TextDocumentEdit.create({ uri, version: version(uri) }, edits),
      ),
    };
  }

  /** Information for the user. Never a request: a reminder needs no answer, and some clients block on one. */
  showMessage(type: MessageType, message: string): void {
    void this.connection.sendNotification(ShowMessageNotification.type, { type, message });
  }

  log(message: string): void {
    this.connection.console.log(message);
  }

  /** Runs a request on the parsed form of an open document; a document that is not open gets the fallback. */
  withDocument<T>(
    what: string,
    uri: string,
    token: CancellationToken | undefined,
    fallback: T,
    run: (doc: DsmDocument) => T,
  ): T | ResponseError<void> {
    return this.guard(
      what,
      () => {
        const doc = this.documents.parsed(uri);
        return doc ? run(doc) : fallback;
      },
      fallback,
      token,
    );
  }

  /** Runs a handler; an exception is logged and answered with the fallback, never allowed to end the server. */
  guard<T>(what: string, run: () => T, fallback: T, token?: CancellationToken): T | ResponseError<void> {
    if (token?.isCancellationRequested) return new ResponseError(LSPErrorCodes.RequestCancelled, 'cancelled');
    try {
      return run();
    } catch (e) {
      this.log(`dsm: ${what} failed: ${(e as Error).stack ?? e}`);
      return fallback;
    }
  }
}

/** Serves the dsm language on a connection: a DsmServer is made when the client initializes. */
export function startServer(connection: Connection, environment: ServerEnvironment = {}): void {
  connection.onInitialize((params) => {
    const server = new DsmServer(connection, params ?? { capabilities: {} }, environment);
    server.register();
    return server.initializeResult();
  });
  connection.listen();
}
