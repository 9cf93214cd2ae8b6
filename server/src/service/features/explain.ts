/**
 * Which statement decides a path: the include-exclude list of a file, put
 * together in the order IBM documents, handed to the simulator
 * (model/inclexclSimulator.ts). Pure: the INCLEXCL files a list reads are
 * read by the caller (the server through its file access, dsm-lint from the
 * disk) and passed in.
 *
 * The list: a dsm.sys stanza's statements (a Windows dsm.opt's, an
 * include-exclude file's), in order, each INCLEXCL line replaced by the
 * statements of the file it names. IBM, "Include and exclude option processing"
 * (https://www.ibm.com/docs/en/storage-protect/8.2.2?topic=list-include-exclude-option-processing):
 * "the include-exclude statements in these files are placed in the list
 * position occupied by the inclexcl option". Statements the server sends in a
 * client option set come before the client's own; the simulator cannot know them.
 */
import type { DsmDocument, OptionLine } from '../../parser/types';
import type { Platform } from '../../model/optionTable';
import { Operation, isManagementClassName, looksLikePath, patternPlatform, statementOf } from '../../model/inclexcl';
import { Explanation, ListStatement, explainPath } from '../../model/inclexclSimulator';
import { resolveFileSpec } from '../../util/uris';
import { sysFor } from '../workspaceIndex';
import { Opt } from '../../model/opt';
import { isOption } from '../../parser/stanzas';

/** A file of the list, parsed, with its text (for the lines an answer quotes). */
export interface ListFile {
  doc: DsmDocument;
  text: string;
}

export interface ExplainOptions {
  stanza?: string;
  operation?: Operation;
  /** The platform of an include-exclude file, when the files that name it tell it. */
  platform?: Platform;
}

export interface StatementList {
  list: ListStatement[];
  platform: Platform;
  stanza?: string;
  /** What the list could not hold (an INCLEXCL file that could not be read), said in every answer. */
  notes: string[];
}

/** A file of INCLUDE and EXCLUDE statements only, whatever its name says. */
function onlyStatements(doc: DsmDocument): boolean {
  return doc.options.length > 0 && doc.options.every((o) => statementOf(o.option) !== undefined);
}

/** The options whose statements make the list, or why there are none. */
function scope(
  doc: DsmDocument,
  stanza: string | undefined,
): { options: OptionLine[]; stanza?: string } | { error: string } {
  if (doc.fileKind === 'inclexcl' || doc.fileKind === 'opt-windows' || onlyStatements(doc))
    return { options: doc.options };
  if (doc.fileKind === 'opt-unix') {
    return {
      error:
        'A UNIX dsm.opt holds no include-exclude list: the client reads the list of the dsm.sys stanza that its SErvername selects, and that dsm.sys (beside it) could not be read.',
    };
  }
  const servers = doc.stanzas.filter((s) => s.kind === 'server');
  const names = servers.map((s) => s.name).join(', ');
  const wanted =
    stanza ??
    (servers.length === 1
      ? servers[0].name
      : doc.unscoped.find((o) => isOption(o, Opt.DEFAULTSERVER))?.values[0]?.text);
  if (wanted === undefined)
    return {
      error: servers.length
        ? `This dsm.sys has several server stanzas (${names}) and no DEFAULTServer: name one.`
        : 'This dsm.sys has no server stanza.',
    };
  const found = servers.find((s) => s.name.toLowerCase() === wanted.toLowerCase());
  return found
    ? { options: found.options, stanza: found.name }
    : { error: `No server stanza ${wanted} in this dsm.sys${names ? ` (it has ${names})` : ''}.` };
}

/**
 * For a UNIX dsm.opt: the dsm.sys beside it, whose stanza's list the client
 * reads, and the stanza its SErvername selects (else the dsm.sys's
 * DEFAULTServer or only stanza). IBM, "Client options file overview"
 * (http://www.ibm.com/support/knowledgecenter/SSGSG7_7.1.4/client/c_cfg_clientopts_overview.html):
 * on UNIX the client reads dsm.opt and dsm.sys, which identifies the server;
 * that SErvername in dsm.opt picks the stanza, and the fallback order, are
 * the project's reading (docs: tsm-option-files.md says the order is unconfirmed).
 */
