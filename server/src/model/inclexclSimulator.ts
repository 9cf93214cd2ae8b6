/**
 * The include-exclude simulator: given the statements in effect, in the
 * order the client reads them, a path, an operation and a platform, which
 * statement decides whether the client backs the path up (or archives it),
 * and why. Pure: the statements come already read (see
 * service/features/explain.ts for how a file's list is put together).
 *
 * The rules, each as IBM documents it:
 * - EXCLUDE.DIR (and on UNIX EXCLUDE.FS) are evaluated first, whatever their
 *   place, and remove the directory (file space) and everything under it; no
 *   INCLUDE brings it back. IBM, "Include and exclude option processing"
 *   (https://www.ibm.com/docs/en/storage-protect/8.2.2?topic=list-include-exclude-option-processing)
 *   and "Excluding files with the EXCLUDE.DIR statement"
 *   (https://www.ibm.com/docs/en/storage-protect/8.2.2?topic=processing-excluding-files-excludedir-statement).
 * - Then the list is read from the bottom up, and the first statement that
 *   matches decides (same page). A file that nothing matches is included,
 *   with the default management class. IBM, "Creating an include-exclude list"
 *   (https://www.ibm.com/support/knowledgecenter/SSEQVQ_8.1.11/client/t_cfg_crtinclexcl.html).
 * - The management class is the one the deciding INCLUDE names. IBM, "Assign a
 *   management class to files"
 *   (https://www.ibm.com/support/knowledgecenter/en/SSEQVQ_8.1.14/client/c_mgtc_assignclass.html).
 * - Which statements decide backup and which archive: EXCLUDE, EXCLUDE.BACKUP,
 *   EXCLUDE.FILE and EXCLUDE.FILE.BACKUP exclude from backup; EXCLUDE.ARCHIVE
 *   from archive only; INCLUDE for both, INCLUDE.BACKUP and INCLUDE.FILE for
 *   backup, INCLUDE.ARCHIVE for archive. IBM, "Control processing with exclude statements"
 *   (https://www.ibm.com/docs/en/storage-protect/8.2.2?topic=options-control-processing-exclude-statements)
 *   and "Include options" (https://www.ibm.com/docs/en/SSEQVQ_8.1.10/client/r_opt_include.html).
 *   The statements' roles are data: data/inclexcl.json, `decides`.
 * - Encryption, compression, deduplication and file-system statements never
 *   decide: they are considered after the decision, for included files only.
 *   IBM, "Controlling compression processing"
 *   (https://www.ibm.com/docs/en/SSEQVQ_8.1.8/client/c_opt_exclude_compression.html).
 */
import { GROUP_TEXT, Operation, StatementSpec } from './inclexcl';
import { Matcher, compileMatcher, directoriesOf, isAbsolutePath, trimDelimiters } from './inclexclMatch';
import type { Platform } from './optionTable';

/** One statement of the list, where it is written. */
export interface ListStatement {
  uri: string;
  /** 0-based. */
  line: number;
  /** The line as written, trimmed. */
  text: string;
  /** The statement, as the option table writes it (INCLUDE, EXCLUDE.DIR, ...). */
  name: string;
  spec: StatementSpec;
  pattern: string;
  managementClass?: string;
}

export interface Origin {
  uri: string;
  line: number;
  text: string;
}

export interface Explanation {
  path: string;
  decision: 'included' | 'excluded';
  by: Origin | null;
  managementClass?: string;
  reason: string;
  operation: Operation;
  platform: Platform;
  /** Statements that match the path but do not decide it, each with why. */
  alsoMatched?: (Origin & { why: string })[];
}

/** How a statement is named in a sentence: its line (1-based) and its file's name. */
function where(s: ListStatement): string {
  const name = decodeURIComponent(s.uri.slice(s.uri.lastIndexOf('/') + 1));
  return `line ${s.line + 1} of ${name}`;
}

function origin(s: ListStatement): Origin {
  return { uri: s.uri, line: s.line, text: s.text };
}

/** EXCLUDE.FS is a UNIX statement (IBM, "Exclude file spaces and directories", https://www.ibm.com/support/knowledgecenter/SSEQVQ_8.1.10/client/c_cfg_excdir.html): a Windows list passes it over. */
const IS_UNIX_ONLY: ReadonlySet<string> = new Set(['EXCLUDE.FS']);

/** A statement with its pattern compiled (a tree statement's without its trailing delimiter). */
interface Compiled {
  s: ListStatement;
  m: Matcher;
}

/** A list sorted for the reading: the tree statements, the deciding ones from the bottom up, the others. */
interface Prepared {
  platform: Platform;
  trees: Compiled[];
  bottomUp: Compiled[];
  others: Compiled[];
}

/** Lists prepared once for as long as they live: asking for many paths compiles each pattern once. */
const prepared = new WeakMap<readonly ListStatement[], Prepared>();

