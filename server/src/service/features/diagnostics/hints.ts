/** Low-severity advice: options that do nothing where they are, an unattended scheduler that cannot log in, `#` comments. */
import { TextEdit, Range } from 'vscode-languageserver-types';
import { DsmDocument, isOption } from '../../../parser/document';
import { Opt, OptName } from '../../../model/opt';
import { Scope, serverScopes } from '../../scope';
import {
  Finding,
  Rule,
  UNNECESSARY,
  finding,
  hasPlaceholderNames,
  insertLineAfter,
  lineRange,
  replaceWord,
  wordRange,
} from './rule';
import type { ServiceContext } from '../../context';
import { keyword, serverOnlyLine } from './sessions';

/**
 * In a template, where branches and placeholders hide which line is
 * rendered: may some `name` line of the scope give `wanted` (or a placeholder)?
 */
function mayGive(doc: DsmDocument, ctx: ServiceContext, scope: Scope, name: OptName, wanted: string): boolean {
  return (
    !!doc.template &&
    scope.lines.some((o) => isOption(o, name) && (o.values[0]?.template || keyword(ctx, o) === wanted))
  );
}

/** The server scopes these hints read; in a template, not those where a placeholder line may set any option. */
function hintScopes(doc: DsmDocument, ctx: ServiceContext): Scope[] {
  const scopes = serverScopes(doc, ctx.table);
  return doc.template ? scopes.filter((scope) => !hasPlaceholderNames(scope.lines)) : scopes;
}

/**
 * `prompted-only-option`: TCPCLIENTPORT / TCPCLIENTADDRESS matter only when the scheduler is prompted.
 * Not beside SESSIONINITIATION SERVERONLY: there every session starts on TCPCLIENTPORT, so they are
 * needed, not useless (the conflict with POLLING is serveronly-polling's to report).
 * https://www.ibm.com/support/knowledgecenter/SSGSG7_7.1.3/client/r_opt_sessioninitiation.html
 */
export const promptedOnlyOptions: Rule = (doc, ctx) => {
  const findings: Finding[] = [];
  for (const scope of hintScopes(doc, ctx)) {
    if (serverOnlyLine(ctx, scope)) continue;
    const mode = scope.keyword(Opt.SCHEDMODE);
    if (mode === 'prompted' || mayGive(doc, ctx, scope, Opt.SCHEDMODE, 'prompted')) continue;
    if (!scope.isSet(Opt.TCPCLIENTPORT) && !scope.isSet(Opt.TCPCLIENTADDRESS)) continue;
    for (const o of scope.lines) {
      if (!isOption(o, Opt.TCPCLIENTPORT) && !isOption(o, Opt.TCPCLIENTADDRESS)) continue;
      findings.push(
        finding(
          'prompted-only-option',
          lineRange(o),
          `${o.option!.name} only matters when SCHEDMODE is PROMPTED; with POLLING${mode ? '' : ' (the default)'} the client never listens for the server.`,
          [],
          UNNECESSARY,
        ),
      );
    }
  }
  return findings;
};

/** `scheduler-needs-generate`: the scheduler runs unattended, so it needs a stored (generated) or written password. */
export const schedulerNeedsGenerate: Rule = (doc, ctx) => {
  const findings: Finding[] = [];
  for (const scope of hintScopes(doc, ctx)) {
    const managed = scope.line(Opt.MANAGEDSERVICES);
    if (!managed || !scope.keywords(Opt.MANAGEDSERVICES).includes('schedule')) continue;
    const access = scope.line(Opt.PASSWORDACCESS);
    if (scope.keyword(Opt.PASSWORDACCESS) === 'generate' || mayGive(doc, ctx, scope, Opt.PASSWORDACCESS, 'generate'))
      continue;
    // A password written in the file (PASSWORD) also lets the scheduler log in unattended.
    if (scope.isSet(Opt.PASSWORD)) continue;
    const fix = access?.values[0]
      ? {
          title: 'Change PASSWORDACCESS to GENERATE',
          edits: [replaceWord(access.line, access.values[0], 'GENERATE')],
          preferred: true,
        }
      : {
          title: 'Add PASSWORDACCESS GENERATE',
          edits: [insertLineAfter(doc, managed, managed.indent, 'PASSWORDACCESS GENERATE')],
          preferred: true,
        };
    findings.push(
      finding(
        'scheduler-needs-generate',
        lineRange(managed),
        'The scheduler is managed here, but PASSWORDACCESS is not GENERATE: an unattended scheduler cannot type a password, so it cannot log in.',
        [fix],
      ),
    );
  }
  return findings;
};

/** `hash-comment`: `#` lines are read as comments in practice, but IBM documents only `*`. */
export const hashComments: Rule = (doc) =>
  doc.comments
    .filter((c) => c.marker === '#')
    .map((c) =>
      finding(
        'hash-comment',
        wordRange(c.line, { start: c.start, end: c.start + 1 }),
        'IBM documents only * as the comment character. # comment lines are seen in real files, but * is the one certain to work.',
        [
          {
            title: 'Use * for this comment',
            edits: [TextEdit.replace(Range.create(c.line, c.start, c.line, c.start + 1), '*')],
            preferred: true,
          },
        ],
      ),
    );