export function selectedStanza(doc: DsmDocument): { sysUri: string; stanza?: string } | undefined {
  if (doc.fileKind !== 'opt-unix' || onlyStatements(doc)) return undefined;
  let stanza: string | undefined;
  for (const o of doc.options) if (isOption(o, Opt.SERVERNAME) && o.values[0]) stanza = o.values[0].text;
  return { sysUri: sysFor(doc.uri), ...(stanza ? { stanza } : {}) };
}

/** The files the list of a document reads through INCLEXCL, as URIs, in order: what the caller must read before explainPathIn. */
export function inclExclFilesOf(doc: DsmDocument, stanza?: string): string[] {
  const s = scope(doc, stanza);
  if ('error' in s) return [];
  return s.options
    .filter((o) => isOption(o, Opt.INCLEXCL) && o.values[0])
    .flatMap((o) => resolveFileSpec(o.values[0].text, doc.uri) ?? []);
}

/** The statement a line holds, if its pattern can be read (no open quote, no template syntax). */
function statementAt(o: OptionLine, file: ListFile, lines: string[]): ListStatement | undefined {
  const spec = statementOf(o.option);
  const pattern = o.values[0];
  if (!spec || !pattern || spec.pattern === 'name' || o.values.some((w) => w.unterminated || w.template))
    return undefined;
  const next = o.values[1];
  const mc =
    spec.after.startsWith('mgmtclass') &&
    next &&
    !next.text.includes('=') &&
    !looksLikePath(next.text) &&
    isManagementClassName(next.text)
      ? next.text
      : undefined;
  return {
    uri: file.doc.uri,
    line: o.line,
    text: (lines[o.line] ?? '').trim(),
    name: o.option!.name.toUpperCase(),
    spec,
    pattern: pattern.text,
    ...(mc ? { managementClass: mc } : {}),
  };
}

function platformOf(doc: DsmDocument, list: ListStatement[], hint: Platform | undefined): Platform {
  if (doc.fileKind === 'sys' || doc.fileKind === 'opt-unix') return 'unix';
  if (doc.fileKind === 'opt-windows') return 'windows';
  if (hint) return hint;
  const count = { unix: 0, windows: 0 };
  for (const s of list) {
    const p = patternPlatform(s.pattern);
    if (p) count[p]++;
  }
  return count.windows > count.unix ? 'windows' : 'unix';
}

/** The list a document's client reads, in order, with the INCLEXCL files it names (those in `files`, by URI) in their place. */
export function statementList(
  main: ListFile,
  files: ReadonlyMap<string, ListFile>,
  options: ExplainOptions = {},
): StatementList | { error: string } {
  const s = scope(main.doc, options.stanza);
  if ('error' in s) return s;
  const list: ListStatement[] = [];
  const notes: string[] = [];
  const lines = main.text.split(/\r\n|\r|\n/);
  for (const o of s.options) {
    if (isOption(o, Opt.INCLEXCL) && o.values[0]) {
      const uri = resolveFileSpec(o.values[0].text, main.doc.uri);
      const file = uri === undefined ? undefined : files.get(uri);
      if (!file) {
        notes.push(
          `The include-exclude file ${o.values[0].text} (INCLExcl, line ${o.line + 1}) could not be read: its statements are not in this answer.`,
        );
        continue;
      }
      const own = file.text.split(/\r\n|\r|\n/);
      for (const inner of file.doc.options) {
        const st = statementAt(inner, file, own);
        if (st) list.push(st);
      }
      continue;
    }
    const st = statementAt(o, main, lines);
    if (st) list.push(st);
  }
  return {
    list,
    platform: platformOf(main.doc, list, options.platform),
    ...(s.stanza ? { stanza: s.stanza } : {}),
    notes,
  };
}

/** The answer for each path, or why there is none for this file. */
export function explainPaths(
  main: ListFile,
  files: ReadonlyMap<string, ListFile>,
  paths: readonly string[],
  options: ExplainOptions = {},
): (Explanation & { stanza?: string })[] | { error: string } {
  const l = statementList(main, files, options);
  if ('error' in l) return l;
  return paths.map((p) => ({
    ...explainPath(l.list, p, options.operation ?? 'backup', l.platform, l.notes),
    ...(l.stanza ? { stanza: l.stanza } : {}),
  }));
}
