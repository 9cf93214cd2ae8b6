/**
 * The part of an include-exclude statement's hover that runs the simulator:
 * which common paths (data/commonPaths.json) the statement decides, and
 * which statements decide, in its place, the common paths it matches.
 */
import commonPaths from '../../data/commonPaths.json';
import type { DsmDocument } from '../../parser/types';
import type { Platform } from '../../model/optionTable';
import { statementOf } from '../../model/inclexcl';
import { explainPath } from '../../model/inclexclSimulator';
import { matchesPattern } from '../../model/inclexclMatch';
import type { ServiceContext } from '../context';
import { escape, lines } from '../markup';
import { ownersPlatform } from '../workspaceIndex';
import { statementList } from './explain';

/** At most this many paths are named in each sentence. */
const MAX_NAMED = 4;

function named(paths: string[]): string {
  const shown = paths.slice(0, MAX_NAMED).map(escape).join(', ');
  return paths.length > MAX_NAMED ? `${shown} and ${paths.length - MAX_NAMED} more` : shown;
}

/** The list of a parse, made once per platform asked (a parse is never changed: a new version is a new parse). */
const lists = new WeakMap<DsmDocument, { platform?: Platform; list: ReturnType<typeof statementList> }>();

function listOf(doc: DsmDocument, platform: Platform | undefined): ReturnType<typeof statementList> {
  const cached = lists.get(doc);
  if (cached && cached.platform === platform) return cached.list;
  const list = statementList({ doc, text: '' }, new Map(), { platform });
  lists.set(doc, { platform, list });
  return list;
}

/** Markdown for the statement on `line` of an include-exclude file; undefined when it decides nothing. */
export function decidesHover(doc: DsmDocument, line: number, ctx: ServiceContext): string | undefined {
  const spec = statementOf(doc.byLine[line]?.kind === 'option' ? doc.byLine[line].option : undefined);
  if (doc.fileKind !== 'inclexcl' || !spec || (!spec.decides.length && !spec.excludesTree)) return undefined;
  const l = listOf(doc, ownersPlatform(ctx.workspace?.inclExclOwners(doc.uri) ?? []));
  if ('error' in l) return undefined;
  const self = l.list.find((s) => s.line === line);
  if (!self) return undefined;
  const operation = spec.decides.includes('backup') || spec.excludesTree ? 'backup' : 'archive';
  const decided: string[] = [];
  const shadowed = new Map<number, string[]>();
  for (const path of commonPaths[l.platform]) {
    const e = explainPath(l.list, path, operation, l.platform);
    if (e.by?.line === line && e.by.uri === doc.uri) decided.push(path);
    else if (e.by && !self.spec.excludesTree && matchesPattern(self.pattern, path, l.platform))
      shadowed.set(e.by.line, [...(shadowed.get(e.by.line) ?? []), path]);
  }
  const shadows = [...shadowed].map(([at, paths]) => {
    const by = l.list.find((s) => s.line === at)!;
    return `- line ${at + 1}, ${escape(`${by.name} ${by.pattern}`)}, decides ${named(paths)} first`;
  });
  return lines(
    `**For ${operation}, of the common ${l.platform === 'unix' ? 'UNIX' : 'Windows'} paths** this statement decides ${decided.length ? named(decided) : 'none'}.`,
    shadows.length ? `It matches, but is shadowed for these by:\n${shadows.join('\n')}` : undefined,
  );
}
