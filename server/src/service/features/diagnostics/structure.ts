/**
 * Rules on where options stand and how a file holds together: stanzas,
 * the right file for each option, duplicates, and names of servers.
 */
import { DiagnosticRelatedInformation, Location } from 'vscode-languageserver-types';
import { DsmDocument, OptionLine, isOption, stanzaKind } from '../../../parser/document';
import { OptionSpec, Place, supports } from '../../../model/optionTable';
import { Opt } from '../../../model/opt';
import { windowsEvidence } from '../../../parser/fileKind';
import type { ServiceContext } from '../../context';
import { statementOf } from '../../../model/inclexcl';
import { sysFor } from '../../workspaceIndex';
import {
  Finding,
  Rule,
  deleteLine,
  finding,
  hasPlaceholderNames,
  lineRange,
  rendering,
  uncertain,
  wordRange,
} from './rule';

const FILE_LABEL: Record<DsmDocument['fileKind'], string> = {
  sys: 'dsm.sys',
  'opt-unix': 'a UNIX dsm.opt (client user options)',
  'opt-windows': 'a Windows (complete) dsm.opt',
  inclexcl: 'an include-exclude file, which holds only INCLUDE and EXCLUDE statements',
};

function belongsLabel(option: OptionSpec): string {
  const where = new Set<Place>(option.where);
  if (where.has('sys-stanza')) return 'a dsm.sys server stanza';
  if (where.has('sys-global')) return 'dsm.sys, before the first stanza';
  if (where.has('opt-unix')) return 'dsm.opt';
  return 'a Windows dsm.opt';
}

/**
 * Where an option line stands: before the stanzas of a dsm.sys, in a stanza, in a dsm.opt; or, in a dsm.sys
 * template, before the stanzas but after a placeholder line that may have opened one (`either`).
 */
type Standing = 'global' | 'stanza' | 'file' | 'either';

/** May this option stand at this place of this kind of file? Lenient: a platform that supports the option accepts it in its complete file. */
function allowed(option: OptionSpec, kind: DsmDocument['fileKind'], place: Standing): boolean {
  const where = option.where;
  if (place === 'either') return where.includes('sys-global') || where.includes('sys-stanza');
  if (kind === 'sys') return where.includes(place === 'global' ? 'sys-global' : 'sys-stanza');
  if (kind === 'opt-unix') return where.includes('opt-unix');
  if (kind === 'inclexcl') return statementOf(option) !== undefined;
  return where.includes('opt-windows') || supports(option, 'windows');
}

/** Why a file reads as a Windows options file, for messages. */
function windowsReason(doc: DsmDocument, ctx: ServiceContext): string {
  if (ctx.settings.optionsFileLayout === 'windows') return 'dsm.optionsFileLayout is windows';
  const evidence = windowsEvidence(doc.options, doc.comments);
  return evidence ? `line ${evidence.line + 1} has ${evidence.what}` : 'it sets the server connection itself';
}

/** `wrong-file` for a UNIX-only option (SErvername above all) in a Windows options file, where IBM does not document it. */
function unixOnlyInWindows(doc: DsmDocument, o: OptionLine, option: OptionSpec, ctx: ServiceContext): Finding {
  const header = stanzaKind(o) === 'server';
  const message =
    `${option.name} is documented by IBM for UNIX, Linux and Mac clients only, and this file reads as a Windows options file (${windowsReason(doc, ctx)}).` +
    (header
      ? ' A Windows client has no dsm.sys stanzas to select: it connects with the TCPSERVERADDRESS and TCPPORT of this file.'
      : '') +
    ' If the file is for UNIX, set dsm.optionsFileLayout to unix.';
  const fixes = header
    ? [
        {
          title: `Remove this ${option.name} line (Windows has no stanzas)`,
          edits: [deleteLine(doc, o.line)],
          preferred: false,
        },
      ]
    : [];
  return finding('wrong-file', wordRange(o.line, o.name), message, fixes);
}

