/**
 * Rules on each option line by itself: is the name an option, is it written
 * unambiguously, and is its value one the client accepts?
 */
import { Command, TextEdit } from 'vscode-languageserver-types';
import { COMMANDS } from '../../codes';
import { OptionLine, Word } from '../../../parser/document';
import { lineHasTemplate } from '../../../parser/template';
import { OptionSpec, OptionTable, isUnverified } from '../../../model/optionTable';
import { closest, distance } from '../../../model/similarity';
import { Finding, Fix, Rule, finding, replaceWord, wordRange } from './rule';

function rename(o: OptionLine, to: string, preferred: boolean): Fix {
  return { title: `Change to ${to}`, edits: [replaceWord(o.line, o.name, to)], preferred };
}

/** `unknown-option` and `ambiguous-abbreviation`. */
export const optionNames: Rule = (doc, ctx) => {
  const findings: Finding[] = [];
  // The same unknown name tends to come back line after line: look its neighbours up once.
  const nearby = new Map<string, OptionSpec[]>();
  for (const o of doc.options) {
    const r = o.resolution;
    // A name that holds a placeholder may render as any option: nothing to say of it.
    if (r.kind === 'match' || o.name.template) continue;
    const range = wordRange(o.line, o.name);
    if (r.kind === 'unknown') {
      let near = nearby.get(o.name.text);
      if (!near) {
        near = closest(o.name.text, ctx.table.options, (x) => x.name);
        nearby.set(o.name.text, near);
      }
      const fixes = near.map((x, i) => rename(o, x.name.toUpperCase(), i === 0));
      if (ctx.client.addKnownOptionCommand) {
        fixes.push({
          title: `Add ${o.name.text} to the known options of this workspace (dsm.knownOptions)`,
          edits: [],
          preferred: false,
          command: Command.create(`Add ${o.name.text} to dsm.knownOptions`, COMMANDS.addKnownOption, o.name.text),
        });
      }
      const hint = near.length ? ` Did you mean ${near.map((x) => x.name.toUpperCase()).join(', ')}?` : '';
      findings.push(
        finding(
          'unknown-option',
          range,
          `Unknown option ${o.name.text}: the client stops at start-up on an option it does not know.${hint}`,
          fixes,
        ),
      );
    } else if (r.kind === 'ambiguous' || r.kind === 'tooShort') {
      const names = r.items.map((x) => x.name);
      const why =
        r.kind === 'ambiguous'
          ? `${o.name.text} could mean any of ${names.join(', ')}.`
          : `${o.name.text} is shorter than the minimum abbreviation (the capitals) of ${names.slice(0, 5).join(', ')}${names.length > 5 ? ', ...' : ''}.`;
      const fixes = r.items.slice(0, 5).map((x, i) => rename(o, x.name.toUpperCase(), r.items.length === 1 && i === 0));
      findings.push(finding('ambiguous-abbreviation', range, `${why} Write more of the name.`, fixes));
    }
  }
  return findings;
};

function keywordProblem(table: OptionTable, option: OptionSpec, w: Word): string | undefined {
  const r = table.resolveKeyword(option, w.text);
  if (r.kind === 'match') return undefined;
  const allowed = table.keywords(option).join(', ');
  if (r.kind === 'unknown') return `${w.text} is not a value of ${option.name}. Allowed: ${allowed}.`;
  return `${w.text} is too short to tell which value of ${option.name} it means. Allowed: ${allowed}.`;
}

/** A number word without its `,D`-style suffix, when the option allows that suffix. */
function withoutSuffix(option: OptionSpec, text: string): string {
  const comma = text.lastIndexOf(',');
  if (comma === -1 || comma !== text.length - 2) return text;
  const letter = text[comma + 1].toUpperCase();
  return option.value.suffixes?.some((s) => s.toUpperCase() === letter) ? text.slice(0, comma) : text;
}

