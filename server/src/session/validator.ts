/**
 * When documents are checked: at once on open, after a pause in typing on a
 * change, and again when something they depend on changes. Only the current
 * version of a document is ever checked and published. No connection: the
 * server gives it how to check and how to publish.
 */
import type { Diagnostic } from 'vscode-languageserver';

/**
 * At most this many diagnostics are published for one document: a huge or
 * hostile file can raise hundreds of thousands, whose message alone would be
 * hundreds of megabytes. The first ones (in rule order, SCHEDMODE first) are kept.
 */
export const MAX_PUBLISHED_DIAGNOSTICS = 1000;

export interface ValidatorHost {
  /** The document's current version, or undefined when it is not open. */
  version(uri: string): number | undefined;
  /** Its diagnostics now. */
  diagnose(uri: string): Diagnostic[];
  publish(uri: string, version: number | undefined, diagnostics: Diagnostic[]): void;
  log(message: string): void;
}

/** Timers, injectable so that tests can drive the clock. */
export interface Clock {
  setTimeout(run: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const realClock: Clock = {
  setTimeout: (run, ms) => setTimeout(run, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export class Validator {
  private readonly timers = new Map<string, unknown>();

  constructor(
    private readonly host: ValidatorHost,
    private readonly debounceMs: number,
    private readonly clock: Clock = realClock,
  ) {}

  /** Checks a document after the debounce (a newer call restarts the wait), or at once with `now`. */
  schedule(uri: string, now = false): void {
    this.cancel(uri);
    if (now || this.debounceMs === 0) {
      this.run(uri);
      return;
    }
    this.timers.set(
      uri,
      this.clock.setTimeout(() => {
        this.timers.delete(uri);
        this.run(uri);
      }, this.debounceMs),
    );
  }

  /** Stops a pending check (the document was closed). */
  cancel(uri: string): void {
    const timer = this.timers.get(uri);
    if (timer === undefined) return;
    this.clock.clearTimeout(timer);
    this.timers.delete(uri);
  }

  /** Is a check of this document waiting for its debounce? */
  pending(uri: string): boolean {
    return this.timers.has(uri);
  }

  /** Checks the current version of a document and publishes the result. One document that cannot be checked never stops the others. */
  private run(uri: string): void {
    const version = this.host.version(uri);
    if (version === undefined) return;
    let diagnostics: Diagnostic[];
    try {
      diagnostics = this.host.diagnose(uri);
    } catch (e) {
      this.host.log(`dsm: checking ${uri} failed: ${(e as Error).stack ?? e}`);
      return;
    }
    if (diagnostics.length > MAX_PUBLISHED_DIAGNOSTICS) {
      this.host.log(
        `dsm: ${uri} has ${diagnostics.length} problems; only the first ${MAX_PUBLISHED_DIAGNOSTICS} are shown.`,
      );
      diagnostics = diagnostics.slice(0, MAX_PUBLISHED_DIAGNOSTICS);
    }
    this.host.publish(uri, version, diagnostics);
  }

  dispose(): void {
    for (const uri of [...this.timers.keys()]) this.cancel(uri);
  }
}
