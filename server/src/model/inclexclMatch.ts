/**
 * Does a path match an include-exclude pattern? The wildcards as IBM
 * documents them, compiled once per pattern into a regular expression. Pure.
 *
 * IBM, "Include and exclude groups of files with wildcard characters"
 * (https://www.ibm.com/support/knowledgecenter/SSTG2D_7.1.0/com.ibm.itsm.client.doc/c_cfg_inclexclgroups.html):
 * - `?` matches any one character except the directory delimiter, and not the end of the name;
 * - `*` matches any characters (none included) within one directory level;
 * - `/...` (UNIX) and `\...` (Windows), the match-n, match zero or more directories;
 * - `[` opens a character class, `a-z` in it is a range, `]` closes it.
 * IBM, "Include and exclude files that contain wildcard characters"
 * (https://www.ibm.com/support/knowledgecenter/SSEQVQ_8.1.6/client/c_cfg_inclexclwildcardchars.html):
 * the escape character `\` works only inside a character class (`[\*]` is a literal star).
 * IBM, "Include options" (https://www.ibm.com/docs/en/SSEQVQ_8.1.10/client/r_opt_include.html) and
 * "Exclude options" (https://www.ibm.com/support/knowledgecenter/SSEQVQ_8.1.10/client/r_opt_exclude.html):
 * on Windows the statements are not case-sensitive; on UNIX a path is compared as written.
 *
 * IBM is silent on a negated class (`[!a]`, `[^a]`): `!` and `^` are read as
 * ordinary members of the class here, and the README says so.
 */
import type { Platform } from './optionTable';
import { classEnd, delimiterOf } from './inclexcl';

function escapeRe(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
}

/** The members of a class (the text between [ and ]) as a regular-expression class: ranges kept, `\x` a literal x. */
function classRe(body: string): string {
  const members: string[] = [];
  for (let i = 0; i < body.length; i++) {
    let c = body[i];
    if (c === '\\' && i + 1 < body.length) c = body[++i];
    if (body[i + 1] === '-' && i + 2 < body.length) {
      let end = body[i + 2];
      let skip = 2;
      if (end === '\\' && i + 3 < body.length) {
        end = body[i + 3];
        skip = 3;
      }
      // A range written backwards matches nothing of it, rather than failing the whole pattern.
      if (end >= c) members.push(`${escapeRe(c)}-${escapeRe(end)}`);
      i += skip;
      continue;
    }
    members.push(escapeRe(c));
  }
  return members.length ? `[${members.join('')}]` : '(?!)';
}

/** The regular expression of a pattern: anchored at both ends; Windows without case. */
export function patternRegExp(pattern: string, platform: Platform): RegExp {
  const d = delimiterOf(platform);
  const ed = escapeRe(d);
  const level = `[^${ed}]`;
  let re = '';
  for (let i = 0; i < pattern.length;) {
    const c = pattern[i];
    if (c === d && pattern.startsWith('...', i + 1) && pattern[i + 4] === d) {
      // The match-n: zero or more whole directories, each with its delimiter before it.
      re += `(?:${ed}${level}+)*`;
      i += 4;
    } else if (c === '*') {
      re += `${level}*`;
      i++;
    } else if (c === '?') {
      re += level;
      i++;
    } else if (c === '[' && classEnd(pattern, i, platform) !== -1) {
      const close = classEnd(pattern, i, platform);
      re += classRe(pattern.slice(i + 1, close));
      i = close + 1;
    } else {
      re += escapeRe(c);
      i++;
    }
  }
  return new RegExp(`^${re}$`, platform === 'windows' ? 'i' : '');
}

/** Matches a whole path against one pattern. */
export type Matcher = (path: string) => boolean;

/** The text a pattern starts with before its first wildcard: a path that does not start so cannot match. */
function literalPrefix(pattern: string, platform: Platform): string {
  const d = delimiterOf(platform);
  let end = 0;
  while (
    end < pattern.length &&
    !'*?['.includes(pattern[end]) &&
    !(pattern[end] === d && pattern.startsWith('...', end + 1))
  )
    end++;
  return pattern.slice(0, end);
}

/**
 * A pattern compiled once: a test of its literal start first (most paths of
 * a long list fail there, without running a regular expression), then the
 * expression. Windows compares without case (the start only when it is ASCII,
 * where lower case is one mapping).
 */
export function compileMatcher(pattern: string, platform: Platform): Matcher {
  // The expression is made when a path first passes the start test: most patterns of a long list never need it.
  let made: RegExp | undefined;
  const re = { test: (path: string) => (made ??= patternRegExp(pattern, platform)).test(path) };
  let prefix = literalPrefix(pattern, platform);
  const caseless = platform === 'windows';
  if (caseless) prefix = [...prefix].every((c) => c.charCodeAt(0) < 0x80) ? prefix.toLowerCase() : '';
  const n = prefix.length;
  if (!n) return (path) => re.test(path);
  return caseless
    ? (path) => path.length >= n && path.slice(0, n).toLowerCase() === prefix && re.test(path)
    : (path) => path.startsWith(prefix) && re.test(path);
}

const compiled = new Map<string, Matcher>();
const MAX_COMPILED = 5000;

/** Does the whole path match the pattern? (Compiled patterns are kept for the next call, up to a bound.) */
export function matchesPattern(pattern: string, path: string, platform: Platform): boolean {
  const key = `${platform}\0${pattern}`;
  let m = compiled.get(key);
  if (!m) {
    if (compiled.size >= MAX_COMPILED) compiled.clear();
    m = compileMatcher(pattern, platform);
    compiled.set(key, m);
  }
  return m(path);
}

/** The path without trailing delimiters (a root stays as it is). */
export function trimDelimiters(path: string, platform: Platform): string {
  const d = delimiterOf(platform);
  let end = path.length;
  while (end > 1 && path[end - 1] === d) end--;
  return path.slice(0, end);
}

/**
 * The directories a path lies in, outermost first, and the path itself:
 * `/home/a/b` gives `/home`, `/home/a`, `/home/a/b`; `C:\Users\a` gives
 * `C:\Users`, `C:\Users\a`.
 */
export function directoriesOf(path: string, platform: Platform): string[] {
  const d = delimiterOf(platform);
  const trimmed = trimDelimiters(path, platform);
  const found: string[] = [];
  for (let i = 1; i <= trimmed.length; i++) {
    if (i === trimmed.length || trimmed[i] === d) {
      const prefix = trimmed.slice(0, i);
      // A drive (C:) or the empty start of a UNC name is no directory a statement names.
      if (prefix.includes(d) && !prefix.endsWith(d)) found.push(prefix);
    }
  }
  return found;
}

/** Is the path absolute on its platform: from / on UNIX; a drive or a UNC name on Windows? */
export function isAbsolutePath(path: string, platform: Platform): boolean {
  return platform === 'unix' ? path.startsWith('/') : /^[A-Za-z]:\\/.test(path) || path.startsWith('\\\\');
}
