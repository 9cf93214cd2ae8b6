/** The one decoder of files (server/src/util/decode.ts), as the server, the VS Code client and dsm-lint read them. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { decode, decodeText } from '../../server/src/util/decode';

const TEXT = 'SErvername  zürich\r\n   DOMain "/données" /€\r\n';
const utf8 = (s: string) => new TextEncoder().encode(s);
const utf16le = (s: string) => Uint8Array.from(Buffer.from(s, 'utf16le'));
const utf16be = (s: string) => Uint8Array.from(Buffer.from(s, 'utf16le').swap16());
const join = (...parts: (number[] | Uint8Array)[]) => Uint8Array.from(parts.flatMap((p) => [...p]));

describe('decode: the bytes of a file as text', () => {
  it('reads UTF-8 without a BOM', () => {
    assert.deepEqual(decode(utf8(TEXT)), { text: TEXT, encoding: 'utf-8', bom: false });
  });

  it('reads UTF-8 with a BOM, which is not part of the text', () => {
    assert.deepEqual(decode(join([0xef, 0xbb, 0xbf], utf8(TEXT))), { text: TEXT, encoding: 'utf-8', bom: true });
  });

  it('reads UTF-16 little- and big-endian with their BOM, which is not part of the text', () => {
    assert.deepEqual(decode(join([0xff, 0xfe], utf16le(TEXT))), { text: TEXT, encoding: 'utf-16le', bom: true });
    assert.deepEqual(decode(join([0xfe, 0xff], utf16be(TEXT))), { text: TEXT, encoding: 'utf-16be', bom: true });
  });

  it('reads bytes that are not UTF-8 as Latin-1, byte n as U+00nn (0x80-0x9F included, unlike windows-1252)', () => {
    const bytes = join(utf8('DOMain "/donn'), [0xe9, 0x65, 0x73, 0x22, 0x20, 0x80, 0x9f, 0xff]);
    assert.deepEqual(decode(bytes), { text: 'DOMain "/données" \x80\x9f\xff', bom: false });
  });

  it('reads a long Latin-1 file whole (it is converted in chunks)', () => {
    const bytes = new Uint8Array(100_000).map((_, i) => (i % 7 === 0 ? 0xe9 : 0x41 + (i % 26)));
    const text = decode(bytes).text;
    assert.equal(text.length, bytes.length);
    assert.ok([...bytes].every((b, i) => text.charCodeAt(i) === b));
  });

  it('calls bytes with NUL and no UTF-16 BOM binary, and gives them no text', () => {
    assert.deepEqual(decode(utf16le(TEXT)), { text: '', bom: false, binary: true });
    assert.equal(decodeText(utf16le(TEXT)), undefined);
    assert.equal(decodeText(join([0xff, 0xfe], utf16le(TEXT))), TEXT);
  });

  it('reads an empty file and a file that is only a BOM as empty text', () => {
    assert.deepEqual(decode(new Uint8Array()), { text: '', encoding: 'utf-8', bom: false });
    assert.deepEqual(decode(Uint8Array.from([0xef, 0xbb, 0xbf])), { text: '', encoding: 'utf-8', bom: true });
    assert.deepEqual(decode(Uint8Array.from([0xff, 0xfe])), { text: '', encoding: 'utf-16le', bom: true });
  });
});
