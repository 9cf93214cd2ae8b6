/**
 * A file's bytes as text, and the text back as the same kind of bytes. UTF-8
 * (with or without a BOM) and UTF-16 with a BOM are read and written back;
 * anything else is read byte for byte (as Latin-1, so that the ASCII the
 * checks look at is right) and never written: dsm-lint cannot know its
 * encoding, so it refuses to fix it rather than corrupt it.
 */
export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be';

export interface Decoded {
  /** The text, without its BOM. */
  text: string;
  /** undefined: not valid in any encoding dsm-lint writes (read as Latin-1, or binary). */
  encoding?: Encoding;
  bom: boolean;
  /** Holds NUL bytes and no UTF-16 BOM: not a text file. */
  binary?: boolean;
}

const BOMS: readonly [Encoding, readonly number[]][] = [
  ['utf-8', [0xef, 0xbb, 0xbf]],
  ['utf-16le', [0xff, 0xfe]],
  ['utf-16be', [0xfe, 0xff]],
];

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return bytes.length >= prefix.length && prefix.every((b, i) => bytes[i] === b);
}

function strict(encoding: Encoding, bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

export function decode(bytes: Uint8Array): Decoded {
  const latin1: Decoded = { text: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1'), bom: false };
  for (const [encoding, bom] of BOMS) {
    if (!startsWith(bytes, bom)) continue;
    const text = strict(encoding, bytes.subarray(bom.length));
    return text === undefined ? latin1 : { text, encoding, bom: true };
  }
  if (bytes.includes(0)) return { text: '', bom: false, binary: true };
  const text = strict('utf-8', bytes);
  return text === undefined ? latin1 : { text, encoding: 'utf-8', bom: false };
}

export function encode(text: string, encoding: Encoding, bom: boolean): Buffer {
  const prefix = Buffer.from(bom ? BOMS.find(([e]) => e === encoding)![1] : []);
  if (encoding === 'utf-8') return Buffer.concat([prefix, Buffer.from(text, 'utf8')]);
  const body = Buffer.from(text, 'utf16le');
  if (encoding === 'utf-16be') body.swap16();
  return Buffer.concat([prefix, body]);
}

/** Why this file cannot be written back exactly, or undefined when it can: encoding its text gives back its very bytes. */
export function whyNotWritable(bytes: Uint8Array, d: Decoded): string | undefined {
  if (!d.encoding) return 'it is not UTF-8 (nor UTF-16 with a BOM), so dsm-lint cannot rewrite it without risking its other characters';
  if (!encode(d.text, d.encoding, d.bom).equals(bytes)) return `its ${d.encoding} does not read back to the same bytes`;
  return undefined;
}
