/**
 * The workspace model: what the server knows of a client's setup beyond one
 * document. It holds a summary (stanzas, stanza references, INCLExcl
 * targets) of every option file of the workspace folders and of every file
 * an open document depends on, and answers the language service's
 * WorkspaceIndex from them. An open document wins over its copy on disk.
 * Files are read without blocking, bounded in size and count, and read again
 * only when the editor or a file watcher says they changed. When what a
 * file's dependents read of it changes (its stanza names, its INCLExcl
 * targets), the host is told which open documents to check again.
 */
import type { DsmDocument } from '../parser/types';
import { OPTION_FILE_GLOBS } from '../parser/fileKind';
import { FileSummary, WorkspaceIndex, namesInclExcl, summarize, sysFor } from '../service/workspaceIndex';
import { namesRegExp } from '../util/globs';
import { baseName, canonicalUri, isInside, sameUri } from '../util/uris';
import type { FileReader } from './files';

/** A file larger than this is not read (a dsm.sys of 100,000 lines is about 4 MB). */
export const MAX_INDEXED_BYTES = 5 * 1024 * 1024;
/** At most this many files are held besides the open documents. */
export const MAX_INDEXED_FILES = 1000;

export interface WorkspaceHost {
  /** The parsed form of an open document, at its current version; undefined when it is not open. */
  open(uri: string): DsmDocument | undefined;
  /** The URIs of the open documents. */
  openUris(): string[];
  parse(text: string, uri: string): DsmDocument;
  /**
   * What is known of some file changed. `dependents`: open documents whose
   * checks read it, to be checked again; `reparse`: open documents that may
   * now be another kind of file (an INCLExcl option names them, or no longer).
   */
  changed(dependents: string[], reparse: string[]): void;
  /** A file outside the workspace folders was read: watch it, if the client allows. */
  watch(uri: string): void;
  log(message: string): void;
}

/** File change types of workspace/didChangeWatchedFiles (LSP's FileChangeType). */
export const FileChange = { Created: 1, Changed: 2, Deleted: 3 } as const;
export type FileChange = (typeof FileChange)[keyof typeof FileChange];

interface DiskCopy {
  uri: string;
  summary?: FileSummary;
  /** Bumped by each read: only the newest read's result is kept. */
  reads: number;
  reading?: Promise<void>;
}

/** What the dependents of a file read of it: its kind, its stanzas, the files its INCLExcl options name. */
function dependencyKey(s: FileSummary | undefined): string {
  return s
    ? JSON.stringify([s.kind, s.stanzas.map((x) => `${x.kind}:${x.name.toLowerCase()}`), s.inclExclTargets])
    : '';
}

const OPTION_FILE_NAME = namesRegExp(OPTION_FILE_GLOBS);

export class WorkspaceModel implements WorkspaceIndex {
  /** The copies read from disk (or through the client), by canonical URI. */
  private readonly disk = new Map<string, DiskCopy>();
  /** The summary each file had when its dependents were last told, open copy or disk copy, by canonical URI. */
  private readonly known = new Map<string, FileSummary>();
  private folders: string[] = [];
  private full = false;

  constructor(
    private readonly reader: FileReader,
    private readonly host: WorkspaceHost,
  ) {}

  // The index the language service queries.

  file(uri: string): FileSummary | undefined {
    const open = this.host.open(uri);
    return open ? summarize(open) : this.disk.get(canonicalUri(uri))?.summary;
  }

  *files(): Iterable<FileSummary> {
    const open = this.host.openUris();
    for (const uri of open) {
      const doc = this.host.open(uri);
      if (doc) yield summarize(doc);
    }
    for (const copy of this.disk.values())
      if (copy.summary && !open.some((u) => sameUri(u, copy.uri))) yield copy.summary;
  }

  inclExclOwners(uri: string): FileSummary[] {
    const key = canonicalUri(uri);
    return [...this.known.entries()].filter(([k, s]) => k !== key && namesInclExcl(s, uri)).map(([, s]) => s);
  }

  // What the server tells it.

  /** An open document was checked (or opened): what others read of it may have changed. */
  noteOpen(uri: string): void {
    const doc = this.host.open(uri);
    if (doc) this.note(uri, summarize(doc));
  }

  /**
   * A document was opened. What every open document holds now is noted (the
   * server notes a document's versions only while another one is open), and
   * the files it depends on are read again (they may have changed on disk
   * while nothing watched them).
   */
  opened(uri: string): Promise<void> {
    for (const u of this.host.openUris()) this.noteOpen(u);
    const doc = this.host.open(uri);
    return doc?.fileKind === 'opt-unix' ? this.read(sysFor(uri)) : Promise.resolve();
  }

