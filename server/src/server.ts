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
  DefinitionParams,
  DidChangeWatchedFilesNotification,
  DidChangeWatchedFilesParams,
  DidChangeWorkspaceFoldersNotification,
  DidChangeWorkspaceFoldersParams,
  DocumentHighlightParams,
  DocumentLink,
  DocumentLinkParams,
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
  PrepareRenameParams,
  ReferenceParams,
  RenameParams,
  ResponseError,
  ServerCapabilities,
  ShowMessageNotification,
  TextDocumentEdit,
  TextDocumentSyncKind,
  TextEdit,
  WorkspaceEdit,
  WorkspaceSymbolParams,
} from 'vscode-languageserver';
import { version } from '../../package.json';
import { DsmLanguageService } from './service/languageService';
import { checkSettings } from './service/settings';
import { COMMANDS, FIX_ALL_KIND, RESTART_REMINDER_TEXT } from './service/codes';
import type { DsmDocument } from './parser/types';
import { ClientProfile, clientProfile } from './session/clientProfile';
import { DocumentStore } from './session/documentStore';
import { Validator } from './session/validator';
import { FileReader, NO_FILES, clientFiles } from './session/files';
import { FileChange, MAX_INDEXED_BYTES, WorkspaceModel } from './session/workspace';
import { WATCHED_FILE_GLOBS } from './parser/fileKind';
import { anyDepthGlob } from './util/globs';
import { baseName, folderOf } from './util/uris';
import { ExplainAccess, ExplainAnswer, explainCommand } from './session/explain';
import { ownersPlatform } from './service/workspace';

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

/** At most this many files outside the workspace folders (dependencies of open documents) are watched one by one. */
const MAX_WATCHED_OUTSIDE = 100;

