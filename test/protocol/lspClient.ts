/**
 * A minimal LSP client for the protocol tests. It talks to the built server
 * (dist/server.js --stdio, spawned), or to the server's own code in this
 * process over a pair of streams. It records everything the server sends,
 * and every wait takes its own time limit.
 */
import { ChildProcess, spawn } from 'child_process';
import * as path from 'path';
import { PassThrough } from 'stream';
import {
  createMessageConnection,
  MessageConnection,
  ResponseError,
  StreamMessageReader,
  StreamMessageWriter,
} from 'vscode-jsonrpc/node';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from '../../server/src/server';
import { nodeFiles } from '../../server/src/session/nodeFiles';
import { namesRegExp } from '../../server/src/util/globs';

export const SERVER = path.join(__dirname, '..', '..', '..', 'dist', 'server.js');

/** Time for a small document's diagnostics, or an answer to a request, on a loaded shared machine. */
export const SMALL_WAIT_MS = 30000;

export interface Published {
  uri: string;
  version?: number;
  diagnostics: {
    code: string;
    severity?: number;
    range: { start: { line: number; character: number }; end: { line: number; character: number } };
    message: string;
    source: string;
  }[];
}

export interface ClientOptions {
  /** `stdio` spawns dist/server.js; `in-process` runs the server's code here over a pair of streams. */
  transport?: 'stdio' | 'in-process';
  /** Answer every request from the server with an error, as some clients do. */
  rejectServerRequests?: boolean;
  /** Extra arguments for the spawned server. */
  args?: string[];
  /** Debounce of the in-process server (ms). */
  debounceMs?: number;
}

/** Fails if the promise does not settle within ms. */
export function within<T>(ms: number, what: string, p: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout;
  return Promise.race([
    p,
    new Promise<T>(
      (_, reject) => (timer = setTimeout(() => reject(new Error(`${what}: no answer within ${ms} ms`)), ms)),
    ),
  ]).finally(() => clearTimeout(timer));
}

export class LspClient {
  readonly connection: MessageConnection;
  readonly process: ChildProcess | undefined;
  private readonly published: Published[] = [];
  private readonly waiters: { test: (p: Published) => boolean; resolve: (p: Published) => void }[] = [];
  /** window/showMessage notifications. */
  readonly messages: { type: number; message: string }[] = [];
  /** Requests the server sent, by method (window/showMessageRequest, client/registerCapability, ...). */
  readonly serverRequests: { method: string; params: unknown }[] = [];
  /** window/logMessage lines. */
  readonly logs: string[] = [];
  stderr = '';
  /** What workspace/configuration answers for the dsm section. */
  settings: unknown = {};
  /** The files this client serves through dsm/readFile, dsm/findFiles and dsm/exists (as the VS Code client does with vscode.workspace.fs and findFiles), by URI. */
  readonly files = new Map<string, string>();
  private readonly stopServer: () => void;

  constructor(private readonly options: ClientOptions = {}) {
    if (options.transport === 'in-process') {
      const toServer = new PassThrough();
      const toClient = new PassThrough();
      const server = createConnection(
        ProposedFeatures.all,
        new StreamMessageReader(toServer),
        new StreamMessageWriter(toClient),
      );
      startServer(server, { files: nodeFiles, debounceMs: options.debounceMs ?? 0 });
      this.connection = createMessageConnection(new StreamMessageReader(toClient), new StreamMessageWriter(toServer));
      this.stopServer = () => server.dispose();
    } else {
      const child = spawn(process.execPath, [SERVER, '--stdio', ...(options.args ?? [])], {
        stdio: ['pipe', 'pipe', 'pipe'],
      });
      child.stderr!.on('data', (d) => (this.stderr += d));
      this.process = child;
      this.connection = createMessageConnection(
        new StreamMessageReader(child.stdout!),
        new StreamMessageWriter(child.stdin!),
      );
      this.stopServer = () => child.exitCode === null && child.kill();
    }
    this.listen();
  }

