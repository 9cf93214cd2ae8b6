/**
 * Option names as the scanner meets them: each distinct spelling resolved
 * once against the option table, and shared by every line that writes it.
 */
import { OptionSpec, OptionTable } from '../model/optionTable';
import { Resolution } from '../model/abbreviations';
import type { Word } from './types';

/*
 * Performance notes. A large file is mostly include/exclude lines, and what
 * costs there is not the scanning but the garbage collector: every object
 * the parse keeps alive is copied by the young-generation collector and then
 * promoted, so the parser keeps as few distinct objects per line as it can.
 * Option names, their resolutions and indents repeat from line to line, so
 * they are shared (interned) instead of allocated per line; the strings the
 * parse keeps are the same strings either way.
 */

/** A name as written, with what it resolves to: one object per distinct spelling, shared by every line that uses it. */
export interface NameInfo {
  text: string;
  resolution: Resolution<OptionSpec>;
  option: OptionSpec | undefined;
  /** The name's Word at each start column (up to MAX_SHARED_COLUMN): lines written alike share it. */
  words: Word[];
  hash: number;
}

const MAX_SHARED_COLUMN = 64;

/** The Word of a name at a column; shared by the lines that write the same name at the same column. */
export function nameWord(info: NameInfo, start: number): Word {
  if (start > MAX_SHARED_COLUMN) return { text: info.text, start, end: start + info.text.length };
  return (info.words[start] ??= { text: info.text, start, end: start + info.text.length });
}

/**
 * Per option table, the names already resolved, found by the characters of
 * the line itself (no string is made to look one up). Bounded: emptied when
 * it holds NAME_CACHE_LIMIT spellings.
 */
export class NameCache {
  private slots: (NameInfo | undefined)[] = new Array(NAME_CACHE_SLOTS);
  private size = 0;
  /** The name met last: include and exclude lists write the same name line after line, found again without hashing it. */
  private last: NameInfo | undefined;

  constructor(private readonly table: OptionTable) {}

  /** The name written at [from, to) of the text. */
  get(text: string, from: number, to: number): NameInfo {
    const length = to - from;
    if (length > NAME_CACHE_MAX_LENGTH) return this.make(text.slice(from, to));
    const last = this.last;
    if (last !== undefined && sameText(last.text, text, from, length)) return last;
    let hash = length;
    for (let i = from; i < to; i++) hash = (Math.imul(hash, 31) + text.charCodeAt(i)) | 0;
    const mask = NAME_CACHE_SLOTS - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const info = this.slots[slot];
      if (info === undefined) break;
      if (info.hash === hash && sameText(info.text, text, from, length)) return (this.last = info);
    }
    const info = this.make(text.slice(from, to));
    info.hash = hash;
    if (this.size >= NAME_CACHE_LIMIT) {
      this.slots = new Array(NAME_CACHE_SLOTS);
      this.size = 0;
    }
    let slot = hash & mask;
    while (this.slots[slot] !== undefined) slot = (slot + 1) & mask;
    this.slots[slot] = info;
    this.size++;
    return (this.last = info);
  }

  private make(text: string): NameInfo {
    const resolution = this.table.resolve(text);
    return { text, resolution, option: resolution.kind === 'match' ? resolution.item : undefined, words: [], hash: 0 };
  }
}

function sameText(a: string, text: string, from: number, length: number): boolean {
  if (a.length !== length) return false;
  for (let i = 0; i < length; i++) if (a.charCodeAt(i) !== text.charCodeAt(from + i)) return false;
  return true;
}

/** Open addressing: a power of two, at least twice NAME_CACHE_LIMIT so that probes stay short. */
const NAME_CACHE_SLOTS = 8192;
const NAME_CACHE_LIMIT = 4096;
/** Names longer than this are not cached (they are rarely options, and would make the cache hold large strings). */
const NAME_CACHE_MAX_LENGTH = 64;
const nameCaches = new WeakMap<OptionTable, NameCache>();

export function nameCacheFor(table: OptionTable): NameCache {
  let names = nameCaches.get(table);
  if (!names) {
    names = new NameCache(table);
    nameCaches.set(table, names);
  }
  return names;
}
