/**
 * The language server: wires the pure language service to an LSP
 * connection. It holds no analysis of its own: it keeps documents, settings
 * and timers, and turns every failure into a log line instead of a crash.
 */
import {
  CodeActionKind,
  Connection,
  DidChangeConfigurationNotification,
  InitializeParams,
  InitializeResult,
  TextDocuments,
  TextDocumentSyncKind,
  createConnection,
  ProposedFeatures,
  CancellationToken,
  CompletionItem,
  Diagnostic,
  ResponseError,
  ErrorCodes,
} from 'vscode-languageserver/node';
import { TextDocument, TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import * as fs from 'fs';
import * as path from 'path';
import { fileURLToPath, pathToFileURL } from 'url';
import { DsmLanguageService, ServiceOptions } from './service/languageService';
import { DsmDocument } from './parser/document';
import { linesChangedInPlace } from './parser/incremental';
import { checkSettings } from './service/settings';
import { FIX_ALL_KIND } from './service/features/codeActions';
import { RESTART_REMINDER_COMMAND, RESTART_REMINDER_TEXT } from './service/context';

/**
 * How long typing must pause before a changed document is checked again.
 * Opening checks at once. DSM_LS_DEBOUNCE_MS (0 to 10000) overrides it: the
 * benchmarks set 0 to time a change's checking without the wait.
 */
const DEBOUNCE_MS = debounceFromEnvironment(process.env.DSM_LS_DEBOUNCE_MS, 200);
/** Edits inside at most this many lines are re-parsed line by line; more, and the document is parsed again whole. */
const MAX_REPARSED_LINES = 64;
/** Completion lists at least this long are sent without documentation, which completionItem/resolve then gives. */
const DEFER_DOCUMENTATION_FROM = 50;

function debounceFromEnvironment(value: string | undefined, fallback: number): number {
  if (value === undefined || !/^\d{1,5}$/.test(value.trim())) return fallback;
  return Math.min(Number(value), 10000);
}

/**
 * At most this many diagnostics are published for one document: a huge or
 * hostile file can raise hundreds of thousands, whose message alone would be
 * hundreds of megabytes. The first ones (in rule order, SCHEDMODE first) are kept.
 */
const MAX_PUBLISHED_DIAGNOSTICS = 1000;
/** A dsm.sys larger than this is not read to check a dsm.opt's SErvername. */
const MAX_SIBLING_BYTES = 5 * 1024 * 1024;

export function startServer(connection: Connection): void {
  /**
   * The lines changed since each document was last parsed, when every change
   * stayed inside one line (no line break added or removed): then only those
   * lines need parsing again. `full` when some change did more.
   */
  const changedLines = new Map<string, Set<number> | 'full'>();
  const documents = new TextDocuments<TextDocument>({
    create: TextDocument.create,
    update(document: TextDocument, changes: TextDocumentContentChangeEvent[], version: number): TextDocument {
      const lineCount = document.lineCount;
      const before = changedLines.get(document.uri);
      let lines: Set<number> | 'full' = before === 'full' ? 'full' : (linesChangedInPlace(changes, lineCount, before) ?? 'full');
      // Recorded before the update: should it fail half-way, the next parse is a whole one.
      changedLines.set(document.uri, 'full');
      const updated = TextDocument.update(document, changes, version);
      // Two line breaks can become one (\r then \n, once the text between them is gone): then the lines moved.
      if (updated.lineCount !== lineCount || (lines !== 'full' && lines.size > MAX_REPARSED_LINES)) lines = 'full';
      changedLines.set(document.uri, lines);
      return updated;
    },
  });
  /**
   * The language service, made on first use: building the option table's
   * indexes takes a few milliseconds, which the answer to initialize need not
   * wait for (it is built as soon as the client has that answer).
   */
  let serviceOptions: ServiceOptions = {};
  let current: DsmLanguageService | undefined;
  const service = (): DsmLanguageService => (current ??= new DsmLanguageService(serviceOptions));
  let pullConfiguration = false;
  /** The client resolves completion items' documentation on demand (VS Code does). */
  let deferDocumentation = false;
  /** The last long completion list, whose items' documentation completionItem/resolve gives. */
  let lastCompletion: { id: number; items: CompletionItem[] } | undefined;
  let completionId = 0;
  const parsed = new Map<string, { version: number; doc: DsmDocument }>();
  const timers = new Map<string, NodeJS.Timeout>();
  let lastProblems = '';

  const log = (message: string) => connection.console.log(message);

  /**
   * The stanza names of the dsm.sys beside a UNIX dsm.opt: from the editor if
   * it is open there, else from disk. Undefined when it cannot be read.
   */
  function stanzaNamesBeside(optUri: string): string[] | undefined {
    if (!optUri.startsWith('file:')) return undefined;
    try {
      const sysPath = path.join(path.dirname(fileURLToPath(optUri)), 'dsm.sys');
      const sysUri = pathToFileURL(sysPath).href;
      const open = documents.all().find((d) => d.uri === sysUri || decodeURIComponent(d.uri) === decodeURIComponent(sysUri));
      let text = open?.getText();
      if (text === undefined) {
        const stat = fs.statSync(sysPath, { throwIfNoEntry: false });
        if (!stat?.isFile() || stat.size > MAX_SIBLING_BYTES) return undefined;
        text = fs.readFileSync(sysPath, 'utf8');
      }
      return service().parse(text, sysUri).stanzas.filter((s) => s.kind === 'server').map((s) => s.name);
    } catch {
      return undefined;
    }
  }

  /**
   * The parsed form of an open document, parsed at most once per version.
   * After edits inside a few lines, only those lines are parsed again.
   */
  function parsedDoc(uri: string): DsmDocument | undefined {
    const text = documents.get(uri);
    if (!text) return undefined;
    const cached = parsed.get(uri);
    if (cached && cached.version === text.version) return cached.doc;
    const lines = changedLines.get(uri);
    changedLines.delete(uri);
    let doc: DsmDocument | undefined;
    if (cached && lines instanceof Set && cached.doc.lineCount === text.lineCount) {
      const starts = new Map<number, number>();
      for (const line of lines) starts.set(line, text.offsetAt({ line, character: 0 }));
      doc = service().reparse(cached.doc, text.getText(), starts);
    }
    doc ??= service().parse(text.getText(), uri);
    parsed.set(uri, { version: text.version, doc });
    return doc;
  }

  /** Checks the current version of a document (a superseded version is never checked) and publishes its diagnostics. */
  function validate(uri: string): void {
    timers.delete(uri);
    const doc = parsedDoc(uri);
    const version = documents.get(uri)?.version;
    if (!doc) return;
    void connection.sendDiagnostics({ uri, version, diagnostics: publishable(uri, service().diagnostics(doc)) });
    // A UNIX dsm.opt names a stanza of the dsm.sys beside it: check those again when the dsm.sys changes.
    if (doc.fileKind === 'sys') {
      const dir = uri.slice(0, uri.lastIndexOf('/') + 1);
      for (const d of documents.all()) {
        if (d.uri.startsWith(dir) && d.uri.lastIndexOf('/') === dir.length - 1 && parsed.get(d.uri)?.doc.fileKind === 'opt-unix') {
          const opt = parsedDoc(d.uri);
          if (opt) void connection.sendDiagnostics({ uri: d.uri, version: d.version, diagnostics: publishable(d.uri, service().diagnostics(opt)) });
        }
      }
    }
  }

  function publishable(uri: string, diagnostics: Diagnostic[]): Diagnostic[] {
    if (diagnostics.length <= MAX_PUBLISHED_DIAGNOSTICS) return diagnostics;
    log(`dsm: ${uri} has ${diagnostics.length} problems; only the first ${MAX_PUBLISHED_DIAGNOSTICS} are shown.`);
    return diagnostics.slice(0, MAX_PUBLISHED_DIAGNOSTICS);
  }

  function schedule(uri: string, delay: number): void {
    clearTimeout(timers.get(uri));
    // Through guard: one document that cannot be checked must not stop the others (a settings change checks them all).
    if (delay === 0) guard('validate', () => validate(uri), undefined);
    else timers.set(uri, setTimeout(() => guard('validate', () => validate(uri), undefined), delay));
  }

  /** Runs a handler; an exception is logged and answered with the fallback, never allowed to end the server. */
  function guard<T>(what: string, run: () => T, fallback: T, token?: CancellationToken): T | ResponseError<void> {
    if (token?.isCancellationRequested) return new ResponseError(-32800 /* RequestCancelled */, 'cancelled');
    try {
      return run();
    } catch (e) {
      log(`dsm: ${what} failed: ${(e as Error).stack ?? e}`);
      return fallback;
    }
  }

  async function loadSettings(pushed?: unknown): Promise<void> {
    let raw = pushed;
    if (pullConfiguration) {
      try {
        raw = await connection.workspace.getConfiguration('dsm');
      } catch (e) {
        log(`dsm: could not read the settings: ${(e as Error).message}`);
      }
    }
    const { settings, problems } = checkSettings(raw);
    const summary = problems.join(' ');
    if (summary && summary !== lastProblems) void connection.window.showWarningMessage(`TSM Client Options settings: ${summary}`);
    lastProblems = summary;
    service().configure(settings);
    parsed.clear();
    changedLines.clear();
    for (const d of documents.all()) schedule(d.uri, 0);
  }

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const caps = params?.capabilities ?? {};
    pullConfiguration = !!caps.workspace?.configuration;
    const resolvable: unknown = caps.textDocument?.completion?.completionItem?.resolveSupport?.properties;
    deferDocumentation = Array.isArray(resolvable) && resolvable.includes('documentation');
    const init = (params?.initializationOptions ?? {}) as { builtinSnippets?: boolean; addKnownOptionCommand?: boolean; settings?: unknown };
    serviceOptions = {
      settings: checkSettings(init.settings).settings,
      clientHasBuiltinSnippets: init.builtinSnippets === true,
      snippetSupport: caps.textDocument?.completion?.completionItem?.snippetSupport === true,
      addKnownOptionCommand: init.addKnownOptionCommand === true,
      stanzaNamesBeside,
    };
    current = undefined;
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND], resolveProvider: false },
        hoverProvider: true,
        completionProvider: { triggerCharacters: [' ', '\t'], resolveProvider: true },
        documentSymbolProvider: true,
        foldingRangeProvider: true,
        executeCommandProvider: { commands: [RESTART_REMINDER_COMMAND] },
      },
      serverInfo: { name: 'dsm-language-server', version: '0.1.0' },
    };
  });

  connection.onInitialized(() => {
    guard('start', service, undefined);
    if (pullConfiguration) {
      void connection.client.register(DidChangeConfigurationNotification.type, { section: 'dsm' }).catch(() => undefined);
      void loadSettings();
    }
  });

  connection.onDidChangeConfiguration((change) => {
    const pushed = (change.settings as { dsm?: unknown } | null)?.dsm;
    void loadSettings(pushed);
  });

  documents.onDidOpen((e) => schedule(e.document.uri, 0));
  documents.onDidChangeContent((e) => {
    // onDidChangeContent also fires on open; the open handler has already validated that version.
    if (parsed.get(e.document.uri)?.version !== e.document.version) schedule(e.document.uri, DEBOUNCE_MS);
  });
  documents.onDidClose((e) => {
    clearTimeout(timers.get(e.document.uri));
    timers.delete(e.document.uri);
    parsed.delete(e.document.uri);
    changedLines.delete(e.document.uri);
    void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
  });

  connection.onCodeAction((p, token) =>
    guard('code actions', () => {
      const doc = parsedDoc(p.textDocument.uri);
      return doc ? service().codeActions(doc, p.range, p.context) : [];
    }, [], token),
  );
  connection.onHover((p, token) =>
    guard('hover', () => {
      const doc = parsedDoc(p.textDocument.uri);
      return doc ? service().hover(doc, p.position) : null;
    }, null, token),
  );
  connection.onCompletion((p, token) =>
    guard('completion', () => {
      const doc = parsedDoc(p.textDocument.uri);
      const items = doc ? service().completion(doc, p.position) : [];
      if (!deferDocumentation || items.length < DEFER_DOCUMENTATION_FROM) return items;
      // A long list (every option name) goes without its documentation, which the client asks for item by item.
      lastCompletion = { id: ++completionId, items };
      return items.map((item, index) => ({ ...item, documentation: undefined, data: { dsmCompletion: completionId, index } }));
    }, [], token),
  );
  connection.onCompletionResolve((item) =>
    guard('completion details', () => {
      const data = item.data as { dsmCompletion?: unknown; index?: unknown } | undefined;
      const original = data?.dsmCompletion === lastCompletion?.id && typeof data?.index === 'number' ? lastCompletion?.items[data.index] : undefined;
      return original && original.label === item.label ? { ...item, documentation: original.documentation } : item;
    }, item),
  );
  connection.onDocumentSymbol((p, token) =>
    guard('outline', () => {
      const doc = parsedDoc(p.textDocument.uri);
      return doc ? service().documentSymbols(doc) : [];
    }, [], token),
  );
  connection.onFoldingRanges((p, token) =>
    guard('folding', () => {
      const doc = parsedDoc(p.textDocument.uri);
      return doc ? service().foldingRanges(doc) : [];
    }, [], token),
  );
  connection.onExecuteCommand((p) => {
    if (p.command === RESTART_REMINDER_COMMAND) {
      void connection.window.showInformationMessage(RESTART_REMINDER_TEXT);
      return null;
    }
    return new ResponseError(ErrorCodes.InvalidParams, `Unknown command ${p.command}`);
  });

  documents.listen(connection);
  connection.listen();
}

const TRANSPORTS = ['--stdio', '--node-ipc', '--socket', '--pipe'];

function main(): void {
  const args = process.argv.slice(2);
  if (args.includes('--version')) {
    process.stdout.write('dsm-language-server 0.1.0\n');
    return;
  }
  if (args.includes('--help') || !args.some((a) => TRANSPORTS.some((t) => a === t || a.startsWith(t + '=')))) {
    process.stderr.write(
      'dsm-language-server: a language server for IBM TSM / Spectrum Protect client option files (dsm.sys, dsm.opt).\n' +
        'Usage: dsm-language-server --stdio   (or --node-ipc, --socket=<port>, --pipe=<name>)\n',
    );
    process.exitCode = args.includes('--help') ? 0 : 2;
    return;
  }
  const connection = createConnection(ProposedFeatures.all);
  process.on('uncaughtException', (e) => connection.console.error(`dsm: unexpected error: ${e.stack ?? e}`));
  startServer(connection);
}

main();
