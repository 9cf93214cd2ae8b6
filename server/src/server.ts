/**
 * The language server: wires the pure language service to an LSP
 * connection. It holds no analysis of its own. DsmServer derives what it
 * offers from what the client declared, registers one handler per request,
 * and turns every failure into a log line instead of a crash. The
 * transport (stdio, IPC, a browser worker) is chosen by the entry module.
 */
import {
  CancellationToken,
  CodeAction,
  CodeLensParams,
  CodeActionParams,
  Command,
  CompletionItem,
  CompletionParams,
  Connection,
  DidChangeConfigurationNotification,
  DidChangeConfigurationParams,
  DidChangeTextDocumentParams,
  DidCloseTextDocumentParams,
  DidOpenTextDocumentParams,
  DocumentFormattingParams,
  DocumentRangeFormattingParams,
  DocumentSymbolParams,
  ErrorCodes,
  ExecuteCommandParams,
  FoldingRangeParams,
  HoverParams,
  InitializeParams,
  InitializeResult,
  LSPErrorCodes,
  MessageType,
  ResponseError,
  ServerCapabilities,
  ShowMessageNotification,
  TextDocumentSyncKind,
  WorkspaceEdit,
} from 'vscode-languageserver';
import { version } from '../../package.json';
import { DsmLanguageService } from './service/languageService';
import { checkSettings } from './service/settings';
import { COMMANDS, FIX_ALL_KIND, RESTART_REMINDER_TEXT } from './service/codes';
import type { DsmDocument } from './parser/types';
import { ClientProfile, clientProfile } from './session/clientProfile';
import { DocumentStore } from './session/documentStore';
import { Validator } from './session/validator';
import { FileReader, NO_FILES, clientFiles, sameUri, siblingUri } from './session/files';
import { MAX_SIBLING_BYTES, SiblingStanzas } from './session/siblings';

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

export class DsmServer {
  private readonly profile: ClientProfile;
  private service: DsmLanguageService | undefined;
  private readonly documents: DocumentStore;
  private readonly validator: Validator;
  private readonly siblings: SiblingStanzas;
  /** How files that are not open are read (dsm.firewallRules on a file the editor does not show). */
  private readonly files: FileReader;
  /** The `dsm` section last pushed by the client (didChangeConfiguration), over the initial settings. */
  private pushedSettings: unknown;
  private lastProblems = '';

  constructor(
    private readonly connection: Connection,
    params: InitializeParams,
    environment: ServerEnvironment = {},
  ) {
    this.profile = clientProfile(params);
    this.documents = new DocumentStore(() => this.languageService());
    this.validator = new Validator(
      {
        version: (uri) => this.documents.get(uri)?.version,
        diagnose: (uri) => this.languageService().diagnostics(this.documents.parsed(uri)!),
        publish: (uri, v, diagnostics) => void this.connection.sendDiagnostics({ uri, version: v, diagnostics }),
        log: (message) => this.log(message),
      },
      environment.debounceMs ?? DEFAULT_DEBOUNCE_MS,
    );
    const files = this.profile.fileAccess ? clientFiles((method, params) => connection.sendRequest(method, params), (m) => this.log(m)) : (environment.files ?? NO_FILES);
    this.files = files;
    this.siblings = new SiblingStanzas(files, {
      open: (uri) => this.openDocument(uri),
      parse: (text, uri) => this.languageService().parse(text, uri),
      changed: (sysUri) => this.dependenciesChanged(sysUri),
    });
  }

  /**
   * The language service, made on first use: building the option table's
   * indexes takes a few milliseconds, which the answer to initialize need not
   * wait for (it is built as soon as the client has that answer).
   */
  private languageService(): DsmLanguageService {
    return (this.service ??= new DsmLanguageService({
      settings: checkSettings(this.profile.initialSettings).settings,
      client: this.profile.features,
      stanzaNamesBeside: (optUri) => this.siblings.namesBeside(optUri),
    }));
  }

