/**
 * IBM's minimum-abbreviation rule, shared by option names and keyword values.
 *
 * IBM writes each name with its minimum abbreviation in capitals
 * (`SCHEDMODe`, `TCPServeraddress`, `POlling`). Any prefix of the full name
 * that is at least as long as the capitalised part is valid. Matching is
 * case-insensitive.
 */

/** Length of the leading run of capitals (and digits, dots, dashes): the minimum abbreviation. */
export function minimumLength(canonical: string): number {
  for (let i = 0; i < canonical.length; i++) {
    const c = canonical.charCodeAt(i);
    if (c >= 97 && c <= 122) return i; // a-z: first lower-case letter ends the required part
  }
  return canonical.length;
}

export type Resolution<T> =
  | { kind: 'match'; item: T }
  /** The word is a valid abbreviation of several items. */
  | { kind: 'ambiguous'; items: T[] }
  /** The word starts one or more names but is shorter than their minimum abbreviation. */
  | { kind: 'tooShort'; items: T[] }
  | { kind: 'unknown' };

interface Slot<T> {
  exact?: T;
  valid: T[];
  short: T[];
}

/**
 * Maps every prefix of every name to the items it may stand for, so that a
 * look-up is one `Map.get`, whatever the size of the table.
 */
export class AbbreviationIndex<T> {
  private readonly slots = new Map<string, Slot<T>>();

  constructor(entries: Iterable<readonly [canonical: string, item: T]>) {
    for (const [canonical, item] of entries) {
      const full = canonical.toLowerCase();
      const min = Math.max(1, minimumLength(canonical));
      for (let len = 1; len <= full.length; len++) {
        const key = full.slice(0, len);
        let slot = this.slots.get(key);
        if (!slot) {
          slot = { valid: [], short: [] };
          this.slots.set(key, slot);
        }
        if (len === full.length) slot.exact = item;
        (len >= min ? slot.valid : slot.short).push(item);
      }
    }
  }

  resolve(word: string): Resolution<T> {
    const slot = this.slots.get(word.toLowerCase());
    if (!slot) return { kind: 'unknown' };
    if (slot.exact !== undefined) return { kind: 'match', item: slot.exact };
    if (slot.valid.length === 1) return { kind: 'match', item: slot.valid[0] };
    if (slot.valid.length > 1) return { kind: 'ambiguous', items: slot.valid };
    return { kind: 'tooShort', items: slot.short };
  }

  /** The item a word stands for, or undefined when it is unknown, ambiguous or too short. */
  lookup(word: string): T | undefined {
    const r = this.resolve(word);
    return r.kind === 'match' ? r.item : undefined;
  }
}
