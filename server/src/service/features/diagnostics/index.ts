/**
 * Diagnostics: every rule's findings, with the user's severities and
 * suppression comments (`* dsm-disable-next-line`, `* dsm-disable`) applied,
 * each linked to the page that explains it. The code-action feature uses
 * the same findings, so a fix always belongs to the diagnostic it was made for.
 */
import { DiagnosticSeverity, Range } from 'vscode-languageserver-types';
import type { DsmDocument, TemplateSpan } from '../../../parser/types';
import { touchesTemplate } from '../../../parser/template';
import type { ServiceContext } from '../../context';
import { INTERNAL_ERROR_CODE, LEVELS, SOURCE, isCode } from '../../codes';
import { Finding, Rule } from './rule';
import { Suppressions, disableFix } from './suppressions';
import { codeHref } from '../../ibmPages';
import { schedmodeMissing, schedmodePrompted } from './schedmode';
import { optionNames, optionValues } from './options';
import { duplicateOptions, duplicateStanzas, placement, unknownServers } from './structure';
import { tcpportMismatch } from './servers';
import { hashComments, promptedOnlyOptions, schedulerNeedsGenerate } from './hints';
import { unquotedPaths } from './paths';
import { statementPatterns } from './inclexcl';
import { processingOrder } from './order';
import { schedmodeServerMismatch, serverOnlyManagedServices, serverOnlyPolling } from './sessions';
import { encryptKeyPrompt, passwordAccessDiffers, passwordIgnored, promptedNeedsTcpip } from './agreement';
import { removedOptions, stanzaNames } from './naming';

export const RULES: readonly Rule[] = [
  schedmodePrompted,
  schedmodeMissing,
  optionNames,
  optionValues,
  placement,
  duplicateOptions,
  duplicateStanzas,
  unknownServers,
  tcpportMismatch,
  promptedOnlyOptions,
  schedulerNeedsGenerate,
  hashComments,
  unquotedPaths,
  statementPatterns,
  processingOrder,
  serverOnlyPolling,
  serverOnlyManagedServices,
  schedmodeServerMismatch,
  passwordAccessDiffers,
  encryptKeyPrompt,
  promptedNeedsTcpip,
  passwordIgnored,
  removedOptions,
  stanzaNames,
];

export { DISABLE_MARKER, DISABLE_FILE_MARKER } from './suppressions';

/** The option a diagnostic's line names, when it names exactly one: its IBM page may explain the finding best. */
function optionOnLine(doc: DsmDocument, line: number) {
  const entry = doc.byLine[line];
  return entry?.kind === 'option' ? entry.option : undefined;
}

/** Links the diagnostic to the page that explains it (LSP codeDescription), for clients that show it. */
function describe(doc: DsmDocument, f: Finding, ctx: ServiceContext): void {
  if (!ctx.client.codeDescription) return;
  const href = codeHref(String(f.diagnostic.code), optionOnLine(doc, f.diagnostic.range.start.line));
  if (href) f.diagnostic.codeDescription = { href };
}

/**
 * In a template: a quick fix never edits template syntax nor writes inside a
 * tag (such fixes are dropped), and a finding already made is not made again
 * (an option after alternative stanza headers belongs to each of them).
 */
function keepInTemplate(spans: readonly TemplateSpan[], f: Finding, reported: Set<string>): boolean {
  const { code, range } = f.diagnostic;
  const key = `${code} ${range.start.line}:${range.start.character}-${range.end.line}:${range.end.character}`;
  if (reported.has(key)) return false;
  reported.add(key);
  f.fixes = f.fixes.filter((fix) => !fix.edits.some((e) => touchesTemplate(spans, e.range)));
  return true;
}

/** Every finding of every rule, as the user configured them. A rule that throws loses only its own findings. */
export function findings(doc: DsmDocument, ctx: ServiceContext): Finding[] {
  const all: Finding[] = [];
  const inline = ctx.lint?.inlineDisable !== false;
  const suppressions = inline ? new Suppressions(doc) : undefined;
  const levels = ctx.settings.severity;
  const reported = new Set<string>();
  for (const rule of RULES) {
    let found: Finding[];
    try {
      found = rule(doc, ctx);
    } catch (e) {
      found = [
        {
          diagnostic: {
            range: Range.create(0, 0, 0, 0),
            severity: DiagnosticSeverity.Information,
            code: INTERNAL_ERROR_CODE,
            source: SOURCE,
            message: `The dsm checker could not finish one of its checks (${(e as Error).message}); nothing in the file was changed.`,
          },
          fixes: [],
        },
      ];
    }
    for (const f of found) {
      const code = f.diagnostic.code;
      if (suppressions?.silences(f.diagnostic)) continue;
      const level = isCode(code) ? levels[code] : undefined;
      if (level !== undefined) {
        const severity = LEVELS[level];
        if (severity === null) continue;
        f.diagnostic.severity = f.uncertain
          ? (Math.max(severity, DiagnosticSeverity.Information) as DiagnosticSeverity)
          : severity;
      }
      if (isCode(code)) f.fixes.push(disableFix(doc, f, ctx));
      if (doc.template && !keepInTemplate(doc.template.spans, f, reported)) continue;
      describe(doc, f, ctx);
      all.push(f);
    }
  }
  if (suppressions && ctx.lint?.reportUnusedDisable) {
    const level = levels['unused-disable'];
    const severity = level === undefined ? undefined : LEVELS[level];
    for (const f of severity === null ? [] : suppressions.unused(doc)) {
      if (severity) f.diagnostic.severity = severity;
      describe(doc, f, ctx);
      all.push(f);
    }
  }
  return all;
}
