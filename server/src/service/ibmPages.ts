/**
 * Where each finding is explained: IBM's page for the option involved, the
 * code's own IBM page (server/src/data/codePages.json), and the code's rule
 * page in this repository (docs/rules/<code>.md). Everything that links a
 * code (diagnostics' codeDescription, SARIF's helpUri, `dsm-lint rule`)
 * reads them here.
 */
import codePages from '../data/codePages.json';

/**
 * IBM's address of a client option page from its page id (options.json's
 * `ibmPage`, e.g. `r_opt_schedmode`). IBM's documentation site serves the
 * knowledge-center pages of a release at
 * https://www.ibm.com/docs/en/<product>_<release>/client/<id>.html
 * (e.g. https://www.ibm.com/docs/en/SSGSG7_7.1.6/client/c_cfg_clientopts_overview.html,
 * https://www.ibm.com/docs/en/SSEQVQ_8.1.11/api/c_ovw_cfg_opt.html); the
 * client book of Spectrum Protect 8.1.11 holds every option page.
 */
export const IBM_CLIENT_DOCS = 'https://www.ibm.com/docs/en/SSEQVQ_8.1.11/client/';

export interface CodePage {
  /** The code's rule page, relative to the repository root (docs/rules/<code>.md). */
  page: string;
  /** IBM's page for the code, a full address. */
  ibm: string;
  /** The page of the option on the diagnostic's line explains it better. */
  optionPage: boolean;
}

const PAGES: Readonly<Record<string, CodePage>> = codePages.codes;

/** What an option entry says of its IBM page: the page id, and (once collected) the exact address IBM's text was read at. */
export interface OptionSource {
  ibmPage: string;
  source?: { url?: string };
}

/** A page id as IBM names them (`r_opt_schedmode`, `c_cfg_sysopt`): letters, digits and underscores, never an address. */
const PAGE_ID = /^[a-z]_[a-z0-9_]+$/;

/** The full address of an option's IBM page: its recorded source address when there is one, else the page id's address; none for a site's own option. */
export function ibmOptionAddress(option: OptionSource): string | undefined {
  const url = option.source?.url;
  if (typeof url === 'string' && /^https:\/\/(www\.)?ibm\.com\//.test(url)) return url;
  return PAGE_ID.test(option.ibmPage) ? IBM_CLIENT_DOCS + option.ibmPage + '.html' : undefined;
}

/** The code's page data, or undefined for a code that has none (internal-error). */
export function codePage(code: string): CodePage | undefined {
  return Object.prototype.hasOwnProperty.call(PAGES, code) ? PAGES[code] : undefined;
}

/** Every code that has a page, in the order of codePages.json. */
export function pagedCodes(): string[] {
  return Object.keys(PAGES);
}

/** The rule page of a code, relative to the repository root; undefined for a code that has none. */
export function rulePagePath(code: string): string | undefined {
  return codePage(code)?.page;
}

/** The address a diagnostic of this code links to: the involved option's IBM page where that says it better, else the code's IBM page. */
export function codeHref(code: string, option?: OptionSource): string | undefined {
  const page = codePage(code);
  if (!page) return undefined;
  return (page.optionPage && option && ibmOptionAddress(option)) || page.ibm;
}