/** `option-outside-stanza` and `wrong-file`. */
export const placement: Rule = (doc, ctx) => {
  const findings: Finding[] = [];
  const check = (o: OptionLine, place: Standing) => {
    const option = o.option;
    // Stanza headers open the stanzas of dsm.sys; in a dsm.opt they are checked like any option.
    if (!option || (doc.fileKind === 'sys' && stanzaKind(o))) return;
    if (allowed(option, doc.fileKind, place)) return;
    const range = wordRange(o.line, o.name);
    if (doc.fileKind === 'opt-windows' && !supports(option, 'windows')) {
      findings.push(unixOnlyInWindows(doc, o, option, ctx));
      return;
    }
    if (doc.fileKind === 'sys' && place === 'global' && option.where.includes('sys-stanza')) {
      findings.push(
        finding(
          'option-outside-stanza',
          range,
          `${option.name} stands before the first SErvername stanza. In dsm.sys every option except DEFAULTServer (and the few IBM allows there) must be inside a server stanza: the client rejects the file.`,
        ),
      );
      return;
    }
    findings.push(
      finding(
        'wrong-file',
        range,
        `${option.name} does not belong in ${place === 'stanza' ? 'a dsm.sys server stanza' : FILE_LABEL[doc.fileKind]}: it goes in ${belongsLabel(option)}.`,
      ),
    );
  };
  if (doc.fileKind === 'sys') {
    // A placeholder line (`{{ key }} {{ value }}`) may be a stanza header: what follows it may stand in that stanza.
    let maybeStanza = false;
    for (const o of doc.unscoped) {
      maybeStanza ||= o.name.template === true;
      check(o, maybeStanza ? 'either' : 'global');
    }
    for (const s of doc.stanzas) for (const o of s.options) check(o, 'stanza');
  } else {
    for (const o of doc.options) check(o, 'file');
  }
  return findings;
};

function scopes(doc: DsmDocument): { label: string; options: OptionLine[] }[] {
  return [
    { label: doc.fileKind === 'sys' ? 'before the stanzas' : 'this file', options: doc.unscoped },
    ...doc.stanzas.map((s) => ({ label: `stanza ${s.name}`, options: s.options })),
  ];
}

/**
 * In a template, a line is compared with at most this many others of its
 * kind: a bound on the work a hostile template (thousands of branches) makes.
 */
const COMPARED = 256;

/** The last line after lines[i] that relates to it this way (a template's branches; in a plain file every line is `certain`). */
function lastAfter(
  doc: DsmDocument,
  lines: OptionLine[],
  i: number,
  how: 'certain' | 'possible',
): OptionLine | undefined {
  if (!doc.template) return how === 'certain' ? lines[lines.length - 1] : undefined;
  for (let j = Math.min(lines.length - 1, i + COMPARED); j > i; j--)
    if (rendering(doc, lines[i], lines[j]) === how) return lines[j];
  return undefined;
}

/**
 * `duplicate-option`: a single-valued option set twice in one scope. The client reads top to bottom, so the last one wins.
 * In a template, lines in different branches of one conditional are never duplicates, and a line that overrides
 * another only when some branch is rendered makes an information, not a warning.
 */
export const duplicateOptions: Rule = (doc) => {
  const findings: Finding[] = [];
  for (const scope of scopes(doc)) {
    const byOption = new Map<OptionSpec, OptionLine[]>();
    for (const o of scope.options) {
      if (!o.option || o.option.repeatable) continue;
      const list = byOption.get(o.option) ?? [];
      list.push(o);
      byOption.set(o.option, list);
    }
    for (const [option, lines] of byOption) {
      for (let i = 0; i < lines.length - 1; i++) {
        const o = lines[i];
        const certain = lastAfter(doc, lines, i, 'certain');
        const winner = certain ?? lastAfter(doc, lines, i, 'possible');
        if (!winner) continue;
        const message = certain
          ? `${option.name} is set again on line ${winner.line + 1} (${scope.label}); the client reads options top to bottom, so that last one takes effect and this one is ignored.`
          : `${option.name} may be set again on line ${winner.line + 1} (${scope.label}), depending on the template's branches; where both are rendered, that last one takes effect and this one is ignored.`;
        // Removing a line that is ignored only in some renderings would lose it in the others: no fix then.
        const fixes = certain
          ? [{ title: `Remove this ignored ${option.name} line`, edits: [deleteLine(doc, o.line)], preferred: false }]
          : [];
        const f = finding('duplicate-option', lineRange(o), message, fixes, {
          relatedInformation: [
            DiagnosticRelatedInformation.create(Location.create(doc.uri, lineRange(winner)), 'This one takes effect.'),
          ],
        });
        findings.push(certain ? f : uncertain(f));
      }
    }
  }
  return findings;
};