  private listen(): void {
    const c = this.connection;
    c.onNotification('textDocument/publishDiagnostics', (p: Published) => {
      this.published.push(p);
      const i = this.waiters.findIndex((w) => w.test(p));
      if (i !== -1) this.waiters.splice(i, 1)[0].resolve(p);
    });
    c.onNotification('window/showMessage', (m: { type: number; message: string }) => void this.messages.push(m));
    c.onNotification('window/logMessage', (m: { message: string }) => void this.logs.push(m.message));
    c.onRequest((method, params) => {
      this.serverRequests.push({ method, params });
      if (this.options.rejectServerRequests) return new ResponseError(-32803, `this client refuses ${method}`);
      if (method === 'workspace/configuration') return [this.settings];
      if (method === 'workspace/applyEdit') return { applied: true };
      if (method === 'dsm/readFile') {
        const text = this.files.get((params as { uri: string }).uri);
        return text === undefined ? null : { text };
      }
      if (method === 'dsm/findFiles') {
        // As the VS Code client answers with workspace.findFiles: every served file under the folder whose name matches.
        const { baseUri, names, maxResults } = params as { baseUri: string; names: string[]; maxResults: number };
        const re = namesRegExp(names);
        return [...this.files.keys()]
          .filter((u) => u.startsWith(baseUri.replace(/\/?$/, '/')) && re.test(u.slice(u.lastIndexOf('/') + 1)))
          .slice(0, maxResults);
      }
      if (method === 'dsm/exists') return this.files.has((params as { uri: string }).uri);
      return null;
    });
    c.listen();
  }

  async initialize(
    capabilities: object = {},
    initializationOptions?: object,
    workspaceFolders: string[] | null = null,
  ): Promise<{ capabilities: Record<string, unknown> }> {
    const result = await within(
      SMALL_WAIT_MS,
      'initialize',
      this.connection.sendRequest('initialize', {
        // The in-process server must not watch this process: its watchdog would keep the test running.
        processId: this.options.transport === 'in-process' ? null : process.pid,
        rootUri: workspaceFolders?.[0] ?? null,
        workspaceFolders: workspaceFolders?.map((uri) => ({ uri, name: uri.slice(uri.lastIndexOf('/') + 1) })) ?? null,
        capabilities,
        initializationOptions,
      }),
    );
    await this.connection.sendNotification('initialized', {});
    return result as { capabilities: Record<string, unknown> };
  }

  /**
   * The next diagnostics published for a document (and version, if given)
   * that satisfy `where`, waiting at most `ms`. Earlier ones are skipped.
   */
  diagnostics(
    uri: string,
    version: number | undefined,
    ms: number,
    where: (p: Published) => boolean = () => true,
  ): Promise<Published> {
    const test = (p: Published) => p.uri === uri && (version === undefined || p.version === version) && where(p);
    const seen = this.published.find(test);
    if (seen) {
      this.published.splice(this.published.indexOf(seen), 1);
      return Promise.resolve(seen);
    }
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no diagnostics for ${uri} v${version} within ${ms} ms`)), ms);
      this.waiters.push({
        test,
        resolve: (p) => (clearTimeout(timer), this.published.splice(this.published.indexOf(p), 1), resolve(p)),
      });
    });
  }

  /** Every publication of diagnostics for a document so far, oldest first (those taken by diagnostics() excepted). */
  publications(uri: string): Published[] {
    return this.published.filter((p) => p.uri === uri);
  }

  /**
   * Waits, at most `ms`, until the latest diagnostics published for a
   * document satisfy `where`: a state reached, whatever was published before it.
   */
  async settled(uri: string, ms: number, where: (p: Published) => boolean): Promise<Published> {
    let last: Published | undefined;
    await this.until(`the diagnostics of ${uri}`, ms, () => {
      last = this.publications(uri).at(-1);
      return last !== undefined && where(last);
    });
    return last!;
  }

  /** Waits, at most `ms`, until the condition on what the client recorded holds. */
  async until(what: string, ms: number, condition: () => boolean): Promise<void> {
    const deadline = Date.now() + ms;
    while (!condition()) {
      if (Date.now() > deadline) throw new Error(`${what}: not within ${ms} ms`);
      await new Promise((r) => setTimeout(r, 10));
    }
  }

  open(uri: string, text: string, version = 1): Promise<void> {
    return this.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri, languageId: 'dsm', version, text },
    });
  }

  request<T>(method: string, params: unknown, ms = SMALL_WAIT_MS): Promise<T> {
    return within(ms, method, this.connection.sendRequest(method, params) as Promise<T>);
  }

  async stop(): Promise<void> {
    try {
      await within(2000, 'shutdown', this.connection.sendRequest('shutdown'));
      // `exit` ends the process it is sent to: only the spawned server gets it.
      if (this.process) await this.connection.sendNotification('exit');
    } catch {
      // the server may already be gone
    }
    this.connection.dispose();
    this.stopServer();
  }
}
