/**
 * Effective options as text, in the manner of `dsmc query options`: one
 * `NAME: value` line per option, names right-aligned on the colon (IBM's
 * example output of Query Options,
 * https://www.ibm.com/support/knowledgecenter/en/SSEQVQ_8.1.0/client/r_cmd_queryoptions.html),
 * grouped by where the values come from: each file, then the option table's
 * defaults. What `dsm-lint show` prints and the VS Code document shows.
 */
import type { Source } from '../scope';
import { EffectiveEntry, EffectiveOptions, SERVER_OVERRIDES } from './effective';

/** What the files cannot tell: said under every answer. */
export const NOT_KNOWN_HERE = `Not known here: the server's client option sets (${SERVER_OVERRIDES.optionSets.command}) and options given on the command line, which come before the files.`;

/** A value longer than this ends the line as it is; shorter ones are padded so that the sources line up. */
const VALUE_COLUMN = 32;

function group(source: Source): string {
  return source === 'default' ? 'default' : source.uri;
}

/**
 * The text of an answer. `display` names a file (a path relative to the
 * working folder on the command line, a file name in the editor).
 */
export function effectiveText(answer: EffectiveOptions, display: (uri: string) => string): string {
  const width = Math.max(0, ...answer.options.map((o) => o.name.length));
  const groups = new Map<string, EffectiveEntry[]>();
  for (const o of answer.options) {
    const key = group(o.source);
    groups.set(key, [...(groups.get(key) ?? []), o]);
  }
  // The files first, in the order their options come; the defaults last.
  const keys = [...groups.keys()].sort((a, b) => Number(a === 'default') - Number(b === 'default'));
  const out = [`Effective options: ${answer.title}`, ...answer.notes.map((n) => `Note: ${n}`), ''];
  if (!answer.options.length) out.push('No option is set.', '');
  for (const key of keys) {
    out.push(key === 'default' ? 'Defaults of the option table (nothing sets them):' : `From ${display(key)}:`);
    for (const o of groups.get(key)!) {
      const where = o.source === 'default' ? '' : `line ${o.source.line + 1}`;
      const server = o.serverOverride ? `server: ${o.serverOverride}` : '';
      const tail = [where, server].filter(Boolean).join('; ');
      const head = `${o.name.toUpperCase().padStart(width)}: ${o.value}`;
      out.push(tail ? `${head.padEnd(width + 2 + VALUE_COLUMN)}  ${tail}` : head);
    }
    out.push('');
  }
  out.push(NOT_KNOWN_HERE, '');
  return out.join('\n');
}