  capabilities(): ServerCapabilities {
    return {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
      codeActionProvider: this.profile.codeActionLiterals ? { codeActionKinds: ['quickfix', FIX_ALL_KIND], resolveProvider: false } : true,
      hoverProvider: true,
      completionProvider: { triggerCharacters: [' ', '\t'], resolveProvider: this.profile.features.resolveDocumentation === true },
      documentSymbolProvider: true,
      foldingRangeProvider: true,
      documentFormattingProvider: true,
      documentRangeFormattingProvider: true,
      codeLensProvider: { resolveProvider: false },
      executeCommandProvider: { commands: [COMMANDS.restartReminder, COMMANDS.applyEdit, COMMANDS.firewallRules] },
    };
  }

  initializeResult(): InitializeResult {
    return { capabilities: this.capabilities(), serverInfo: SERVER_INFO };
  }

  /** Registers one handler per request and notification. */
  register(): void {
    const c = this.connection;
    c.onInitialized(() => this.onInitialized());
    c.onDidChangeConfiguration((p) => this.onDidChangeConfiguration(p));
    c.onDidOpenTextDocument((p) => this.onDidOpen(p));
    c.onDidChangeTextDocument((p) => this.onDidChange(p));
    c.onDidCloseTextDocument((p) => this.onDidClose(p));
    c.onCodeAction((p, token) => this.onCodeAction(p, token));
    c.onHover((p, token) => this.onHover(p, token));
    c.onCompletion((p, token) => this.onCompletion(p, token));
    c.onCompletionResolve((item) => this.onCompletionResolve(item));
    c.onDocumentSymbol((p, token) => this.onDocumentSymbol(p, token));
    c.onFoldingRanges((p, token) => this.onFoldingRanges(p, token));
    c.onCodeLens((p, token) => this.onCodeLens(p, token));
    c.onDocumentFormatting((p, token) => this.onFormatting(p, token));
    c.onDocumentRangeFormatting((p, token) => this.onFormatting(p, token));
    c.onExecuteCommand((p) => this.onExecuteCommand(p));
    c.onShutdown(() => this.validator.dispose());
  }

  // Notifications.

  onInitialized(): void {
    this.guard('start', () => this.languageService(), undefined);
    if (this.profile.configurationRegistration) {
      this.connection.client.register(DidChangeConfigurationNotification.type, { section: 'dsm' }).catch((e) => this.log(`dsm: could not register for settings changes: ${messageOf(e)}`));
    }
    if (this.profile.pullConfiguration) void this.loadSettings();
  }

  onDidChangeConfiguration(p: DidChangeConfigurationParams): void {
    const settings: unknown = p?.settings;
    // A notification without a dsm section (VS Code sends none once it is asked to pull) keeps what was given before.
    if (typeof settings === 'object' && settings !== null && 'dsm' in settings) this.pushedSettings = settings.dsm;
    void this.loadSettings();
  }

  onDidOpen(p: DidOpenTextDocumentParams): void {
    const { uri, languageId, version, text } = p.textDocument;
    this.guard('open', () => {
      this.documents.open(uri, languageId, version, text);
      // The dsm.sys it names may have changed on disk since it was last read.
      if (this.documents.parsed(uri)?.fileKind === 'opt-unix') this.siblings.refreshFor(uri);
      this.validator.schedule(uri, true);
      if (this.siblings.isSys(uri)) this.dependenciesChanged(uri);
    }, undefined);
  }

  onDidChange(p: DidChangeTextDocumentParams): void {
    const { uri, version } = p.textDocument;
    this.guard('change', () => {
      if (!this.documents.change(uri, version ?? 0, p.contentChanges)) return;
      this.validator.schedule(uri);
      if (this.siblings.isSys(uri)) this.dependenciesChanged(uri);
    }, undefined);
  }

