/** Low-severity advice: options that do nothing where they are, an unattended scheduler that cannot log in, `#` comments. */
import { TextEdit, Range } from 'vscode-languageserver-types';
import { DsmDocument, OptionLine, isOption, lastOption, serverScopes } from '../../../parser/document';
import { Finding, Rule, UNNECESSARY, finding, hasPlaceholderNames, insertLineAfter, lineRange, replaceWord, wordRange } from './rule';
import type { ServiceContext } from '../../context';
import { serverOnlyLine } from './sessions';

function keywordOf(ctx: ServiceContext, o: OptionLine | undefined, i = 0): string | undefined {
  const w = o?.values[i];
  if (!o?.option || !w) return undefined;
  const r = ctx.table.resolveKeyword(o.option, w.text);
  return r.kind === 'match' ? r.item.toLowerCase() : undefined;
}

/**
 * In a template, where branches and placeholders hide which line is
 * rendered: may some `name` line of the scope give `wanted` (or a placeholder)?
 */
function mayGive(doc: DsmDocument, ctx: ServiceContext, options: OptionLine[], name: string, wanted: string): boolean {
  return !!doc.template && options.some((o) => isOption(o, name) && (o.values[0]?.template || keywordOf(ctx, o) === wanted));
}

/** The server scopes these hints read; in a template, not those where a placeholder line may set any option. */
function hintScopes(doc: DsmDocument): OptionLine[][] {
  const scopes = serverScopes(doc);
  return doc.template ? scopes.filter((options) => !hasPlaceholderNames(options)) : scopes;
}

/**
 * `prompted-only-option`: TCPCLIENTPORT / TCPCLIENTADDRESS matter only when the scheduler is prompted.
 * Not beside SESSIONINITIATION SERVERONLY: there every session starts on TCPCLIENTPORT, so they are
 * needed, not useless (the conflict with POLLING is serveronly-polling's to report).
 * https://www.ibm.com/support/knowledgecenter/SSGSG7_7.1.3/client/r_opt_sessioninitiation.html
 */
export const promptedOnlyOptions: Rule = (doc, ctx) => {
  const findings: Finding[] = [];
  for (const options of hintScopes(doc)) {
    if (serverOnlyLine(ctx, options)) continue;
    const mode = keywordOf(ctx, lastOption(options, 'schedmode'));
    if (mode === 'prompted' || mayGive(doc, ctx, options, 'schedmode', 'prompted')) continue;
    for (const o of options) {
      if (!isOption(o, 'tcpclientport') && !isOption(o, 'tcpclientaddress')) continue;
      findings.push(
        finding('prompted-only-option', lineRange(o), `${o.option!.name} only matters when SCHEDMODE is PROMPTED; with POLLING${mode ? '' : ' (the default)'} the client never listens for the server.`, [], UNNECESSARY),
      );
    }
  }
  return findings;
};

/** `scheduler-needs-generate`: the scheduler runs unattended, so it needs a stored (generated) or written password. */
export const schedulerNeedsGenerate: Rule = (doc, ctx) => {
  const findings: Finding[] = [];
  for (const options of hintScopes(doc)) {
    const managed = lastOption(options, 'managedservices');
    if (!managed?.option || !managed.values.some((_, i) => keywordOf(ctx, managed, i) === 'schedule')) continue;
    const access = lastOption(options, 'passwordaccess');
    if (keywordOf(ctx, access) === 'generate' || mayGive(doc, ctx, options, 'passwordaccess', 'generate')) continue;
    // A password written in the file (PASSWORD) also lets the scheduler log in unattended.
    if (lastOption(options, 'password')) continue;
    const fix = access?.values[0]
      ? { title: 'Change PASSWORDACCESS to GENERATE', edits: [replaceWord(access.line, access.values[0], 'GENERATE')], preferred: true }
      : { title: 'Add PASSWORDACCESS GENERATE', edits: [insertLineAfter(doc, managed, managed.indent, 'PASSWORDACCESS GENERATE')], preferred: true };
    findings.push(
      finding('scheduler-needs-generate', lineRange(managed), 'The scheduler is managed here, but PASSWORDACCESS is not GENERATE: an unattended scheduler cannot type a password, so it cannot log in.', [fix]),
    );
  }
  return findings;
};

/** `hash-comment`: `#` lines are read as comments in practice, but IBM documents only `*`. */
export const hashComments: Rule = (doc) =>
  doc.comments
    .filter((c) => c.marker === '#')
    .map((c) =>
      finding('hash-comment', wordRange(c.line, { start: c.start, end: c.start + 1 }), 'IBM documents only * as the comment character. # comment lines are seen in real files, but * is the one certain to work.', [
        { title: 'Use * for this comment', edits: [TextEdit.replace(Range.create(c.line, c.start, c.line, c.start + 1), '*')], preferred: true },
      ]),
    );
