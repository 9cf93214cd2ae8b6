/**
 * The language service: text in, LSP types out. No connection, no VS Code:
 * the server wires it to the protocol, the tests call it directly.
 */
import {
  CodeAction,
  CodeActionContext,
  CodeLens,
  CompletionItem,
  Diagnostic,
  DocumentHighlight,
  DocumentLink,
  DocumentSymbol,
  FoldingRange,
  Hover,
  Location,
  Position,
  Range,
  SymbolInformation,
  TextEdit,
} from 'vscode-languageserver-types';
import { builtinOptionTable, OptionTable, withKnownOptions } from '../model/optionTable';
import { parseDocument } from '../parser/document';
import { reparseLines } from '../parser/incremental';
import { kindFromName } from '../parser/fileKind';
import type { DsmDocument } from '../parser/types';
import type { ClientFeatures, LintModes, ServiceContext } from './context';
import { catalogFor, DEFAULT_SETTINGS, DsmSettings } from './settings';
import { findings } from './features/diagnostics';
import type { Finding } from './features/diagnostics/rule';
import { codeActions } from './features/codeActions';
import { hover } from './features/hover';
import { withFindings } from './features/diagnosticHover';
import { completion, resolveCompletion } from './features/completion';
import { documentSymbols, foldingRanges } from './features/symbols';
import { formatting } from './features/formatting';
import { firewallLenses } from './features/firewall';
import { firewallRules } from './features/firewallRules';
import { EffectiveOptions, EffectiveRequest, effectiveOptions } from './features/effective';
import * as navigation from './features/navigation';
import { linkCandidates } from './features/links';
import type { WorkspaceIndex } from './workspaceIndex';

export interface ServiceOptions {
  settings?: DsmSettings;
  /** The option table before the site's known options; the built-in one by default. */
  table?: OptionTable;
  /** What the client can show; by default what VS Code can (Markdown, snippets). */
  client?: ClientFeatures;
  /** The other files of the client's setup; without it, each document is checked alone. */
  workspace?: WorkspaceIndex;
  /** How suppression comments are read (dsm-lint's flags). */
  lint?: LintModes;
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
  private findingsCache = new WeakMap<DsmDocument, { findings: Finding[]; stamp: number }>();
  /** Bumped for a URI when the files its rules read change (invalidate): its cached findings are then stale. */
  private readonly stamps = new Map<string, number>();
  private stamp = 0;

  constructor(options: ServiceOptions = {}) {
    const settings = options.settings ?? DEFAULT_SETTINGS;
    this.baseTable = options.table ?? builtinOptionTable();
    this.ctx = {
      table: withKnownOptions(this.baseTable, settings.knownOptions),
      settings,
      catalog: catalogFor(settings),
      client: { snippetSupport: true, ...options.client },
      workspace: options.workspace,
      lint: options.lint,
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
    this.ctx = {
      ...this.ctx,
      settings,
      catalog: catalogFor(settings),
      table: withKnownOptions(this.baseTable, settings.knownOptions),
    };
    this.invalidate();
  }

  /** Something a rule reads besides the document changed (another file): the findings of these documents (of all, without URIs) are computed again. */
  invalidate(uris?: readonly string[]): void {
    if (!uris) {
      this.findingsCache = new WeakMap();
      this.stamps.clear();
      return;
    }
    for (const uri of uris) this.stamps.set(uri, ++this.stamp);
  }

  private parseOptions(uri: string) {
    // Only a file whose name tells nothing can be an include-exclude file by being named by an INCLExcl option.
    const inclExclTarget = kindFromName(uri) === undefined && (this.ctx.workspace?.inclExclOwners(uri).length ?? 0) > 0;
    return { table: this.ctx.table, layout: this.ctx.settings.optionsFileLayout, inclExclTarget };
  }

  parse(text: string, uri: string): DsmDocument {
    return parseDocument(text, uri, this.parseOptions(uri));
  }

  /**
   * A document after edits that stayed inside some lines (no line break added
   * or removed): `changed` maps each changed line to its start offset in the
   * new text. Same result as parse(text), in time proportional to the changed lines.
   */
  reparse(doc: DsmDocument, text: string, changed: ReadonlyMap<number, number>): DsmDocument {
    return reparseLines(doc, text, changed, this.parseOptions(doc.uri));
  }

  private findings(doc: DsmDocument): Finding[] {
    const stamp = this.stamps.get(doc.uri) ?? 0;
    let cached = this.findingsCache.get(doc);
    if (!cached || cached.stamp !== stamp) {
      cached = { findings: findings(doc, this.ctx), stamp };
      this.findingsCache.set(doc, cached);
    }
    return cached.findings;
  }

  diagnostics(doc: DsmDocument): Diagnostic[] {
    return this.findings(doc).map((f) => f.diagnostic);
  }

  codeActions(doc: DsmDocument, range: Range, context: CodeActionContext): CodeAction[] {
    return codeActions(doc, this.findings(doc), range, context, this.ctx);
  }

  hover(doc: DsmDocument, position: Position): Hover | null {
    return withFindings(hover(doc, position, this.ctx), this.findings(doc), position, this.ctx);
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

  /** Every option in effect for a stanza, a dsm.opt, or a UNIX dsm.opt with the stanza it selects in `sys` (the dsm.sys beside it). */
  effectiveOptions(
    doc: DsmDocument,
    request: EffectiveRequest = {},
    sys?: DsmDocument,
  ): EffectiveOptions | { error: string } {
    return effectiveOptions(doc, this.ctx, request, sys);
  }

  /** The edits that format the document (its text as parsed), or the lines a range touches. */
  format(doc: DsmDocument, text: string, range?: Range): TextEdit[] {
    return formatting(doc, text, this.ctx.settings.format, range);
  }

  definition(doc: DsmDocument, position: Position): Location[] {
    return navigation.definition(doc, position, this.ctx);
  }

  references(doc: DsmDocument, position: Position, includeDeclaration: boolean): Location[] {
    return navigation.references(doc, position, includeDeclaration, this.ctx);
  }

  documentHighlights(doc: DsmDocument, position: Position): DocumentHighlight[] {
    return navigation.documentHighlights(doc, position, this.ctx);
  }

  /** The files a rename at this position would edit (to be read afresh first). */
  renameFiles(doc: DsmDocument, position: Position): string[] {
    return navigation.renameFiles(doc, position, this.ctx);
  }

  /** The stanza name a rename would change, or why nothing can be renamed here. */
  prepareRename(doc: DsmDocument, position: Position): { range: Range; placeholder: string } | string {
    return navigation.prepareRename(doc, position, this.ctx);
  }

  /** The edits of a rename by URI, or why it cannot be done. */
  rename(doc: DsmDocument, position: Position, newName: string): Record<string, TextEdit[]> | string {
    return navigation.rename(doc, position, newName, this.ctx);
  }

  workspaceSymbols(query: string): SymbolInformation[] {
    return navigation.workspaceSymbols(query, this.ctx.workspace?.files() ?? []);
  }

  /** The links of a document, each to the file it would open; the caller keeps those whose target exists. */
  documentLinks(doc: DsmDocument): DocumentLink[] {
    return linkCandidates(doc);
  }
}