  onDidClose(p: DidCloseTextDocumentParams): void {
    const { uri } = p.textDocument;
    this.validator.cancel(uri);
    this.documents.close(uri);
    void this.connection.sendDiagnostics({ uri, diagnostics: [] });
    if (this.siblings.isSys(uri)) this.siblings.closed(uri);
  }

  // Requests.

  onCodeAction(p: CodeActionParams, token?: CancellationToken): (CodeAction | Command)[] | ResponseError<void> {
    return this.withDocument('code actions', p.textDocument.uri, token, [], (doc) => {
      const actions = this.languageService().codeActions(doc, p.range, p.context);
      return this.profile.codeActionLiterals ? actions : actions.map((a) => this.asCommand(a)).filter((a): a is Command => a !== undefined);
    });
  }

  onHover(p: HoverParams, token?: CancellationToken) {
    return this.withDocument('hover', p.textDocument.uri, token, null, (doc) => this.languageService().hover(doc, p.position));
  }

  onCompletion(p: CompletionParams, token?: CancellationToken) {
    return this.withDocument('completion', p.textDocument.uri, token, [], (doc) => this.languageService().completion(doc, p.position));
  }

  onCompletionResolve(item: CompletionItem) {
    return this.guard('completion details', () => this.languageService().resolveCompletion(item), item);
  }

  onDocumentSymbol(p: DocumentSymbolParams, token?: CancellationToken) {
    return this.withDocument('outline', p.textDocument.uri, token, [], (doc) => this.languageService().documentSymbols(doc));
  }

  onFoldingRanges(p: FoldingRangeParams, token?: CancellationToken) {
    return this.withDocument('folding', p.textDocument.uri, token, [], (doc) => this.languageService().foldingRanges(doc));
  }

  onCodeLens(p: CodeLensParams, token?: CancellationToken) {
    return this.withDocument('code lens', p.textDocument.uri, token, [], (doc) => this.languageService().codeLenses(doc));
  }

  /** Document and range formatting: edits inside lines only, computed from the text as parsed. */
  onFormatting(p: DocumentFormattingParams | DocumentRangeFormattingParams, token?: CancellationToken) {
    const uri = p.textDocument.uri;
    const range = 'range' in p ? p.range : undefined;
    return this.withDocument('formatting', uri, token, [], (doc) => this.languageService().format(doc, this.documents.get(uri)!.getText(), range));
  }

  onExecuteCommand(p: ExecuteCommandParams): null | ResponseError<void> | Promise<string | ResponseError<void>> {
    if (p.command === COMMANDS.firewallRules) return this.firewallRules(p.arguments ?? []);
    if (p.command === COMMANDS.restartReminder) {
      this.showMessage(MessageType.Info, RESTART_REMINDER_TEXT);
      return null;
    }
    const edit: unknown = p.arguments?.[0];
    if (p.command === COMMANDS.applyEdit && typeof edit === 'object' && edit !== null) {
      this.connection.workspace.applyEdit(edit as WorkspaceEdit).catch((e) => this.log(`dsm: the client did not apply the fix: ${messageOf(e)}`));
      return null;
    }
    return new ResponseError(ErrorCodes.InvalidParams, `Unknown command ${p.command}, or arguments missing`);
  }

  /** dsm.firewallRules [uri, stanza?]: the rules as text, for an open document or one read from disk (through the client). */
  private async firewallRules(args: unknown[]): Promise<string | ResponseError<void>> {
    const [uri, stanza] = args;
    if (typeof uri !== 'string' || (stanza !== undefined && stanza !== null && typeof stanza !== 'string')) {
      return new ResponseError(ErrorCodes.InvalidParams, `${COMMANDS.firewallRules} takes the URI of a dsm.sys or dsm.opt and, for a dsm.sys with several stanzas, a stanza name`);
    }
    try {
      let doc = this.openDocument(uri);
      if (!doc) {
        const text = await this.files.read(uri, MAX_SIBLING_BYTES);
        if (text === undefined) return new ResponseError(ErrorCodes.InvalidParams, `Cannot read ${uri}: it is not open, and not a readable file of at most ${MAX_SIBLING_BYTES} bytes`);
        doc = this.languageService().parse(text, uri);
      }
      const answer = this.languageService().firewallRules(doc, stanza ?? undefined);
      return 'text' in answer ? answer.text : new ResponseError(ErrorCodes.InvalidParams, answer.error);
    } catch (e) {
      this.log(`dsm: firewall rules failed: ${(e as Error).stack ?? e}`);
      return new ResponseError(ErrorCodes.InternalError, 'The firewall rules could not be made; see the server log.');
    }
  }

