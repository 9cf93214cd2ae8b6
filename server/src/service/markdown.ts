/**
 * Markdown for hovers and documentation. Everything taken from a document
 * goes through `escape`, so a value can never become a link, a command,
 * HTML or formatting.
 */

/** Backslash-escapes every ASCII punctuation character (CommonMark allows it for all of them) and flattens line breaks. */
export function escape(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>&~"':;=?@$%^,/]/g, '\\$&').replace(/[\r\n]+/g, ' ');
}

export function lines(...parts: (string | undefined | false)[]): string {
  return parts.filter((p): p is string => typeof p === 'string' && p.length > 0).join('\n\n');
}
