/**
 * The documents open in the editor: their text, and their parsed form,
 * parsed at most once per version. After edits that stayed inside a few lines
 * only those lines are parsed again. No connection: the server feeds it the
 * didOpen / didChange / didClose notifications.
 */
import { TextDocument, TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import { linesChangedInPlace } from '../parser/incremental';
import type { DsmDocument } from '../parser/types';
import { sameUri } from '../util/uris';

/** What the store parses with: the language service. */
export interface Parser {
  parse(text: string, uri: string): DsmDocument;
  reparse(doc: DsmDocument, text: string, changed: ReadonlyMap<number, number>): DsmDocument;
}

/** Edits inside at most this many lines are re-parsed line by line; more, and the document is parsed again whole. */
const MAX_REPARSED_LINES = 64;

interface Entry {
  text: TextDocument;
  /** The last parse, and the version it was made from. */
  parsed?: { version: number; doc: DsmDocument };
  /** The lines changed since that parse, when every change stayed inside one line; `full` when some change did more. */
  changed: Set<number> | 'full';
}

export class DocumentStore {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly parser: () => Parser) {}

  open(uri: string, languageId: string, version: number, text: string): TextDocument {
    const doc = TextDocument.create(uri, languageId, version, text);
    this.entries.set(uri, { text: doc, changed: 'full' });
    return doc;
  }

  /** Applies a didChange; undefined for a document that is not open. */
  change(uri: string, version: number, changes: TextDocumentContentChangeEvent[]): TextDocument | undefined {
    const entry = this.entries.get(uri);
    if (!entry) return undefined;
    const before = entry.text;
    const lines = entry.changed === 'full' ? undefined : linesChangedInPlace(changes, before.lineCount, entry.changed);
    // Marked before the update: should it fail half-way, the next parse is a whole one.
    entry.changed = 'full';
    entry.text = TextDocument.update(before, changes, version);
    // Two line breaks can become one (\r then \n, once the text between them is gone): then the lines moved.
    if (lines && entry.text.lineCount === before.lineCount && lines.size <= MAX_REPARSED_LINES) entry.changed = lines;
    return entry.text;
  }

  close(uri: string): boolean {
    return this.entries.delete(uri);
  }

  get(uri: string): TextDocument | undefined {
    return this.entries.get(uri)?.text;
  }

  all(): TextDocument[] {
    return [...this.entries.values()].map((e) => e.text);
  }

  /** The open document at this URI, however it is spelt (VS Code encodes `:` in drive letters, others do not). */
  find(uri: string): TextDocument | undefined {
    return this.entries.get(uri)?.text ?? this.all().find((d) => sameUri(d.uri, uri));
  }

  /** The document's parsed form for its current version, or undefined when it is not open. */
  parsed(uri: string): DsmDocument | undefined {
    const entry = this.entries.get(uri);
    if (!entry) return undefined;
    const { text, parsed, changed } = entry;
    if (parsed?.version === text.version) return parsed.doc;
    let doc: DsmDocument | undefined;
    if (parsed && changed !== 'full' && parsed.doc.lineCount === text.lineCount) {
      const starts = new Map<number, number>();
      for (const line of changed) starts.set(line, text.offsetAt({ line, character: 0 }));
      doc = this.parser().reparse(parsed.doc, text.getText(), starts);
    }
    doc ??= this.parser().parse(text.getText(), text.uri);
    entry.parsed = { version: text.version, doc };
    entry.changed = new Set();
    return doc;
  }

  /** The version last parsed, if any. */
  parsedVersion(uri: string): number | undefined {
    return this.entries.get(uri)?.parsed?.version;
  }

  /** Forgets the parse of one document (another file changed what kind of file it is); the next request parses it again. */
  forget(uri: string): void {
    const entry = this.entries.get(uri);
    if (!entry) return;
    entry.parsed = undefined;
    entry.changed = 'full';
  }

  /** Forgets every parse (the settings changed how documents are read); the next request parses again. */
  reparseAll(): void {
    for (const entry of this.entries.values()) {
      entry.parsed = undefined;
      entry.changed = 'full';
    }
  }
}