  // Helpers.

  private openDocument(uri: string): DsmDocument | undefined {
    const open = this.documents.all().find((d) => sameUri(d.uri, uri));
    return open ? this.documents.parsed(open.uri) : undefined;
  }

  /** A dsm.sys changed (in the editor or on disk): the dsm.opt files beside it are checked again. */
  private dependenciesChanged(sysUri: string): void {
    this.languageService().invalidate();
    const folder = siblingUri(sysUri, '');
    for (const d of this.documents.all()) {
      if (d.uri !== sysUri && siblingUri(d.uri, '') === folder && this.documents.parsed(d.uri)?.fileKind === 'opt-unix') this.validator.schedule(d.uri);
    }
  }

  /** A code action as a Command, for clients without CodeAction literals: its edit is applied through dsm.applyEdit. */
  private asCommand(action: CodeAction): Command | undefined {
    if (action.edit) return this.profile.applyEdit ? Command.create(action.title, COMMANDS.applyEdit, action.edit) : undefined;
    return action.command;
  }

  private async loadSettings(): Promise<void> {
    let raw = this.pushedSettings ?? this.profile.initialSettings;
    if (this.profile.pullConfiguration) {
      try {
        // A client with no dsm section answers null: then what was given before stands.
        raw = (await this.connection.workspace.getConfiguration('dsm')) ?? raw;
      } catch (e) {
        this.log(`dsm: could not read the settings: ${messageOf(e)}`);
      }
    }
    this.guard('settings', () => this.applySettings(raw), undefined);
  }

  private applySettings(raw: unknown): void {
    const { settings, problems } = checkSettings(raw);
    const summary = problems.join(' ');
    if (summary && summary !== this.lastProblems) this.showMessage(MessageType.Warning, `TSM Client Options settings: ${summary}`);
    this.lastProblems = summary;
    this.languageService().configure(settings);
    this.documents.reparseAll();
    for (const d of this.documents.all()) this.validator.schedule(d.uri, true);
  }

  /** Information for the user. Never a request: a reminder needs no answer, and some clients block on one. */
  private showMessage(type: MessageType, message: string): void {
    void this.connection.sendNotification(ShowMessageNotification.type, { type, message });
  }

  private log(message: string): void {
    this.connection.console.log(message);
  }

  /** Runs a request on the parsed form of an open document; a document that is not open gets the fallback. */
  private withDocument<T>(what: string, uri: string, token: CancellationToken | undefined, fallback: T, run: (doc: DsmDocument) => T): T | ResponseError<void> {
    return this.guard(what, () => {
      const doc = this.documents.parsed(uri);
      return doc ? run(doc) : fallback;
    }, fallback, token);
  }

  /** Runs a handler; an exception is logged and answered with the fallback, never allowed to end the server. */
  private guard<T>(what: string, run: () => T, fallback: T, token?: CancellationToken): T | ResponseError<void> {
    if (token?.isCancellationRequested) return new ResponseError(LSPErrorCodes.RequestCancelled, 'cancelled');
    try {
      return run();
    } catch (e) {
      this.log(`dsm: ${what} failed: ${(e as Error).stack ?? e}`);
      return fallback;
    }
  }
}

function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
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