/** `duplicate-stanza`: two stanzas of one name (names compare case-insensitively). A name from a placeholder is never a duplicate. */
export const duplicateStanzas: Rule = (doc) => {
  const findings: Finding[] = [];
  const seen = new Map<string, OptionLine[]>();
  for (const s of doc.stanzas) {
    const nameWord = s.header.values[0];
    if (nameWord?.template) continue;
    const key = `${s.kind}:${s.name.toLowerCase()}`;
    let earlier = seen.get(key);
    if (!earlier) seen.set(key, (earlier = []));
    // In a template, the stanzas of other branches of the same conditional are alternatives, not duplicates.
    const compared = earlier.slice(0, COMPARED);
    const first =
      compared.find((h) => rendering(doc, s.header, h) === 'certain') ??
      compared.find((h) => rendering(doc, s.header, h) === 'possible');
    earlier.push(s.header);
    if (!first || !nameWord) continue;
    const certain = rendering(doc, s.header, first) === 'certain';
    const where = certain ? '' : ' (where the template renders both)';
    const f = finding(
      'duplicate-stanza',
      wordRange(s.header.line, nameWord),
      `A stanza named ${s.name} already starts on line ${first.line + 1}${where}: stanza names must be unique (case does not matter).`,
      [],
      {
        relatedInformation: [
          DiagnosticRelatedInformation.create(
            Location.create(doc.uri, lineRange(first)),
            'The first stanza of this name.',
          ),
        ],
      },
    );
    findings.push(certain ? f : uncertain(f));
  }
  return findings;
};

/** `unknown-server`: DEFAULTServer, or a UNIX dsm.opt's SErvername, names no stanza. */
export const unknownServers: Rule = (doc, ctx) => {
  const findings: Finding[] = [];
  const report = (o: OptionLine, names: string[], where: string) => {
    const w = o.values[0];
    if (!w || w.template || names.some((n) => n.toLowerCase() === w.text.toLowerCase())) return;
    const fixes = names.map((n, i) => ({
      title: `Change to ${n}`,
      edits: [{ range: wordRange(o.line, w), newText: n }],
      preferred: names.length === 1 && i === 0,
    }));
    findings.push(
      finding(
        'unknown-server',
        wordRange(o.line, w),
        `No server stanza named ${w.text} in ${where}. Stanzas: ${names.join(', ') || 'none'}.`,
        fixes,
      ),
    );
  };
  // A template's stanza names may come from placeholders, and a template dsm.opt is rendered beside another dsm.sys: nothing certain.
  if (
    doc.template &&
    (doc.fileKind !== 'sys' ||
      hasPlaceholderNames(doc.options) ||
      doc.stanzas.some((s) => s.header.values[0]?.template))
  )
    return findings;
  if (doc.fileKind === 'sys') {
    const names = doc.stanzas.filter((s) => s.kind === 'server').map((s) => s.name);
    for (const o of doc.unscoped) if (isOption(o, Opt.DEFAULTSERVER)) report(o, names, 'this dsm.sys');
  } else if (doc.fileKind === 'opt-unix' && ctx.workspace) {
    const selectors = doc.options.filter((o) => isOption(o, Opt.SERVERNAME));
    if (!selectors.length) return findings;
    const sys = ctx.workspace.file(sysFor(doc.uri));
    const names = sys?.stanzas.filter((s) => s.kind === 'server').map((s) => s.name);
    if (names) for (const o of selectors) report(o, names, 'the dsm.sys beside this file');
  }
  return findings;
};
