/**
 * Rules on where options stand and how a file holds together: stanzas,
 * the right file for each option, duplicates, and names of servers.
 */
import { DiagnosticRelatedInformation, Location } from 'vscode-languageserver-types';
import { DsmDocument, OptionLine, isOption, stanzaKind } from '../../../parser/document';
import { OptionSpec, Place } from '../../../model/optionTable';
import { windowsEvidence } from '../../../parser/fileKind';
import type { ServiceContext } from '../../context';
import { statementOf } from '../../../model/inclexcl';
import { sysFor } from '../../workspace';
import { Finding, Rule, deleteLine, finding, lineRange, wordRange } from './rule';

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

/** May this option stand at this place of this kind of file? Lenient: a platform that supports the option accepts it in its complete file. */
function allowed(option: OptionSpec, kind: DsmDocument['fileKind'], place: 'global' | 'stanza' | 'file'): boolean {
  const where = option.where;
  if (kind === 'sys') return where.includes(place === 'global' ? 'sys-global' : 'sys-stanza');
  if (kind === 'opt-unix') return where.includes('opt-unix');
  if (kind === 'inclexcl') return statementOf(option) !== undefined;
  return where.includes('opt-windows') || option.platforms.includes('windows');
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
    (header ? ' A Windows client has no dsm.sys stanzas to select: it connects with the TCPSERVERADDRESS and TCPPORT of this file.' : '') +
    ' If the file is for UNIX, set dsm.optionsFileLayout to unix.';
  const fixes = header ? [{ title: `Remove this ${option.name} line (Windows has no stanzas)`, edits: [deleteLine(doc, o.line)], preferred: false }] : [];
  return finding('wrong-file', wordRange(o.line, o.name), message, fixes);
}

/** `option-outside-stanza` and `wrong-file`. */
export const placement: Rule = (doc, ctx) => {
  const findings: Finding[] = [];
  const check = (o: OptionLine, place: 'global' | 'stanza' | 'file') => {
    const option = o.option;
    // Stanza headers open the stanzas of dsm.sys; in a dsm.opt they are checked like any option.
    if (!option || (doc.fileKind === 'sys' && stanzaKind(o))) return;
    if (allowed(option, doc.fileKind, place)) return;
    const range = wordRange(o.line, o.name);
    if (doc.fileKind === 'opt-windows' && !option.platforms.includes('windows')) {
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
    findings.push(finding('wrong-file', range, `${option.name} does not belong in ${place === 'stanza' ? 'a dsm.sys server stanza' : FILE_LABEL[doc.fileKind]}: it goes in ${belongsLabel(option)}.`));
  };
  if (doc.fileKind === 'sys') {
    for (const o of doc.unscoped) check(o, 'global');
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

/** `duplicate-option`: a single-valued option set twice in one scope. The client reads top to bottom, so the last one wins. */
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
      if (lines.length < 2) continue;
      const winner = lines[lines.length - 1];
      for (const o of lines.slice(0, -1)) {
        findings.push(
          finding(
            'duplicate-option',
            lineRange(o),
            `${option.name} is set again on line ${winner.line + 1} (${scope.label}); the client reads options top to bottom, so that last one takes effect and this one is ignored.`,
            [{ title: `Remove this ignored ${option.name} line`, edits: [deleteLine(doc, o.line)], preferred: false }],
            { relatedInformation: [DiagnosticRelatedInformation.create(Location.create(doc.uri, lineRange(winner)), 'This one takes effect.')] },
          ),
        );
      }
    }
  }
  return findings;
};

/** `duplicate-stanza`: two stanzas of one name (names compare case-insensitively). */
export const duplicateStanzas: Rule = (doc) => {
  const findings: Finding[] = [];
  const seen = new Map<string, OptionLine>();
  for (const s of doc.stanzas) {
    const key = `${s.kind}:${s.name.toLowerCase()}`;
    const first = seen.get(key);
    const nameWord = s.header.values[0];
    if (first && nameWord) {
      findings.push(
        finding('duplicate-stanza', wordRange(s.header.line, nameWord), `A stanza named ${s.name} already starts on line ${first.line + 1}: stanza names must be unique (case does not matter).`, [], {
          relatedInformation: [DiagnosticRelatedInformation.create(Location.create(doc.uri, lineRange(first)), 'The first stanza of this name.')],
        }),
      );
    } else if (!first) {
      seen.set(key, s.header);
    }
  }
  return findings;
};

/** `unknown-server`: DEFAULTServer, or a UNIX dsm.opt's SErvername, names no stanza. */
export const unknownServers: Rule = (doc, ctx) => {
  const findings: Finding[] = [];
  const report = (o: OptionLine, names: string[], where: string) => {
    const w = o.values[0];
    if (!w || names.some((n) => n.toLowerCase() === w.text.toLowerCase())) return;
    const fixes = names.map((n, i) => ({ title: `Change to ${n}`, edits: [{ range: wordRange(o.line, w), newText: n }], preferred: names.length === 1 && i === 0 }));
    findings.push(finding('unknown-server', wordRange(o.line, w), `No server stanza named ${w.text} in ${where}. Stanzas: ${names.join(', ') || 'none'}.`, fixes));
  };
  if (doc.fileKind === 'sys') {
    const names = doc.stanzas.filter((s) => s.kind === 'server').map((s) => s.name);
    for (const o of doc.unscoped) if (isOption(o, 'defaultserver')) report(o, names, 'this dsm.sys');
  } else if (doc.fileKind === 'opt-unix' && ctx.workspace) {
    const selectors = doc.options.filter((o) => isOption(o, 'servername'));
    if (!selectors.length) return findings;
    const sys = ctx.workspace.file(sysFor(doc.uri));
    const names = sys?.stanzas.filter((s) => s.kind === 'server').map((s) => s.name);
    if (names) for (const o of selectors) report(o, names, 'the dsm.sys beside this file');
  }
  return findings;
};
