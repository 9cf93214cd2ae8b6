/**
 * The language service: text in, LSP types out. No connection, no VS Code:
 * the server wires it to the protocol, the tests call it directly.
 */
import { CodeAction, CodeActionContext, CodeLens, CompletionItem, Diagnostic, DocumentSymbol, FoldingRange, Hover, Position, Range, TextEdit } from 'vscode-languageserver-types';
import { builtinOptionTable, OptionTable, withKnownOptions } from '../model/optionTable';
import { parseDocument, reparseLines } from '../parser/document';
import type { DsmDocument } from '../parser/types';
import type { ClientFeatures, ServiceContext } from './context';
import { catalogFor, DEFAULT_SETTINGS, DsmSettings } from './settings';
import { findings } from './features/diagnostics';
import type { Finding } from './features/diagnostics/rule';
import { codeActions } from './features/codeActions';
import { hover } from './features/hover';
import { completion, resolveCompletion } from './features/completion';
import { documentSymbols, foldingRanges } from './features/symbols';
import { formatting } from './features/formatting';
import { firewallLenses } from './features/firewall';
import { firewallRules } from './features/firewallRules';

export interface ServiceOptions {
  settings?: DsmSettings;
  /** The option table before the site's known options; the built-in one by default. */
  table?: OptionTable;
  /** What the client can show; by default what VS Code can (Markdown, snippets). */
  client?: ClientFeatures;
  stanzaNamesBeside?: ServiceContext['stanzaNamesBeside'];
}

export class DsmLanguageService {
  private ctx: ServiceContext;
  private readonly baseTable: OptionTable;
  /**
   * Each document's findings, computed once and shared by diagnostics and
   * code actions. A parsed document is never changed (a new version is a new
   * object), so the cache is only emptied when what the rules read besides the
   * document changes: settings, or another file (invalidate).
   */
  private findingsCache = new WeakMap<DsmDocument, Finding[]>();

  constructor(options: ServiceOptions = {}) {
    const settings = options.settings ?? DEFAULT_SETTINGS;
    this.baseTable = options.table ?? builtinOptionTable();
    this.ctx = {
      table: withKnownOptions(this.baseTable, settings.knownOptions),
      settings,
      catalog: catalogFor(settings),
      client: { snippetSupport: true, ...options.client },
      stanzaNamesBeside: options.stanzaNamesBeside,
    };
  }

  get table(): OptionTable {
    return this.ctx.table;
  }

  get settings(): DsmSettings {
    return this.ctx.settings;
  }

  /** New settings. Documents parsed before must be parsed again: the option table may have changed. */
  configure(settings: DsmSettings): void {
    this.ctx = { ...this.ctx, settings, catalog: catalogFor(settings), table: withKnownOptions(this.baseTable, settings.knownOptions) };
    this.invalidate();
  }

  /** Something a rule reads besides the document changed (another file): findings are computed again. */
  invalidate(): void {
    this.findingsCache = new WeakMap();
  }

  parse(text: string, uri: string): DsmDocument {
    return parseDocument(text, uri, { table: this.ctx.table, layout: this.ctx.settings.optionsFileLayout });
  }

  /**
   * A document after edits that stayed inside some lines (no line break added
   * or removed): `changed` maps each changed line to its start offset in the
   * new text. Same result as parse(text), in time proportional to the changed lines.
   */
  reparse(doc: DsmDocument, text: string, changed: ReadonlyMap<number, number>): DsmDocument {
    return reparseLines(doc, text, changed, { table: this.ctx.table, layout: this.ctx.settings.optionsFileLayout });
  }

  private findings(doc: DsmDocument): Finding[] {
    let found = this.findingsCache.get(doc);
    if (!found) {
      found = findings(doc, this.ctx);
      this.findingsCache.set(doc, found);
    }
    return found;
  }

  diagnostics(doc: DsmDocument): Diagnostic[] {
    return this.findings(doc).map((f) => f.diagnostic);
  }

  codeActions(doc: DsmDocument, range: Range, context: CodeActionContext): CodeAction[] {
    return codeActions(doc, this.findings(doc), range, context, this.ctx);
  }

  hover(doc: DsmDocument, position: Position): Hover | null {
    return hover(doc, position, this.ctx);
  }

  completion(doc: DsmDocument, position: Position): CompletionItem[] {
    return completion(doc, position, this.ctx);
  }

  resolveCompletion(item: CompletionItem): CompletionItem {
    return resolveCompletion(item, this.ctx);
  }

  documentSymbols(doc: DsmDocument): DocumentSymbol[] {
    return documentSymbols(doc);
  }

  foldingRanges(doc: DsmDocument): FoldingRange[] {
    return foldingRanges(doc);
  }

  /** What the firewall must allow, on each stanza header (and a complete dsm.opt). */
  codeLenses(doc: DsmDocument): CodeLens[] {
    return firewallLenses(doc, this.ctx);
  }

  /** The firewall rules of a stanza (or a complete dsm.opt) as text, or why there are none. */
  firewallRules(doc: DsmDocument, stanza?: string): { text: string } | { error: string } {
    return firewallRules(doc, this.ctx, stanza);
  }

  /** The edits that format the document (its text as parsed), or the lines a range touches. */
  format(doc: DsmDocument, text: string, range?: Range): TextEdit[] {
    return formatting(doc, text, this.ctx.settings.format, range);
  }
}