  /** A document was closed: from now on its copy on disk counts. */
  closed(uri: string): Promise<void> {
    return this.read(uri);
  }

  /** A watched file was created, changed or deleted. An open document keeps its editor copy. */
  fileChanged(uri: string, type: FileChange): Promise<void> {
    if (this.isOpen(uri)) return Promise.resolve();
    const key = canonicalUri(uri);
    if (type === FileChange.Deleted) {
      this.disk.delete(key);
      this.note(uri, undefined);
      return Promise.resolve();
    }
    return this.disk.has(key) || OPTION_FILE_NAME.test(baseName(uri)) ? this.read(uri) : Promise.resolve();
  }

  /** The workspace folders changed: the option files of new folders are read, those of removed ones forgotten. */
  async setFolders(folders: readonly string[]): Promise<void> {
    const removed = this.folders.filter((f) => !folders.includes(f));
    const added = folders.filter((f) => !this.folders.includes(f));
    this.folders = [...folders];
    for (const copy of [...this.disk.values()]) {
      if (!removed.some((f) => isInside(copy.uri, f)) || this.folders.some((f) => isInside(copy.uri, f))) continue;
      this.disk.delete(canonicalUri(copy.uri));
      if (!this.isOpen(copy.uri)) this.note(copy.uri, undefined);
    }
    for (const folder of added) {
      const found = await this.reader.find(folder, OPTION_FILE_GLOBS, MAX_INDEXED_FILES - this.disk.size);
      // One file after the other: a large workspace never floods the client with requests.
      for (const uri of found) if (!this.isOpen(uri)) await this.read(uri);
    }
  }

  /** Reads these files again, unless they are open (a rename is about to edit them: their ranges must be current). */
  async refresh(uris: readonly string[]): Promise<void> {
    await Promise.all(uris.filter((u) => !this.isOpen(u)).map((u) => this.read(u)));
  }

  /** Is this file inside a workspace folder (and so watched with the folder)? */
  inFolders(uri: string): boolean {
    return this.folders.some((f) => isInside(uri, f));
  }

  // Reading.

  private isOpen(uri: string): boolean {
    return this.host.openUris().some((u) => sameUri(u, uri));
  }

  private read(uri: string): Promise<void> {
    const key = canonicalUri(uri);
    let copy = this.disk.get(key);
    if (!copy) {
      if (this.disk.size >= MAX_INDEXED_FILES) return this.tooMany(uri);
      copy = { uri, reads: 0 };
      this.disk.set(key, copy);
    }
    const entry = copy;
    const read = ++entry.reads;
    entry.reading = this.reader
      .read(uri, MAX_INDEXED_BYTES)
      .then((text) => {
        if (read !== entry.reads) return;
        const doc = text === undefined ? undefined : this.host.parse(text, uri);
        // An include-exclude file holds nothing that others read: it is not kept.
        entry.summary = doc && doc.fileKind !== 'inclexcl' ? summarize(doc) : undefined;
        if (!entry.summary) this.disk.delete(key);
        else if (!this.inFolders(uri)) this.host.watch(uri);
        if (!this.isOpen(uri)) this.note(uri, entry.summary);
      })
      .catch((e) => this.host.log(`dsm: could not index ${uri}: ${e instanceof Error ? e.message : String(e)}`));
    return entry.reading;
  }

  private tooMany(uri: string): Promise<void> {
    if (!this.full)
      this.host.log(`dsm: more than ${MAX_INDEXED_FILES} option files; ${uri} and the files after it are not indexed.`);
    this.full = true;
    return Promise.resolve();
  }

  /** Records what a file now holds; when its dependents read something else of it, tells the host which documents to check again. */
  private note(uri: string, summary: FileSummary | undefined): void {
    const key = canonicalUri(uri);
    const before = this.known.get(key);
    if (summary) this.known.set(key, summary);
    else this.known.delete(key);
    if (dependencyKey(before) === dependencyKey(summary)) return;
    const open = this.host.openUris().filter((u) => canonicalUri(u) !== key);
    const dependents = open.filter((u) => sameUri(sysFor(u), uri));
    const targets = new Set([...(before?.inclExclTargets ?? []), ...(summary?.inclExclTargets ?? [])]);
    const reparse = open.filter((u) => targets.has(canonicalUri(u)));
    if (dependents.length || reparse.length) this.host.changed([...new Set([...dependents, ...reparse])], reparse);
  }
}
