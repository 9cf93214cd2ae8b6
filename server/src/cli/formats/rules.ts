/**
 * The `rules` of dsm-lint's SARIF (code scanning shows them beside each
 * alert): every diagnostic code with its one-line summary and default
 * severity, from CODES; its IBM page (helpUri); and from its rule page
 * (docs/rules/<code>.md) the full description and the page itself.
 */
import { CODES, Code, INTERNAL_ERROR_CODE, LEVELS, SeverityLevel } from '../../service/codes';
import { codePage } from '../../service/ibmPages';
import { pageSection, rulePageText } from '../rulePages';

export interface RuleInfo {
  id: string;
  description: string;
  /** The default severity, by the names of dsm.severity. */
  level: Exclude<SeverityLevel, 'off'>;
  /** IBM's page for the code. */
  helpUri?: string;
  /** What the check catches, from the rule page. */
  fullDescription?: string;
  /** The rule page, Markdown. */
  page?: string;
}

const levelOf = (severity: number): RuleInfo['level'] =>
  (Object.keys(LEVELS) as RuleInfo['level'][]).find((l) => LEVELS[l] === severity) ?? 'error';

function rule(id: Code): RuleInfo {
  const page = rulePageText(id);
  const catches = page && pageSection(page, 'What it catches');
  return {
    id,
    description: CODES[id].summary,
    level: levelOf(CODES[id].severity),
    helpUri: codePage(id)?.ibm,
    ...(catches ? { fullDescription: catches } : {}),
    ...(page ? { page } : {}),
  };
}

/** Every rule dsm-lint can report, in the order of CODES, then the internal error a broken check reports. */
export function rules(): RuleInfo[] {
  const known = (Object.keys(CODES) as Code[]).map(rule);
  return [
    ...known,
    {
      id: INTERNAL_ERROR_CODE,
      description: 'A check could not finish on this file (a bug of dsm-lint); nothing was changed.',
      level: 'information',
    },
  ];
}
