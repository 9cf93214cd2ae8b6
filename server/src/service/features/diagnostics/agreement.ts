/**
 * Options that must agree with each other: PASSWORDACCESS across the stanzas
 * of a dsm.sys, ENCRYPTKEY with INCLUDE.ENCRYPT, a prompted scheduler with
 * its communication method; and PASSWORD, which GENERATE makes do nothing.
 */
import { OptionLine, isOption } from '../../../parser/document';
import { stanzaScope } from '../../scope';
import {
  Finding,
  Rule,
  UNNECESSARY,
  deleteLine,
  finding,
  hasPlaceholderNames,
  lineRange,
  replaceWord,
  wordRange,
} from './rule';
import { Opt } from '../../../model/opt';
import { VALUE } from './keywords';
import { clientScopes, keyword, unlessBranched } from './sessions';

/**
 * `passwordaccess-differs`: IBM's API configuration overview, on dsm.sys:
 * "If your dsm.sys file contains server stanzas, ensure that the
 * passwordaccess option specifies the same value (either prompt or
 * generate) in each of the stanzas."
 * https://www.ibm.com/docs/en/SSEQVQ_8.1.11/api/c_ovw_cfg_opt.html
 * Only values written in the stanzas are compared: a stanza that leaves
 * PASSWORDACCESS to its default is not judged (IBM's tip speaks of the value
 * the option specifies).
 */
export const passwordAccessDiffers: Rule = (doc, ctx) => {
  if (doc.fileKind !== 'sys') return [];
  const written: { stanza: string; line: OptionLine; value: string }[] = [];
  for (const s of doc.stanzas) {
    if (s.kind !== 'server' || (doc.template && hasPlaceholderNames(s.options))) continue;
    const line = stanzaScope(doc, s, ctx.table).line(Opt.PASSWORDACCESS);
    const value = keyword(ctx, line);
    if (line && value) written.push({ stanza: s.name, line, value });
  }
  const first = written[0];
  if (!first) return [];
  const findings: Finding[] = [];
  for (const w of written) {
    if (w.value === first.value) continue;
    const write = first.line.values[0].text.toUpperCase();
    const message =
      `PASSWORDACCESS is ${w.value.toUpperCase()} here but ${first.value.toUpperCase()} in stanza ${first.stanza} (line ${first.line.line + 1}). ` +
      "IBM's API configuration overview asks that every stanza of a dsm.sys give PASSWORDACCESS the same value (prompt or generate).";
    const f = finding('passwordaccess-differs', wordRange(w.line.line, w.line.values[0]), message, [
      {
        title: `Change PASSWORDACCESS to ${write}, as in stanza ${first.stanza}`,
        edits: [replaceWord(w.line.line, w.line.values[0], write)],
        preferred: false,
      },
    ]);
    findings.push(unlessBranched(doc, f, w.line, first.line));
  }
  return findings;
};

/**
 * `encryptkey-prompt`: IBM's encryptkey page: with prompt "your encryption
 * key is not saved" in the password file, while save keeps it there after
 * one initial prompt and generate keeps a generated key on the server.
 * https://www.ibm.com/docs/en/storage-protect/8.1.22?topic=reference-encryptkey
 * A scheduled backup of files that INCLUDE.ENCRYPT selects then has nobody
 * to type the key. Only an ENCRYPTKEY PROMPT written in the scope is
 * flagged: the excerpts of IBM's page we could read do not give the
 * backup-archive client's default.
 */
