/**
 * Markdown for hovers and documentation, and its plain-text form for clients
 * that show only plain text. Everything taken from a document goes through
 * `escape`, so a value can never become a link, a command, HTML or
 * formatting. The features write only a small part of Markdown (bold,
 * inline code, code blocks, list items, backslash escapes), which is all
 * toPlainText has to undo.
 */
import { MarkupContent, MarkupKind } from 'vscode-languageserver-types';

/** Backslash-escapes every ASCII punctuation character (CommonMark allows it for all of them) and flattens line breaks. */
export function escape(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>&~"':;=?@$%^,/]/g, '\\$&').replace(/[\r\n]+/g, ' ');
}

export function lines(...parts: (string | undefined | false)[]): string {
  return parts.filter((p): p is string => typeof p === 'string' && p.length > 0).join('\n\n');
}

/** The text a reader of the Markdown sees: escapes resolved, emphasis and code marks gone, code blocks as their lines. */
export function toPlainText(markdown: string): string {
  return markdown
    .split(/(^```[^\n]*\n[\s\S]*?\n```$)/m)
    .map((part, i) => (i % 2 === 1 ? part.replace(/^```[^\n]*\n|\n```$/g, '') : plainInline(part)))
    .join('');
}

function plainInline(text: string): string {
  // The features' own links (never text from a document, which is escaped) read as "text (address)".
  return text
    .replace(/\[([^\]]*)\]\((https?:\/\/[^\s)]+)\)/g, '$1 ($2)')
    .replace(/\\([!-/:-@[-`{-~])|\*\*|`/g, (_, escaped: string | undefined) => escaped ?? '');
}

/** Markdown as the client wants it: as it is, or as plain text. */
export function markup(markdown: string, kind: MarkupKind = MarkupKind.Markdown): MarkupContent {
  return kind === MarkupKind.PlainText ? { kind, value: toPlainText(markdown) } : { kind, value: markdown };
}

/**
 * A link that runs a client command with arguments (`command:id?args`), for
 * clients that run command links in hovers (VS Code, where the client trusts
 * this command). The arguments are JSON, percent-encoded with the brackets
 * too, so nothing from a document can end the link or add to it.
 */
export function commandLink(title: string, command: string, args: unknown[]): string {
  const encoded = encodeURIComponent(JSON.stringify(args)).replace(
    /[()'!*]/g,
    (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase(),
  );
  return `[${escape(title)}](command:${command}?${encoded})`;
}
