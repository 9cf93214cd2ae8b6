/**
 * The rule pages (docs/rules/<code>.md) as dsm-lint prints them and SARIF
 * carries them. The bundle (dist/dsm-lint.js) holds them: scripts/build.mjs
 * defines DSM_RULE_PAGES from docs/rules, so the installed command needs no
 * file beside it. Run from the compiled sources (out/), the pages are read
 * from the repository.
 */
import * as fs from 'fs';
import * as path from 'path';
import { rulePagePath } from '../service/ibmPages';

declare const DSM_RULE_PAGES: Readonly<Record<string, string>> | undefined;

/** The repository root, from out/server/src/cli. */
const ROOT = path.join(__dirname, '..', '..', '..', '..');

/** The page of a code, as written (by its path in codePages.json); undefined for a code that has none. */
export function rulePageText(code: string): string | undefined {
  const page = rulePagePath(code);
  if (page === undefined) return undefined;
  if (typeof DSM_RULE_PAGES !== 'undefined')
    return Object.prototype.hasOwnProperty.call(DSM_RULE_PAGES, page) ? DSM_RULE_PAGES[page] : undefined;
  try {
    return fs.readFileSync(path.join(ROOT, page), 'utf8');
  } catch {
    return undefined;
  }
}

/** The text of one `## heading` section of a page, its paragraphs joined; empty when the page has no such section. */
export function pageSection(page: string, heading: string): string {
  const lines = page.split(/\r?\n/);
  const start = lines.findIndex((l) => l.trim().toLowerCase() === `## ${heading}`.toLowerCase());
  if (start === -1) return '';
  const body: string[] = [];
  let fenced = false;
  for (const line of lines.slice(start + 1)) {
    if (line.startsWith('```')) fenced = !fenced;
    if (!fenced && /^#{1,2} /.test(line)) break;
    body.push(line);
  }
  // Each paragraph on one line, paragraphs apart.
  return body
    .join('\n')
    .trim()
    .split(/\n{2,}/)
    .map((p) => p.replace(/\n/g, ' '))
    .join('\n\n');
}
