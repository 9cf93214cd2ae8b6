/**
 * Include-exclude statements as data (data/inclexcl.json) and the facts of
 * their patterns that IBM documents: the directory delimiter of each
 * platform, `...` (match-n), character classes and the escape inside them,
 * and management class names. Pure functions over strings.
 */
import data from '../data/inclexcl.json';
import type { OptionSpec, Platform } from './optionTable';

export type Operation = 'backup' | 'archive';

export interface StatementSpec {
  /** `path`: a file pattern; `nas`: a NAS file system (always with /); `name`: a VM, disk or component name. */
  pattern: 'path' | 'nas' | 'name';
  /** What may follow the pattern. */
  after: 'none' | 'mgmtclass' | 'options' | 'mgmtclass+options';
  /** The operations whose bottom-up decision the statement takes part in. */
  decides: Operation[];
  group: keyof typeof data.groups;
  /** EXCLUDE.DIR, EXCLUDE.FS: applied before the list is read, whatever their place. */
  excludesTree?: boolean;
}

const STATEMENTS = data.statements as Readonly<Record<string, StatementSpec>>;

/** The explanation of each group of statements, and of the processing order. */
export const GROUP_TEXT: Readonly<Record<string, string>> = data.groups;
export const PROCESSING_ORDER: string = data.processingOrder;

/** Every statement's full name, as the option table writes it in capitals. */
export const STATEMENT_NAMES: readonly string[] = Object.keys(STATEMENTS);

/** Is the statement an INCLUDE form (INCLUDE, INCLUDE.BACKUP, ...), as opposed to an EXCLUDE form? */
export function isIncludeStatement(option: OptionSpec): boolean {
  return option.name.toUpperCase().startsWith('INCLUDE');
}

/** How the client reads a statement, when the option is an INCLUDE or EXCLUDE form. */
export function statementOf(option: OptionSpec | undefined): StatementSpec | undefined {
  return option ? STATEMENTS[option.name.toUpperCase()] : undefined;
}

/** Management class names: A-Z, 0-9, _ . - + &, at most 30 characters (IBM, "Naming IBM Spectrum Protect objects"); not case-sensitive. */
export function isManagementClassName(word: string): boolean {
  return /^[A-Za-z0-9_.+&-]{1,30}$/.test(word);
}

/** The platform a pattern is written for: a drive (wildcards allowed) or a UNC name is Windows, a leading / is UNIX. */
export function patternPlatform(pattern: string): Platform | undefined {
  if (/^[A-Za-z?*]:/.test(pattern) || pattern.startsWith('\\\\')) return 'windows';
  if (pattern.startsWith('/') || pattern.startsWith('{/')) return 'unix';
  return undefined;
}

/** The delimiter between directory levels: / on UNIX and Mac, \\ on Windows. */
export function delimiterOf(platform: Platform): string {
  return platform === 'windows' ? '\\' : '/';
}

/**
 * The end of the character class opened at `open` (the index of its ]), or
 * -1 when it is not closed. Inside a class, \\ escapes the next character
 * (IBM: `[\\[]` matches a literal [); on UNIX a class ends at the next /.
 */
export function classEnd(pattern: string, open: number, platform: Platform): number {
  for (let i = open + 1; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\') i++;
    else if (c === ']') return i;
    else if (c === '/' && platform === 'unix') return -1;
  }
  return -1;
}

interface Level {
  text: string;
  /** Its column in the pattern. */
  from: number;
}

/** The directory levels of a pattern: split at each delimiter outside a character class. */
function splitLevels(pattern: string, platform: Platform): Level[] {
  const delimiter = delimiterOf(platform);
  const found: Level[] = [];
  let from = 0;
  for (let i = 0; i <= pattern.length; i++) {
    if (pattern[i] === '[') {
      const close = classEnd(pattern, i, platform);
      if (close !== -1) i = close;
    } else if (i === pattern.length || pattern[i] === delimiter) {
      found.push({ text: pattern.slice(from, i), from });
      from = i + 1;
    }
  }
  return found;
}

/** The directory levels of a pattern, without a trailing delimiter; Windows names compared without case. */
export function levels(pattern: string, platform: Platform): string[] {
  const parts = splitLevels(platform === 'windows' ? pattern.toLowerCase() : pattern, platform).map((l) => l.text);
  while (parts.length > 1 && parts[parts.length - 1] === '') parts.pop();
  return parts;
}

/** Does this pattern match every file (`/.../*`, `?:\...\*`, `*:\...\*`)? */
export function matchesEverything(pattern: string): boolean {
  return pattern === '/.../*' || /^[?*]:\\\.\.\.\\\*$/.test(pattern);
}

/** A mistake in how a pattern uses wildcards, with the columns of the pattern it concerns. */
export interface WildcardProblem {
  start: number;
  end: number;
  message: string;
}

function matchN(level: Level, delimiter: string): WildcardProblem | undefined {
  // `...` stands for directories only as a whole level; a level that starts or ends with it is a mistyped /.../.
  const t = level.text;
  if (t === '...' || !(t.startsWith('...') || t.endsWith('...'))) return undefined;
  return {
    start: level.from,
    end: level.from + t.length,
    message: `"${t}": ... (any number of directories) works only as a whole directory level, as in ${delimiter}...${delimiter}*; here it is part of a name.`,
  };
}

function classesAndEscapes(pattern: string, platform: Platform): WildcardProblem[] {
  const problems: WildcardProblem[] = [];
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '[') {
      const close = classEnd(pattern, i, platform);
      if (close === -1) {
        problems.push({
          start: i,
          end: i + 1,
          message: 'This [ opens a character class that is never closed with ]. To match a literal [, write [\\[].',
        });
        continue;
      }
      i = close;
    } else if (c === '\\' && platform === 'unix' && /[*?[\]]/.test(pattern[i + 1] ?? '')) {
      // IBM: the escape character can only be used inside a character class.
      problems.push({
        start: i,
        end: i + 2,
        message: `The escape character \\ works only inside a character class: write [\\${pattern[i + 1]}] to match a literal ${pattern[i + 1]}.`,
      });
      i++;
    }
  }
  return problems;
}

/** The wildcard mistakes of a pattern, by IBM's rules, with columns in the pattern; `platform` decides the directory delimiter (unknown: the pattern's own shape, else /). */
export function wildcardProblems(pattern: string, platform: Platform | undefined): WildcardProblem[] {
  const own = platform ?? patternPlatform(pattern) ?? 'unix';
  const delimiter = delimiterOf(own);
  const problems: WildcardProblem[] = [];
  for (const level of splitLevels(pattern, own)) {
    const n = matchN(level, delimiter);
    if (n) problems.push(n);
  }
  return [...problems, ...classesAndEscapes(pattern, own)];
}

/** Is the last level `*.*`? IBM: it leaves out files whose names have no dot; `*` matches them all. */
export function endsWithStarDotStar(pattern: string): boolean {
  return /(^|[\\/])\*\.\*$/.test(pattern);
}

/** Words that continue a path rather than name a management class or an option. */
export function looksLikePath(word: string): boolean {
  return /[\\/*?]/.test(word);
}
