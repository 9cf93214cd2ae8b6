/**
 * The document from its lines: the kind of file, and the dsm.sys stanzas
 * (each header opens one, which holds the options after it).
 */
import type { OptName } from '../model/opt';
import { Opt } from '../model/opt';
import { detectFileKind } from './fileKind';
import { exclusive } from './template';
import type {
  CommentLine,
  DsmDocument,
  Entry,
  OptionLine,
  ParseOptions,
  Stanza,
  TemplateFrame,
  TemplateInfo,
} from './types';

/** Is this line a stanza header (SErvername or REPLSERVERName)? */
export function stanzaKind(entry: OptionLine): Stanza['kind'] | undefined {
  if (isOption(entry, Opt.SERVERNAME)) return 'server';
  if (isOption(entry, Opt.REPLSERVERNAME)) return 'replserver';
  return undefined;
}

/** Does this line set this option? (The table's spec objects carry the same name strings as Opt.) */
export function isOption(entry: OptionLine, name: OptName): boolean {
  return entry.option?.name === name;
}

/** A document's non-blank lines, in order: for tests and tools (no check needs them, so the parse does not keep them). */
export function entriesOf(doc: DsmDocument): Entry[] {
  return doc.byLine.filter((e): e is Entry => e !== undefined);
}

/** The document from its lines: the kind of file and the stanzas. */
export function assemble(
  uri: string,
  eol: DsmDocument['eol'],
  byLine: (Entry | undefined)[],
  options: OptionLine[],
  comments: CommentLine[],
  opts: ParseOptions,
  template?: TemplateInfo,
): DsmDocument {
  const lineCount = byLine.length;
  const fileKind = detectFileKind(uri, options, opts.layout ?? 'auto', comments, opts.inclExclTarget);
  const { stanzas, unscoped } = stanzasOf(fileKind === 'sys', options, lineCount, template?.frames);
  const doc: DsmDocument = {
    uri,
    lineCount,
    eol,
    fileKind,
    options,
    comments,
    stanzas,
    unscoped,
    byLine,
  };
  if (template) doc.template = template;
  return doc;
}

/**
 * The stanzas of a dsm.sys: each header opens one, which holds the options
 * after it. In a template (`frames` given), a header in another branch of the
 * same conditional as the open stanza's header is an alternative to it: both
 * stay open, and each takes the options that can be rendered with it.
 */
function stanzasOf(
  sys: boolean,
  options: OptionLine[],
  lineCount: number,
  frames?: (TemplateFrame | undefined)[],
): { stanzas: Stanza[]; unscoped: OptionLine[] } {
  const stanzas: Stanza[] = [];
  const unscoped: OptionLine[] = [];
  let open: Stanza[] = [];
  for (const o of options) {
    const kind = sys ? stanzaKind(o) : undefined;
    if (kind) {
      const frame = frames?.[o.line];
      if (!frames || !open.every((s) => exclusive(frames[s.header.line], frame))) {
        for (const s of open) s.endLine = o.line - 1;
        open = [];
      }
      const stanza: Stanza = { kind, name: o.values[0]?.text ?? '', header: o, options: [], endLine: lineCount - 1 };
      open.push(stanza);
      stanzas.push(stanza);
    } else if (open.length === 0) {
      unscoped.push(o);
    } else if (!frames) {
      open[0].options.push(o);
    } else {
      for (const s of open) if (!exclusive(frames[s.header.line], frames[o.line])) s.options.push(o);
    }
  }
  return { stanzas, unscoped };
}

/** The stanza a line belongs to, if any (binary search over the stanzas). */
export function stanzaAt(doc: DsmDocument, line: number): Stanza | undefined {
  let lo = 0;
  let hi = doc.stanzas.length - 1;
  let found: Stanza | undefined;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (doc.stanzas[mid].header.line <= line) {
      found = doc.stanzas[mid];
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  return found;
}

/** The last of these lines that sets the option: the one that takes effect. */
export function lastOption(options: readonly OptionLine[], name: OptName): OptionLine | undefined {
  for (let i = options.length - 1; i >= 0; i--) if (options[i].option?.name === name) return options[i];
  return undefined;
}
