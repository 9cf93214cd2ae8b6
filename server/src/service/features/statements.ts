/** Hover on INCLUDE and EXCLUDE statements: what each kind does, the processing order, and the wildcards of its pattern. */
import type { OptionLine, Word } from '../../parser/types';
import { GROUP_TEXT, PROCESSING_ORDER, StatementSpec, statementOf } from '../../model/inclexcl';
import { escape, lines } from '../markup';

const AFTER_TEXT: Record<StatementSpec['after'], string> = {
  none: 'Nothing may follow the pattern.',
  mgmtclass: 'A management class may follow the pattern; without one, the default management class applies.',
  options: 'option=value words may follow the pattern.',
  'mgmtclass+options': 'A management class, then option=value words, may follow the pattern.',
};

/** What each wildcard means (IBM, "Include and exclude groups of files with wildcard characters"). */
const WILDCARDS: readonly [RegExp, string][] = [
  [/(^|[\\/])\.\.\.([\\/]|$)/, `${escape('...')} matches any number of directories, none included.`],
  [/\*/, `${escape('*')} matches any characters within one directory level (not the delimiter).`],
  [/\?/, `${escape('?')} matches exactly one character, not the delimiter.`],
  [
    /\[/,
    `${escape('[...]')} matches one character of the class, ${escape('[a-z]')} one of a range; inside a class a backslash escapes a wildcard: ${escape('[\\*]')} matches a literal star.`,
  ],
];

function patternHover(word: Word): string {
  const meanings = WILDCARDS.filter(([re]) => re.test(word.text)).map(([, text]) => `- ${text}`);
  return lines(
    `**Pattern** ${escape(word.text)}`,
    meanings.length ? meanings.join('\n') : 'No wildcards: it matches this one name.',
    'A pattern with a blank must be quoted. dsmc query inclexcl shows how the client reads the list.',
  );
}

/** The hover of a statement's name (index -1), pattern (0) or management class (1): undefined when the line is no statement. */
export function statementHover(
  entry: OptionLine,
  index: number,
  word: Word,
  documentation: () => string,
): string | undefined {
  const spec = statementOf(entry.option);
  if (!spec) return undefined;
  if (index === -1) return lines(documentation(), GROUP_TEXT[spec.group], AFTER_TEXT[spec.after], PROCESSING_ORDER);
  if (index === 0 && spec.pattern !== 'name') return patternHover(word);
  if (index === 1 && spec.after.startsWith('mgmtclass')) {
    return lines(
      `**Management class** ${escape(word.text)}: the policy that keeps the files this statement matches (not case-sensitive).`,
      'Directories take theirs from DIRMc, not from include statements.',
    );
  }
  return undefined;
}
