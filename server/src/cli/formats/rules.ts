/**
 * What each diagnostic code means, in one line: the `rules` of dsm-lint's
 * SARIF (code scanning shows them beside each alert). Typed by CODES, so a
 * new code does not compile without its line here. The README's table of
 * diagnostic codes says the same at more length.
 */
import { CODES, Code, INTERNAL_ERROR_CODE, LEVELS, SeverityLevel } from '../../service/codes';

export const RULE_DESCRIPTIONS: Readonly<Record<Code, string>> = {
  'schedmode-prompted': 'SCHEDMODE PROMPTED: the server must call the client in, and a firewall silently stops the backups; use POLLING.',
  'schedmode-missing': 'A dsm.sys server stanza or a complete dsm.opt without SCHEDMODE: say POLLING explicitly.',
  'unknown-option': 'A name that is no client option: the client stops at start-up.',
  'ambiguous-abbreviation': 'An option name shorter than its minimum abbreviation, or one that fits several options.',
  'invalid-value': 'A value the option does not take: a keyword outside its set, a number out of range, a quoted keyword.',
  'option-outside-stanza': 'In dsm.sys, a stanza option before the first SErvername.',
  'wrong-file': 'An option in a file (or place) where the client does not read it.',
  'duplicate-option': 'A single-valued option given twice in one stanza or file: only the last one counts.',
  'duplicate-stanza': 'Two server stanzas of one name.',
  'unknown-server': 'DEFAULTServer, or a dsm.opt SErvername, names no stanza of the dsm.sys.',
  'tcpport-mismatch': "TCPPort is not the port of the catalogued server the stanza's TCPServeraddress names.",
  'prompted-only-option': 'TCPCLIENTPort or TCPCLIENTAddress where the scheduler polls: they have no effect.',
  'scheduler-needs-generate': 'MANAGEDServices schedule without PASSWORDAccess generate: the scheduler cannot log in unattended.',
  'hash-comment': 'A # comment line: IBM documents only * for comments.',
  'path-needs-quotes': 'A file specification with blanks and no quotes: the client reads only its first word.',
};

export interface RuleInfo {
  id: string;
  description: string;
  /** The default severity, by the names of dsm.severity. */
  level: Exclude<SeverityLevel, 'off'>;
}

const levelOf = (severity: number): RuleInfo['level'] => (Object.keys(LEVELS) as RuleInfo['level'][]).find((l) => LEVELS[l] === severity) ?? 'error';

/** Every rule dsm-lint can report, in the order of CODES, then the internal error a broken check reports. */
export function rules(): RuleInfo[] {
  const known = (Object.keys(CODES) as Code[]).map((id) => ({ id, description: RULE_DESCRIPTIONS[id], level: levelOf(CODES[id]) }));
  return [...known, { id: INTERNAL_ERROR_CODE, description: 'A check could not finish on this file (a bug of dsm-lint); nothing was changed.', level: 'information' }];
}
