/**
 * Rules on names IBM documents limits for: options IBM has removed or
 * renamed (`removed-option`), and server stanza names (`stanza-name`).
 */
import { DsmDocument, OptionLine } from '../../../parser/document';
import { OptionSpec, isRemoved } from '../../../model/optionTable';
import { Finding, Fix, Rule, finding, replaceWord, wordRange } from './rule';

/**
 * A server stanza name is at most 64 characters, without blanks. IBM's pages as read do not state it; NixOS's
 * tsm-client module asserts it ("TSM rejects servername strings longer than 64 chars": strMatching "[^[:space:]]{1,64}",
 * https://github.com/NixOS/nixpkgs/blob/master/nixos/modules/programs/tsm-client.nix), and a name with a blank
 * reads as the name plus a stray word. IBM's Client options reference on stanzas:
 * https://www.ibm.com/support/knowledgecenter/SSEQVQ_8.1.2/client/c_opt_clioptref.html
 */
export const STANZA_NAME_MAX = 64;

/** The replacement's name, when the old option takes the same values (then renaming the word is the whole fix). */
function renameFix(doc: DsmDocument, o: OptionLine, option: OptionSpec, ctx: Parameters<Rule>[1]): Fix[] {
  const replacement = option.replacedBy ? ctx.table.lookup(option.replacedBy) : undefined;
  if (
    !replacement ||
    JSON.stringify({ ...replacement.value, syntax: '' }) !== JSON.stringify({ ...option.value, syntax: '' })
  )
    return [];
  const name = replacement.name.toUpperCase();
  return [{ title: `Change to ${name}`, edits: [replaceWord(o.line, o.name, name)], preferred: true }];
}

/** `removed-option`: an option IBM removed, renamed or replaced; the message says the version and the replacement. */
export const removedOptions: Rule = (doc, ctx) => {
  const findings: Finding[] = [];
  for (const o of doc.options) {
    const option = o.option;
    if (!option || !isRemoved(option) || o.name.template) continue;
    const when = option.removedIn ? `in version ${option.removedIn}` : '(IBM does not say in which version)';
    const what = option.replacedBy
      ? `IBM replaced ${option.name} by ${option.replacedBy.toUpperCase()} ${when}`
      : `IBM removed ${option.name} ${when}`;
    const still = option.stillAccepted
      ? '; the client still accepts the old name for now, but IBM documents only the new one'
      : '';
    const page = option.source ? ` IBM's page: ${option.source.url}` : '';
    findings.push(
      finding('removed-option', wordRange(o.line, o.name), `${what}${still}.${page}`, renameFix(doc, o, option, ctx)),
    );
  }
  return findings;
};

/** `stanza-name`: a dsm.sys server stanza whose name is longer than 64 characters or holds a blank. */
export const stanzaNames: Rule = (doc) => {
  const findings: Finding[] = [];
  if (doc.fileKind !== 'sys') return findings;
  for (const s of doc.stanzas) {
    if (s.kind !== 'server') continue;
    const [first, ...rest] = s.header.values;
    if (!first || first.template) continue;
    // Words after the name, up to a trailing `* note`.
    const note = rest.findIndex((w) => !w.quote && w.text.startsWith('*'));
    const extra = note === -1 ? rest : rest.slice(0, note);
    if (/\s/.test(first.text) || (extra.length > 0 && !extra.some((w) => w.template))) {
      const last = extra.length ? extra[extra.length - 1] : first;
      findings.push(
        finding(
          'stanza-name',
          { start: { line: s.header.line, character: first.start }, end: { line: s.header.line, character: last.end } },
          `A server stanza name holds no blanks: "${[first, ...extra].map((w) => w.text).join(' ')}" is not one name. Write it as one word (for example with - or _).`,
        ),
      );
    } else if (first.text.length > STANZA_NAME_MAX) {
      findings.push(
        finding(
          'stanza-name',
          wordRange(s.header.line, first),
          `The server stanza name ${first.text} has ${first.text.length} characters; a server name is at most ${STANZA_NAME_MAX}, and the client rejects a longer one.`,
        ),
      );
    }
  }
  return findings;
};