export class DsmServer {
  private readonly profile: ClientProfile;
  private service: DsmLanguageService | undefined;
  private readonly documents: DocumentStore;
  private readonly validator: Validator;
  private readonly files: FileReader;
  private readonly workspace: WorkspaceModel;
  /** Open documents whose new version the workspace model is to look at, once the current work is done. */
  private readonly toNote = new Set<string>();
  /** The files outside the workspace folders the server asked the client to watch. */
  private readonly watchedOutside = new Set<string>();
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
        diagnose: (uri) => {
          // What other files read of this one may have changed with this version: looked at once its diagnostics are out.
          this.noteSoon(uri);
          return this.languageService().diagnostics(this.documents.parsed(uri)!);
        },
        publish: (uri, v, diagnostics) => void this.connection.sendDiagnostics({ uri, version: v, diagnostics }),
        log: (message) => this.log(message),
      },
      environment.debounceMs ?? DEFAULT_DEBOUNCE_MS,
    );
    this.files = this.profile.fileAccess ? clientFiles((method, params) => connection.sendRequest(method, params), (m) => this.log(m)) : (environment.files ?? NO_FILES);
    this.workspace = new WorkspaceModel(this.files, {
      open: (uri) => this.openDocument(uri),
      openUris: () => this.documents.all().map((d) => d.uri),
      parse: (text, uri) => this.languageService().parse(text, uri),
      changed: (dependents, reparse) => this.dependenciesChanged(dependents, reparse),
      watch: (uri) => this.watchOutside(uri),
      log: (message) => this.log(message),
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
      workspace: this.workspace,
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
      executeCommandProvider: { commands: [COMMANDS.restartReminder, COMMANDS.applyEdit, COMMANDS.firewallRules, COMMANDS.explainPath] },
      definitionProvider: true,
      referencesProvider: true,
      documentHighlightProvider: true,
      renameProvider: this.profile.prepareRename ? { prepareProvider: true } : true,
      workspaceSymbolProvider: true,
      documentLinkProvider: { resolveProvider: false },
      ...(this.profile.workspaceFolderChanges ? { workspace: { workspaceFolders: { supported: true, changeNotifications: true } } } : {}),
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
    this.registerNavigation();
    c.onDidChangeWatchedFiles((p) => this.onDidChangeWatchedFiles(p));
    c.onNotification(DidChangeWorkspaceFoldersNotification.type, (p) => this.onDidChangeWorkspaceFolders(p));
    c.onShutdown(() => this.validator.dispose());
  }

  /** The requests that follow stanza names and file names across the workspace. */
  private registerNavigation(): void {
    const c = this.connection;
    const svc = () => this.languageService();
    c.onDefinition((p: DefinitionParams, token) => this.withDocument('definition', p.textDocument.uri, token, [], (doc) => svc().definition(doc, p.position)));
    c.onReferences((p: ReferenceParams, token) =>
      this.withDocument('references', p.textDocument.uri, token, [], (doc) => svc().references(doc, p.position, p.context?.includeDeclaration !== false)),
    );
    c.onDocumentHighlight((p: DocumentHighlightParams, token) => this.withDocument('highlights', p.textDocument.uri, token, [], (doc) => svc().documentHighlights(doc, p.position)));
    c.onPrepareRename((p, token) => this.onPrepareRename(p, token));
    c.onRenameRequest((p, token) => this.onRename(p, token));
    c.onWorkspaceSymbol((p: WorkspaceSymbolParams, token) => this.guard('workspace symbols', () => svc().workspaceSymbols(p.query ?? ''), [], token));
    c.onDocumentLinks((p, token) => this.onDocumentLinks(p, token));
  }

  // Notifications.

  onInitialized(): void {
    this.guard('start', () => this.languageService(), undefined);
    if (this.profile.configurationRegistration) {
      this.connection.client.register(DidChangeConfigurationNotification.type, { section: 'dsm' }).catch((e) => this.log(`dsm: could not register for settings changes: ${messageOf(e)}`));
    }
    if (this.profile.pullConfiguration) void this.loadSettings();
    this.registerWatchers();
    void this.workspace.setFolders(this.profile.workspaceFolders);
  }

  onDidChangeWatchedFiles(p: DidChangeWatchedFilesParams): void {
    for (const change of p?.changes ?? []) {
      if (typeof change?.uri === 'string') void this.workspace.fileChanged(change.uri, change.type as FileChange);
    }
  }

  onDidChangeWorkspaceFolders(p: DidChangeWorkspaceFoldersParams): void {
    const removed = new Set((p?.event?.removed ?? []).map((f) => f.uri));
    const folders = [...this.profile.workspaceFolders.filter((f) => !removed.has(f)), ...(p?.event?.added ?? []).map((f) => f.uri)];
    this.profile.workspaceFolders = folders;
    void this.workspace.setFolders(folders);
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
      this.validator.schedule(uri, true);
      // The files it depends on may have changed on disk since they were last read.
      void this.workspace.opened(uri);
    }, undefined);
  }

  onDidChange(p: DidChangeTextDocumentParams): void {
    const { uri, version } = p.textDocument;
    this.guard('change', () => {
      if (!this.documents.change(uri, version ?? 0, p.contentChanges)) return;
      // Its dependents are checked again once it is (see diagnose): only if what they read of it changed.
      this.validator.schedule(uri);
    }, undefined);
  }

  onDidClose(p: DidCloseTextDocumentParams): void {
    const { uri } = p.textDocument;
    this.validator.cancel(uri);
    this.documents.close(uri);
    void this.connection.sendDiagnostics({ uri, diagnostics: [] });
    // From now on its copy on disk counts.
    void this.workspace.closed(uri);
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

  onExecuteCommand(p: ExecuteCommandParams): null | ResponseError<void> | Promise<string | ExplainAnswer | ResponseError<void>> {
    if (p.command === COMMANDS.firewallRules) return this.firewallRules(p.arguments ?? []);
    if (p.command === COMMANDS.explainPath) return this.explainPath(p.arguments ?? []);
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
        const text = await this.files.read(uri, MAX_INDEXED_BYTES);
        if (text === undefined) return new ResponseError(ErrorCodes.InvalidParams, `Cannot read ${uri}: it is not open, and not a readable file of at most ${MAX_INDEXED_BYTES} bytes`);
        doc = this.languageService().parse(text, uri);
      }
      const answer = this.languageService().firewallRules(doc, stanza ?? undefined);
      return 'text' in answer ? answer.text : new ResponseError(ErrorCodes.InvalidParams, answer.error);
    } catch (e) {
      this.log(`dsm: firewall rules failed: ${(e as Error).stack ?? e}`);
      return new ResponseError(ErrorCodes.InternalError, 'The firewall rules could not be made; see the server log.');
    }
  }

  /** dsm.explainPath [uri, path, { stanza?, operation? }]: which include-exclude statement decides the path (session/explain.ts). */
  private async explainPath(args: unknown[]): Promise<ExplainAnswer | ResponseError<void>> {
    const access: ExplainAccess = {
      open: (uri) => {
        const open = this.documents.find(uri);
        return open ? { doc: this.documents.parsed(open.uri)!, text: open.getText() } : undefined;
      },
      read: (uri) => this.files.read(uri, MAX_INDEXED_BYTES),
      parse: (text, uri) => this.languageService().parse(text, uri),
      platformOf: (uri) => ownersPlatform(this.workspace.inclExclOwners(uri)),
    };
    try {
      const answer = await explainCommand(args, access, MAX_INDEXED_BYTES);
      return 'error' in answer ? new ResponseError(ErrorCodes.InvalidParams, answer.error) : answer;
    } catch (e) {
      this.log(`dsm: explain path failed: ${(e as Error).stack ?? e}`);
      return new ResponseError(ErrorCodes.InternalError, 'The path could not be explained; see the server log.');
    }
  }

  // Helpers.

  private openDocument(uri: string): DsmDocument | undefined {
    const open = this.documents.find(uri);
    return open ? this.documents.parsed(open.uri) : undefined;
  }

  /**
   * Has the workspace model look at a checked document's new version after
   * its diagnostics are published (summarising a large dsm.sys takes a few
   * milliseconds that the diagnostics need not wait for); a burst of versions is looked at once.
   */
  private noteSoon(uri: string): void {
    // Alone in the editor, no open document depends on it (the model catches up when another one opens).
    if (this.toNote.has(uri) || this.documents.all().length < 2) return;
    this.toNote.add(uri);
    setTimeout(() => {
      this.toNote.delete(uri);
      this.guard('workspace', () => this.workspace.noteOpen(uri), undefined);
    }, 0);
  }

  /** A file changed what open documents read of it (in the editor or on disk): they are parsed (`reparse`) and checked again. */
  private dependenciesChanged(dependents: string[], reparse: string[]): void {
    this.languageService().invalidate(dependents);
    for (const uri of reparse) this.documents.forget(uri);
    for (const uri of dependents) this.validator.schedule(uri, true);
  }

  /** Asks the client to tell of changes to the option and include-exclude files of the workspace folders, unless it does so unasked. */
  private registerWatchers(): void {
    if (!this.profile.watchRegistration || this.profile.clientWatchesFiles) return;
    const watchers = [{ globPattern: anyDepthGlob(WATCHED_FILE_GLOBS) }];
    this.connection.client.register(DidChangeWatchedFilesNotification.type, { watchers }).catch((e) => this.log(`dsm: could not watch the option files: ${messageOf(e)}`));
  }

  /** Asks the client to watch a file outside the workspace folders that an open document depends on (only with relative patterns: a folder and a name). */
  private watchOutside(uri: string): void {
    if (!this.profile.watchRegistration || !this.profile.relativePatterns || this.watchedOutside.has(uri) || this.watchedOutside.size >= MAX_WATCHED_OUTSIDE) return;
    this.watchedOutside.add(uri);
    const watchers = [{ globPattern: { baseUri: folderOf(uri), pattern: baseName(uri) } }];
    this.connection.client.register(DidChangeWatchedFilesNotification.type, { watchers }).catch((e) => this.log(`dsm: could not watch ${uri}: ${messageOf(e)}`));
  }

  private onPrepareRename(p: PrepareRenameParams, token?: CancellationToken) {
    return this.withDocument('rename', p.textDocument.uri, token, null, (doc) => {
      const ready = this.languageService().prepareRename(doc, p.position);
      return typeof ready === 'string' ? new ResponseError<void>(ErrorCodes.InvalidRequest, ready) : ready;
    });
  }

  /** Reads the files the rename edits afresh (those not open), then answers with the edits, versioned for the open ones where the client allows. */
  private async onRename(p: RenameParams, token?: CancellationToken): Promise<WorkspaceEdit | null | ResponseError<void>> {
    const uri = p?.textDocument?.uri;
    const files = this.withDocument('rename', uri, token, [], (doc) => this.languageService().renameFiles(doc, p.position));
    if (files instanceof ResponseError) return files;
    await this.workspace.refresh(files);
    return this.withDocument('rename', uri, token, null, (doc) => {
      const changes = this.languageService().rename(doc, p.position, p.newName);
      if (typeof changes === 'string') return new ResponseError<void>(ErrorCodes.InvalidRequest, changes);
      return this.workspaceEdit(changes);
    });
  }

  private workspaceEdit(changes: Record<string, TextEdit[]>): WorkspaceEdit {
    if (!this.profile.documentChanges) return { changes };
    const version = (uri: string) => this.documents.find(uri)?.version ?? null;
    return { documentChanges: Object.entries(changes).map(([uri, edits]) => TextDocumentEdit.create({ uri, version: version(uri) }, edits)) };
  }

  /** The links whose target exists (or is open in the editor). */
  private async onDocumentLinks(p: DocumentLinkParams, token?: CancellationToken): Promise<DocumentLink[] | ResponseError<void>> {
    const candidates = this.withDocument('links', p.textDocument.uri, token, [], (doc) => this.languageService().documentLinks(doc));
    if (candidates instanceof ResponseError) return candidates;
    const exists = await Promise.all(candidates.map((l) => this.documents.find(l.target!) !== undefined || this.files.exists(l.target!)));
    return candidates.filter((_, i) => exists[i]);
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
