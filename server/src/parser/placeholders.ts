/**
 * Placeholders of the simpler template tools, in files named as templates
 * (`dsm.sys.template`, `dsm.opt.in`, `dsm.sys.tpl`, and the Jinja, ERB and
 * EPP ones): `${VAR}`, `$VAR` and `$(command)` (envsubst, shell here-documents),
 * `{name}` (Python's str.format) and `@VAR@` (autoconf, CMake's
 * configure_file); `\$` is a literal `$`, as in a here-document. Never in plain files: there `$` and braces are literal
 * text of real values (Windows' `C:\$Recycle.Bin`, IBM's braces around a file
 * space name, `"{/Volumes/Macintosh HD}/.../*"`).
 *
 * A placeholder stands on one line and renders as a value: the scanner
 * (template.ts) makes it a tag of kind `expression`, so that everything the parser and the checks do
 * for `{{ value }}` (never judge it, read the literal words around it) holds
 * for it too.
 */
/**
 * One placeholder, from its first character. Python's replacement field is
 * a name, a number or nothing, then attribute and index parts, a conversion
 * and a format spec; its first character is never `/` or `\`, so IBM's
 * braced file space names are not one.
 */
const PLACEHOLDER = new RegExp(
  [
    /\$\{(?:[^{}\r\n]|\{[^{}\r\n]*\})*\}/.source,
    /\$\((?:[^()\r\n]|\([^()\r\n]*\))*\)/.source,
    /\$[A-Za-z_][A-Za-z0-9_]*/.source,
    /@[A-Za-z_][A-Za-z0-9_]*@/.source,
    /\{(?:[A-Za-z_][A-Za-z0-9_]*|\d+)?(?:\.[A-Za-z_][A-Za-z0-9_]*|\[[^\]\s{}]+\])*(?:![rsa])?(?::[^{}\s]*)?\}/.source,
  ].join('|'),
  'y',
);

const DOLLAR = 36;
const BACKSLASH = 92;

/** The characters a placeholder starts with. */
const STARTS = /[$@{]/g;

/** Where a tag or a placeholder is in the text (end exclusive). */
interface Span {
  start: number;
  end: number;
}

/** The placeholders in [from, to) of the text, each made by `make`. */
function placeholdersIn<T extends Span>(
  text: string,
  from: number,
  to: number,
  into: T[],
  make: (start: number, end: number) => T,
): void {
  STARTS.lastIndex = from;
  for (let m = STARTS.exec(text); m && m.index < to; m = STARTS.exec(text)) {
    // `\$` is a literal `$` in a here-document, and Windows writes it in paths (`C:\$Recycle.Bin`).
    if (text.charCodeAt(m.index) === DOLLAR && text.charCodeAt(m.index - 1) === BACKSLASH) {
      STARTS.lastIndex = m.index + 2;
      continue;
    }
    PLACEHOLDER.lastIndex = m.index;
    const p = PLACEHOLDER.exec(text);
    if (!p || PLACEHOLDER.lastIndex > to) continue;
    into.push(make(m.index, PLACEHOLDER.lastIndex));
    STARTS.lastIndex = PLACEHOLDER.lastIndex;
  }
}

/** The tags, with the placeholders found outside them (each made by `make`), in order. */
export function withPlaceholders<T extends Span>(
  text: string,
  tags: readonly T[],
  make: (start: number, end: number) => T,
): T[] {
  const all: T[] = [];
  let from = 0;
  for (const t of tags) {
    placeholdersIn(text, from, t.start, all, make);
    all.push(t);
    from = t.end;
  }
  placeholdersIn(text, from, text.length, all, make);
  return all;
}

/** Can this text (a line) hold a placeholder, or be part of one? */
export function holdsPlaceholderMarks(text: string): boolean {
  return /[$@{}]/.test(text);
}