export const encryptKeyPrompt: Rule = (doc, ctx) => {
  const findings: Finding[] = [];
  for (const scope of clientScopes(doc, ctx)) {
    if (doc.template && hasPlaceholderNames(scope.options)) continue;
    const key = scope.line(Opt.ENCRYPTKEY);
    if (!key || keyword(ctx, key) !== VALUE.prompt) continue;
    const encrypt = scope.options.find((o) => isOption(o, Opt.INCLUDE_ENCRYPT));
    if (!encrypt) continue;
    const message =
      `ENCRYPTKEY PROMPT with INCLUDE.ENCRYPT (line ${encrypt.line + 1}): the client asks for the encryption key password at each backup and does not save it, ` +
      'so a scheduled backup has nobody to type it. Use ENCRYPTKEY SAVE (type the key once, in a backup run by hand; it is kept in the password file) or GENERATE (the key is kept on the server).';
    const word = key.values[0];
    const f = finding('encryptkey-prompt', wordRange(key.line, word), message, [
      {
        title: 'Change ENCRYPTKEY to SAVE (then run one backup by hand to store the key)',
        edits: [replaceWord(key.line, word, 'SAVE')],
        preferred: false,
      },
      {
        title: 'Change ENCRYPTKEY to GENERATE (the key is kept on the server)',
        edits: [replaceWord(key.line, word, 'GENERATE')],
        preferred: false,
      },
    ]);
    findings.push(unlessBranched(doc, f, key, encrypt));
  }
  return findings;
};

/**
 * `prompted-needs-tcpip`: IBM's schedmode page: "All communication methods
 * can use the client polling mode, but only TCP/IP can use the server
 * prompted mode." So SCHEDMODE PROMPTED with COMMMETHOD SHAREDMEM or
 * NAMEDPIPES is never prompted. (V6TCPIP is TCP/IP too, and not flagged.)
 * http://www-01.ibm.com/support/knowledgecenter/SSGSG7_7.1.4/client/r_opt_schedmode.html
 */
export const promptedNeedsTcpip: Rule = (doc, ctx) => {
  const findings: Finding[] = [];
  for (const scope of clientScopes(doc, ctx)) {
    if (doc.template && hasPlaceholderNames(scope.options)) continue;
    const method = scope.line(Opt.COMMMETHOD);
    const how = keyword(ctx, method);
    if (!method || !how || !VALUE.notTcpip.includes(how) || keyword(ctx, scope.line(Opt.SCHEDMODE)) !== VALUE.prompted)
      continue;
    const message =
      `SCHEDMODE PROMPTED with COMMMETHOD ${how.toUpperCase()}: IBM says only TCP/IP can use the server-prompted mode, so the server can never prompt this scheduler. ` +
      'Use SCHEDMODE POLLING, which every communication method can use.';
    findings.push(
      unlessBranched(
        doc,
        finding('prompted-needs-tcpip', wordRange(method.line, method.values[0]), message),
        method,
        scope.line(Opt.SCHEDMODE),
      ),
    );
  }
  return findings;
};

/**
 * `password-ignored`: IBM's passwordaccess page: "When passwordaccess
 * generate is set, the password option is ignored."
 * https://www.ibm.com/docs/en/storage-protect/8.1.22?topic=reference-passwordaccess
 */
export const passwordIgnored: Rule = (doc, ctx) => {
  const findings: Finding[] = [];
  for (const scope of clientScopes(doc, ctx)) {
    if (doc.template && hasPlaceholderNames(scope.options)) continue;
    if (!scope.isSet(Opt.PASSWORD) || keyword(ctx, scope.line(Opt.PASSWORDACCESS)) !== VALUE.generate) continue;
    for (const o of scope.all(Opt.PASSWORD)) {
      const message =
        'PASSWORD is ignored where PASSWORDACCESS is GENERATE (IBM): the client uses the password it generated and stored. The line does nothing but keep a password in the file.';
      const f = finding(
        'password-ignored',
        lineRange(o),
        message,
        [{ title: 'Remove the ignored PASSWORD line', edits: [deleteLine(doc, o.line)], preferred: false }],
        UNNECESSARY,
      );
      findings.push(unlessBranched(doc, f, o, scope.line(Opt.PASSWORDACCESS)));
    }
  }
  return findings;
};