function prepare(list: readonly ListStatement[], platform: Platform): Prepared {
  const known = prepared.get(list);
  if (known?.platform === platform) return known;
  const p: Prepared = { platform, trees: [], bottomUp: [], others: [] };
  for (let i = list.length - 1; i >= 0; i--) {
    const s = list[i];
    if (s.spec.excludesTree) {
      if (!(platform === 'windows' && IS_UNIX_ONLY.has(s.name)))
        p.trees.unshift({ s, m: compileMatcher(trimDelimiters(s.pattern, platform), platform) });
    } else (s.spec.decides.length ? p.bottomUp : p.others).push({ s, m: compileMatcher(s.pattern, platform) });
  }
  p.others.reverse();
  prepared.set(list, p);
  return p;
}

/** The statement that removes the path before the list is read: the outermost directory an EXCLUDE.DIR (or EXCLUDE.FS) matches. */
function treeExclusion(
  trees: readonly Compiled[],
  path: string,
  platform: Platform,
): { s: ListStatement; dir: string } | undefined {
  if (!trees.length) return undefined;
  for (const dir of directoriesOf(path, platform)) {
    const t = trees.find((c) => c.m(dir));
    if (t) return { s: t.s, dir };
  }
  return undefined;
}

function treeReason(s: ListStatement, dir: string, path: string, operation: Operation): string {
  const fs = s.name === 'EXCLUDE.FS';
  const what = fs ? `the file system ${dir}` : `the directory ${dir}`;
  const under = dir === path ? (fs ? '' : ' (if it is a directory)') : ` and everything under it, ${path} included`;
  let reason = `${s.name} ${s.pattern} (${where(s)}) excludes ${what}${under}: the client applies ${s.name} before any other statement, wherever it stands, so no INCLUDE brings it back.`;
  if (fs)
    reason += ` This holds only if ${dir} is a file system of its own: the simulator cannot know which file systems are mounted.`;
  if (operation === 'archive')
    reason += ` IBM documents this order for backup; for archive it is silent, and the simulator applies the same order.`;
  return reason;
}

function mcText(s: ListStatement): string {
  return s.managementClass ? `, with management class ${s.managementClass}` : ', with the default management class';
}

/** The answer for one path. `notes` (about the list itself: a file that could not be read) end the reason. */
export function explainPath(
  list: readonly ListStatement[],
  path: string,
  operation: Operation,
  platform: Platform,
  notes: readonly string[] = [],
): Explanation {
  const alsoMatched: (Origin & { why: string })[] = [];
  const tail = [
    ...(isAbsolutePath(path, platform)
      ? []
      : [
          `${path} is not an absolute ${platform === 'unix' ? 'UNIX' : 'Windows'} path: the client matches patterns against full paths.`,
        ]),
    ...notes,
  ];
  const answer = (e: Omit<Explanation, 'path' | 'operation' | 'platform'>): Explanation => ({
    path,
    ...e,
    reason: [e.reason, ...tail].join(' '),
    operation,
    platform,
    ...(alsoMatched.length ? { alsoMatched } : {}),
  });
  const p = prepare(list, platform);
  for (const { s, m } of p.others) {
    if (!m(path)) continue;
    alsoMatched.push({
      ...origin(s),
      why: `${s.name} decides nothing about inclusion: ${GROUP_TEXT[s.spec.group] ?? ''}`.trim(),
    });
  }
  const tree = treeExclusion(p.trees, path, platform);
  if (tree)
    return answer({ decision: 'excluded', by: origin(tree.s), reason: treeReason(tree.s, tree.dir, path, operation) });
  for (const { s, m } of p.bottomUp) {
    if (!m(path)) continue;
    if (!s.spec.decides.includes(operation)) {
      alsoMatched.push({
        ...origin(s),
        why: `${s.name} is read for ${s.spec.decides.join(' and ')} only, not for ${operation}.`,
      });
      continue;
    }
    const first = `${s.name} ${s.pattern} (${where(s)}) is the first statement that matches ${path}, reading the list from the bottom up`;
    if (s.name.startsWith('INCLUDE')) {
      return answer({
        decision: 'included',
        by: origin(s),
        ...(s.managementClass ? { managementClass: s.managementClass } : {}),
        reason: `${first}: the client ${operation === 'backup' ? 'backs it up' : 'archives it'}${mcText(s)}.`,
      });
    }
    return answer({
      decision: 'excluded',
      by: origin(s),
      reason: `${first}: the client leaves it out of ${operation}.`,
    });
  }
  return answer({
    decision: 'included',
    by: null,
    reason: `No statement for ${operation} matches ${path}: the client ${operation === 'backup' ? 'backs it up' : 'archives it'}, with the default management class.`,
  });
}
