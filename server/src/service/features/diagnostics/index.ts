/**
 * Diagnostics: every rule's findings, with the user's severities and
 * `* dsm-disable-next-line` comments applied. The code-action feature uses
 * the same findings, so a fix always belongs to the diagnostic it was made for.
 */
import { DiagnosticSeverity, Range, TextEdit } from 'vscode-languageserver-types';
import type { DsmDocument, TemplateSpan } from '../../../parser/types';
import { touchesTemplate } from '../../../parser/template';
import type { ServiceContext } from '../../context';
import { INTERNAL_ERROR_CODE, LEVELS, SOURCE, isCode } from '../../codes';
import { Finding, Rule } from './rule';
import { schedmodeMissing, schedmodePrompted } from './schedmode';
import { optionNames, optionValues } from './options';
import { duplicateOptions, duplicateStanzas, placement, unknownServers } from './structure';
import { tcpportMismatch } from './servers';
import { hashComments, promptedOnlyOptions, schedulerNeedsGenerate } from './hints';
import { unquotedPaths } from './paths';
import { processingOrder, statementPatterns } from './inclexcl';
import { removedOptions, stanzaNames } from './names';

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
  removedOptions,
  stanzaNames,
];

export const DISABLE_MARKER = 'dsm-disable-next-line';

/** Lines silenced by a `* dsm-disable-next-line [code ...]` comment: the codes, or an empty set for all. */
function disabledLines(doc: DsmDocument): Map<number, Set<string>> {
  const disabled = new Map<number, Set<string>>();
  for (const c of doc.comments) {
    if (!c.text.startsWith(DISABLE_MARKER)) continue;
    const codes = c.text.slice(DISABLE_MARKER.length).split(/[\s,]+/).filter(Boolean);
    disabled.set(c.line + 1, new Set(codes));
  }
  return disabled;
}

function disableFix(doc: DsmDocument, f: Finding) {
  const line = f.diagnostic.range.start.line;
  const entry = doc.byLine[line];
  const indent = entry?.kind === 'option' ? entry.indent : '';
  return {
    title: `Ignore ${f.diagnostic.code} on this line`,
    edits: [TextEdit.insert({ line, character: 0 }, `${indent}* ${DISABLE_MARKER} ${f.diagnostic.code}${doc.eol}`)],
    preferred: false,
  };
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
  const disabled = disabledLines(doc);
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
      const level = isCode(code) ? levels[code] : undefined;
      if (level !== undefined) {
        const severity = LEVELS[level];
        if (severity === null) continue;
        f.diagnostic.severity = f.uncertain ? Math.max(severity, DiagnosticSeverity.Information) as DiagnosticSeverity : severity;
      }
      const silenced = disabled.get(f.diagnostic.range.start.line);
      if (silenced && (silenced.size === 0 || silenced.has(String(code)))) continue;
      if (isCode(code)) f.fixes.push(disableFix(doc, f));
      if (doc.template && !keepInTemplate(doc.template.spans, f, reported)) continue;
      all.push(f);
    }
  }
  return all;
}

