/**
 * The `rules` of dsm-lint's SARIF (code scanning shows them beside each
 * alert): every diagnostic code with its one-line summary and default
 * severity, from CODES.
 */
import { CODES, Code, INTERNAL_ERROR_CODE, LEVELS, SeverityLevel } from '../../service/codes';

export interface RuleInfo {
  id: string;
  description: string;
  /** The default severity, by the names of dsm.severity. */
  level: Exclude<SeverityLevel, 'off'>;
}

const levelOf = (severity: number): RuleInfo['level'] => (Object.keys(LEVELS) as RuleInfo['level'][]).find((l) => LEVELS[l] === severity) ?? 'error';

/** Every rule dsm-lint can report, in the order of CODES, then the internal error a broken check reports. */
export function rules(): RuleInfo[] {
  const known = (Object.keys(CODES) as Code[]).map((id) => ({ id, description: CODES[id].summary, level: levelOf(CODES[id].severity) }));
  return [...known, { id: INTERNAL_ERROR_CODE, description: 'A check could not finish on this file (a bug of dsm-lint); nothing was changed.', level: 'information' }];
}