function numberProblem(table: OptionTable, option: OptionSpec, word: Word): string | undefined {
  const v = option.value;
  const w = { ...word, text: withoutSuffix(option, word.text) };
  if (v.keywords?.length && table.resolveKeyword(option, w.text).kind === 'match') return undefined;
  const range = `${v.min ?? 0} to ${v.max ?? '∞'}${v.unit ? ' ' + v.unit : ''}`;
  if (!/^\d+$/.test(w.text)) {
    const also = v.keywords?.length ? ` or ${v.keywords.join(', ')}` : '';
    return `${option.name} takes a number from ${range}${also}, not ${w.text}.`;
  }
  const n = Number(w.text);
  if ((v.min !== undefined && n < v.min) || (v.max !== undefined && n > v.max))
    return `${n} is out of range for ${option.name}: ${range}.`;
  return undefined;
}

function valueFixes(table: OptionTable, option: OptionSpec, o: OptionLine, w: Word): Fix[] {
  const v = option.value;
  if (v.type === 'number') {
    const n = Number(w.text);
    if (!Number.isFinite(n)) return [];
    const bound = v.min !== undefined && n < v.min ? v.min : v.max !== undefined && n > v.max ? v.max : undefined;
    return bound === undefined
      ? []
      : [{ title: `Change to ${bound}`, edits: [replaceWord(o.line, w, String(bound))], preferred: false }];
  }
  const keywords = table.keywords(option);
  const best = keywords.reduce((a, b) => (distance(w.text, b) < distance(w.text, a) ? b : a), keywords[0]);
  return keywords.map((k) => ({
    title: `Change to ${k.toUpperCase()}`,
    edits: [replaceWord(o.line, w, k.toUpperCase())],
    preferred: k === best,
  }));
}

/** `invalid-value`: a keyword outside the set, a number outside its range, or a quoted keyword. */
export const optionValues: Rule = (doc, ctx) => {
  const findings: Finding[] = [];
  for (const o of doc.options) {
    const option = o.option;
    if (!option || isUnverified(option, 'values')) continue;
    const type = option.value.type;
    if (type !== 'keyword' && type !== 'yesno' && type !== 'number') continue;
    if (!o.values.length) {
      // In a template, tags on the line may stand for the value (or the line may be joined to the next when rendered).
      if (doc.template && lineHasTemplate(doc.template.spans, o.line)) continue;
      findings.push(
        finding(
          'invalid-value',
          wordRange(o.line, o.name),
          `${option.name} needs a value: ${option.value.syntax ?? ''}`.trim(),
        ),
      );
      continue;
    }
    const values = o.values;
    // Real files put a note after the value (`MANAGEDSERVICES schedule * nightly`): the words from a `*` on are not checked.
    const note = values.findIndex((w) => !w.quote && w.text.startsWith('*'));
    const own = note === -1 ? values : values.slice(0, note);
    const checked = option.value.words === 'many' ? own : own.slice(0, 1);
    for (const [i, w] of checked.entries()) {
      // A placeholder is a value no check judges: it is known only once rendered.
      if (w.template) continue;
      if (w.quote) {
        const unquoted = w.text.trim();
        const valid = !(type === 'number'
          ? numberProblem(ctx.table, option, { ...w, text: unquoted })
          : keywordProblem(ctx.table, option, { ...w, text: unquoted }));
        // A word written right after the closing quote ("1""y") would run into the unquoted one: keep them apart.
        const glued = values[i + 1]?.start === w.end;
        const fixes: Fix[] = valid
          ? [
              {
                title: `Remove the quotes: ${unquoted}`,
                edits: [TextEdit.replace(wordRange(o.line, w), glued ? unquoted + ' ' : unquoted)],
                preferred: true,
              },
            ]
          : [];
        findings.push(
          finding(
            'invalid-value',
            wordRange(o.line, w),
            `The client rejects a quoted value for ${option.name}: quotes are only for file specifications with blanks or wildcards.`,
            fixes,
          ),
        );
        continue;
      }
      const problem = type === 'number' ? numberProblem(ctx.table, option, w) : keywordProblem(ctx.table, option, w);
      if (problem)
        findings.push(finding('invalid-value', wordRange(o.line, w), problem, valueFixes(ctx.table, option, o, w)));
    }
  }
  return findings;
};
