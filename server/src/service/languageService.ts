/**
 * The language service: text in, LSP types out. No connection, no VS Code:
 * the server wires it to the protocol, the tests call it directly.
 */
import { CodeAction, CodeActionContext, CompletionItem, Diagnostic, DocumentSymbol, FoldingRange, Hover, Position, Range } from 'vscode-languageserver-types';
import { builtinOptionTable, OptionTable, withKnownOptions } from '../model/optionTable';
import { DsmDocument, parseDocument, reparseLines } from '../parser/document';
import { ServiceContext } from './context';
import { catalogFor, DEFAULT_SETTINGS, DsmSettings } from './settings';
import { diagnostics } from './features/diagnostics';
import { codeActions } from './features/codeActions';
import { hover } from './features/hover';
import { completion } from './features/completion';
import { documentSymbols, foldingRanges } from './features/symbols';

export interface ServiceOptions {
  settings?: DsmSettings;
  /** The option table before the site's known options; the built-in one by default. */
  table?: OptionTable;
  clientHasBuiltinSnippets?: boolean;
  snippetSupport?: boolean;
  addKnownOptionCommand?: boolean;
  stanzaNamesBeside?: (optUri: string) => string[] | undefined;
}

export class DsmLanguageService {
  private ctx: ServiceContext;
  private readonly baseTable: OptionTable;

  constructor(options: ServiceOptions = {}) {
    const settings = options.settings ?? DEFAULT_SETTINGS;
    this.baseTable = options.table ?? builtinOptionTable();
    this.ctx = {
      table: withKnownOptions(this.baseTable, settings.knownOptions),
      settings,
      catalog: catalogFor(settings),
      clientHasBuiltinSnippets: options.clientHasBuiltinSnippets,
      snippetSupport: options.snippetSupport ?? true,
      addKnownOptionCommand: options.addKnownOptionCommand,
      stanzaNamesBeside: options.stanzaNamesBeside,
    };
  }

  get table(): OptionTable {
    return this.ctx.table;
  }

  get settings(): DsmSettings {
    return this.ctx.settings;
  }

  configure(settings: DsmSettings): void {
    this.ctx = { ...this.ctx, settings, catalog: catalogFor(settings), table: withKnownOptions(this.baseTable, settings.knownOptions) };
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

  diagnostics(doc: DsmDocument): Diagnostic[] {
    return diagnostics(doc, this.ctx);
  }

  codeActions(doc: DsmDocument, range: Range, context: CodeActionContext): CodeAction[] {
    return codeActions(doc, range, context, this.ctx);
  }

  hover(doc: DsmDocument, position: Position): Hover | null {
    return hover(doc, position, this.ctx);
  }

  completion(doc: DsmDocument, position: Position): CompletionItem[] {
    return completion(doc, position, this.ctx);
  }

  documentSymbols(doc: DsmDocument): DocumentSymbol[] {
    return documentSymbols(doc);
  }

  foldingRanges(doc: DsmDocument): FoldingRange[] {
    return foldingRanges(doc);
  }
}
