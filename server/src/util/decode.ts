/**
 * The one way a file's bytes become text, wherever they are read: the Node
 * server's file reader (session/nodeFiles.ts), the VS Code client's answer to
 * dsm/readFile (the desktop and the browser) and dsm-lint. Pure and
 * browser-safe: TextDecoder only, no Buffer.
 *
 * - UTF-8, with or without a BOM (the BOM is not part of the text);
 * - UTF-16 LE or BE with a BOM (Windows editors save option files so);
 * - anything else that is not valid UTF-8 is read byte for byte as Latin-1
 *   (ISO 8859-1: byte n is U+00nn), so the ASCII the checks look at is right;
 * - bytes holding NUL without a UTF-16 BOM are not text (`binary`).
 */
export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be';

export interface Decoded {
  /** The text, without its BOM ('' when binary). */
  text: string;
  /** undefined: read as Latin-1 (not valid UTF-8 nor UTF-16 with a BOM), or binary. */
  encoding?: Encoding;
  bom: boolean;
  /** Holds NUL bytes and no UTF-16 BOM: not a text file. */
  binary?: boolean;
}

/** Each encoding's byte order mark. */
export const BOMS: Readonly<Record<Encoding, readonly number[]>> = {
  'utf-8': [0xef, 0xbb, 0xbf],
  'utf-16le': [0xff, 0xfe],
  'utf-16be': [0xfe, 0xff],
};

/** Tried in this order: the UTF-8 BOM first (EF BB BF cannot be mistaken for a UTF-16 one). */
const BY_BOM: readonly Encoding[] = ['utf-8', 'utf-16le', 'utf-16be'];

/** One strict decoder per encoding, made when first needed (decode() without `stream` keeps no state between calls). */
const decoders = new Map<Encoding, TextDecoder>();

function strict(encoding: Encoding, bytes: Uint8Array): string | undefined {
  let decoder = decoders.get(encoding);
  if (!decoder) decoders.set(encoding, (decoder = new TextDecoder(encoding, { fatal: true, ignoreBOM: true })));
  try {
    return decoder.decode(bytes);
  } catch {
    return undefined;
  }
}

/**
 * Byte n as U+00nn. Not TextDecoder('latin1'): the Encoding Standard maps
 * that label to windows-1252, which reads 0x80-0x9F as other characters.
 */
export function latin1(bytes: Uint8Array): string {
  const CHUNK = 8192;
  let text = '';
  for (let i = 0; i < bytes.length; i += CHUNK) text += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  return text;
}

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  if (bytes.length < prefix.length) return false;
  for (let i = 0; i < prefix.length; i++) if (bytes[i] !== prefix[i]) return false;
  return true;
}

export function decode(bytes: Uint8Array): Decoded {
  for (const encoding of BY_BOM) {
    const bom = BOMS[encoding];
    if (!startsWith(bytes, bom)) continue;
    const text = strict(encoding, bytes.subarray(bom.length));
    return text === undefined ? { text: latin1(bytes), bom: false } : { text, encoding, bom: true };
  }
  if (bytes.includes(0)) return { text: '', bom: false, binary: true };
  const text = strict('utf-8', bytes);
  return text === undefined ? { text: latin1(bytes), bom: false } : { text, encoding: 'utf-8', bom: false };
}

/** The text of a file, as the editor and the server read it: undefined when it is not text (NUL bytes, no UTF-16 BOM). */
export function decodeText(bytes: Uint8Array): string | undefined {
  const d = decode(bytes);
  return d.binary ? undefined : d.text;
}
