/**
 * dsm-lint's side of encodings: a file's text back as the same kind of bytes.
 * Reading is the shared decoder's (util/decode.ts, the same in the server
 * and the VS Code client). UTF-8 (with or without a BOM) and UTF-16 with a
 * BOM are written back; a file read as Latin-1 is never written: dsm-lint
 * cannot know its encoding, so it refuses to fix it rather than corrupt it.
 */
import { BOMS, Decoded, Encoding } from '../util/decode';

export { decode } from '../util/decode';
export type { Decoded, Encoding } from '../util/decode';

export function encode(text: string, encoding: Encoding, bom: boolean): Buffer {
  const prefix = Buffer.from(bom ? BOMS[encoding] : []);
  if (encoding === 'utf-8') return Buffer.concat([prefix, Buffer.from(text, 'utf8')]);
  const body = Buffer.from(text, 'utf16le');
  if (encoding === 'utf-16be') body.swap16();
  return Buffer.concat([prefix, body]);
}

/** Why this file cannot be written back exactly, or undefined when it can: encoding its text gives back its very bytes. */
export function whyNotWritable(bytes: Uint8Array, d: Decoded): string | undefined {
  if (!d.encoding)
    return 'it is not UTF-8 (nor UTF-16 with a BOM), so dsm-lint cannot rewrite it without risking its other characters';
  if (!encode(d.text, d.encoding, d.bom).equals(bytes)) return `its ${d.encoding} does not read back to the same bytes`;
  return undefined;
}
