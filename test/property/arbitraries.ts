/**
 * fast-check generators of dsm.sys / dsm.opt text: valid option lines (names
 * and keywords from the option table, abbreviated and in mixed case),
 * comments, quotes balanced and not, tabs, CRLF/LF/CR mixes, a BOM, non-ASCII
 * and astral characters, lone surrogates, and plain junk.
 */
import fc from 'fast-check';
import { builtinOptionTable } from '../../server/src/model/optionTable';
import { minimumLength } from '../../server/src/model/abbreviations';
import { BUILTIN_SERVERS } from '../../server/src/model/serverCatalog';

const table = builtinOptionTable();
const OPTIONS = table.options;
/** The options the checks care most about, drawn more often than the rest. */
const FAVOURITES = [
  'SErvername',
  'REPLSERVERName',
  'SCHEDMODe',
  'TCPServeraddress',
  'TCPPort',
  'TCPCLIENTPort',
  'PASSWORDAccess',
  'MANAGEDServices',
  'DEFAULTServer',
  'INCLUDE',
  'EXCLUDE.DIR',
  'NODename',
  'COMMMethod',
  'QUERYSCHedperiod',
];

/** A spelling of a name that IBM's rule accepts: a prefix at least as long as the capitals, in any case. */
export function spelling(canonical: string): fc.Arbitrary<string> {
  const min = Math.max(1, minimumLength(canonical));
  return fc
    .tuple(
      fc.integer({ min, max: canonical.length }),
      fc.array(fc.boolean(), { minLength: canonical.length, maxLength: canonical.length }),
    )
    .map(([len, upper]) =>
      [...canonical.slice(0, len)].map((c, i) => (upper[i] ? c.toUpperCase() : c.toLowerCase())).join(''),
    );
}

const optionName: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...FAVOURITES).chain(spelling) },
  { weight: 3, arbitrary: fc.constantFrom(...OPTIONS.map((o) => o.name)).chain(spelling) },
  // Too short, unknown, or near misses.
  { weight: 1, arbitrary: fc.constantFrom(...OPTIONS.map((o) => o.name)).map((n) => n.slice(0, 2)) },
  {
    weight: 1,
    arbitrary: fc.constantFrom('frobnicate', 'schedmod', 'tcpserver_address', 'SERVERNAMEX', 'x', '-opt=value'),
  },
);

const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c));
const special = fc.constantFrom(
  '\t',
  ' ',
  '"',
  "'",
  '*',
  '#',
  '\uFEFF',
  '\u00A0',
  'é',
  'ß',
  '漢',
  '\u{1D518}',
  '\u{1F600}',
  '\u2028',
  '\0',
  '\\',
  '%',
  '$(rm -rf /)',
  '<script>',
  '[x](command:y)',
  '`',
  '\u0301',
);
/** Characters of every kind: ASCII, special ones, any code point, lone surrogates. Never a line break. */
const anyChar: fc.Arbitrary<string> = fc
  .oneof(
    { weight: 4, arbitrary: fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 1 }) },
    { weight: 3, arbitrary: special },
    { weight: 2, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }) },
    { weight: 1, arbitrary: loneSurrogate },
  )
  .map((s) => s.replace(/[\r\n]/g, ' '));
export const junk: fc.Arbitrary<string> = fc.array(anyChar, { maxLength: 24 }).map((a) => a.join(''));

const keyword: fc.Arbitrary<string> = fc
  .constantFrom(...[...new Set(OPTIONS.flatMap((o) => table.keywords(o)))])
  .chain(spelling);
const host = fc.constantFrom(
  ...BUILTIN_SERVERS.map((s) => s.address),
  'tsm.example.edu',
  '10.0.0.1',
  'BUCKY1.DOIT.WISC.EDU',
);
const port = fc.oneof(
  fc.constantFrom(...BUILTIN_SERVERS.map((s) => String(s.port))),
  fc.integer({ min: -5, max: 70000 }).map(String),
);
const path = fc.constantFrom('/home/.../*', 'C:\\Program Files\\x y\\*', '/data/my dir/*', '~/x', '\\\\server\\share');
const bareWord = fc.oneof(
  keyword,
  host,
  port,
  path,
  fc.constantFrom('D', 'S', 'MC_HOME', '*', '* note'),
  junk.map((s) => s.replace(/[ \t]/g, '')),
);
const quoted = fc
  .tuple(fc.constantFrom('"', "'"), fc.oneof(bareWord, junk), fc.constantFrom('"', "'", ''))
  .map(([open, body, close]) => open + body + close);
const value = fc.oneof(
  { weight: 5, arbitrary: bareWord },
  { weight: 2, arbitrary: quoted },
  { weight: 1, arbitrary: junk },
);

export const blanks = fc.array(fc.constantFrom(' ', '\t', ' ', '   '), { maxLength: 3 }).map((a) => a.join(''));
const separator = fc
  .array(fc.constantFrom(' ', '\t', '  ', '\u00A0'), { minLength: 1, maxLength: 3 })
  .map((a) => a.join(''));

export const optionLine: fc.Arbitrary<string> = fc
  .tuple(blanks, optionName, fc.array(fc.tuple(separator, value), { maxLength: 4 }), blanks)
  .map(([indent, name, values, trailing]) => indent + name + values.map(([sep, v]) => sep + v).join('') + trailing);

/** A value that fits the option (its keywords, a catalogued host or port, a number), sometimes quoted. */
function fittingValue(name: string): fc.Arbitrary<string> {
  const option = table.lookup(name)!;
  const keywords = table.keywords(option);
  const lower = name.toLowerCase();
  let base: fc.Arbitrary<string>;
  if (lower === 'schedmode') base = fc.constantFrom('PROMPTED', 'prompted', 'pr', 'PRompt', 'POLLING', 'po');
  else if (lower.endsWith('serveraddress')) base = host;
  else if (lower.endsWith('port')) base = port;
  else if (keywords.length) base = fc.constantFrom(...keywords).chain(spelling);
  else if (option.value.type === 'number')
    base = fc.integer({ min: (option.value.min ?? 0) - 2, max: (option.value.max ?? 100) + 2 }).map(String);
  else base = bareWord;
  const quotedForm = fc
    .tuple(fc.constantFrom('"', "'"), base, fc.constantFrom('"', "'", ''), fc.constantFrom('', ' ', 'x', '"y"'))
    .map(([o, b, c, after]) => o + b + c + after);
  return fc.oneof({ weight: 4, arbitrary: base }, { weight: 1, arbitrary: quotedForm });
}

const FITTED = [
  'SCHEDMODe',
  'SCHEDMODe',
  'TCPServeraddress',
  'TCPPort',
  'TCPCLIENTPort',
  'PASSWORDAccess',
  'MANAGEDServices',
  'COMMMethod',
  'QUERYSCHedperiod',
  'SSLREQuired',
  'SSL',
  'DEFAULTServer',
  'REPLTCPPort',
];
export const fittedLine: fc.Arbitrary<string> = fc
  .constantFrom(...FITTED)
  .chain((name) =>
    fc.tuple(
      blanks,
      spelling(name),
      separator,
      fittingValue(name),
      fc.array(fc.tuple(separator, fittingValue(name)), { maxLength: 1 }),
      blanks,
    ),
  )
  .map(
    ([indent, name, sep, v, more, trailing]) =>
      indent + name + sep + v + more.map(([s, w]) => s + w).join('') + trailing,
  );

export const commentLine: fc.Arbitrary<string> = fc
  .tuple(
    blanks,
    fc.constantFrom('*', '#', '****', '* dsm-disable-next-line', '* dsm-disable-next-line schedmode-prompted'),
    junk,
  )
  .map(([indent, marker, text]) => indent + marker + (text ? ' ' + text : ''));

export const stanzaHeader: fc.Arbitrary<string> = fc
  .tuple(blanks, spelling('SErvername'), separator, fc.constantFrom('bucky1', 'BUCKY2', 'archive', 'a', 'srv', ''))
  .map(([indent, name, sep, stanza]) => indent + name + sep + stanza);

export const line: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: optionLine },
  { weight: 4, arbitrary: fittedLine },
  { weight: 2, arbitrary: stanzaHeader },
  { weight: 2, arbitrary: commentLine },
  { weight: 1, arbitrary: blanks },
  { weight: 1, arbitrary: junk },
);

export const eol = fc.constantFrom('\n', '\n', '\r\n', '\r');

/** A whole document of such lines: joined by line endings that may be mixed, perhaps a BOM first, perhaps a final line break. */
function documentOf(lineOf: fc.Arbitrary<string>): fc.Arbitrary<string> {
  return fc
    .tuple(fc.boolean(), fc.array(fc.tuple(lineOf, eol), { maxLength: 30 }), fc.boolean(), fc.boolean())
    .map(([bom, lines, mixed, final]) => {
      const first = lines[0]?.[1] ?? '\n';
      const text = lines.map(([l, e]) => l + (mixed ? e : first)).join('');
      return (bom ? '\uFEFF' : '') + (final || !text ? text : text.slice(0, text.endsWith('\r\n') ? -2 : -1));
    });
}

export const documentText: fc.Arbitrary<string> = documentOf(line);

/** Pieces of Jinja, ERB and EPP: whole tags, tags left open or closing one opened on an earlier line, and lone delimiters. */
export const templatePiece: fc.Arbitrary<string> = fc.constantFrom(
  '{{ v }}',
  "{{ v | default('prompted') }}",
  '<%= @v %>',
  '<%= $v %>',
  '"{{ p }}/x"',
  '{# c #}',
  '<%# c %>',
  '{% if a %}',
  '{%- elif b -%}',
  '{% else %}',
  '{% endif %}',
  '{% for s in l %}',
  '{% endfor %}',
  '{% raw %}',
  '{% endraw %}',
  '<% if @a -%>',
  '<% else %>',
  '<% end -%>',
  '<% @l.each do |x| %>',
  '<% if $a { -%>',
  '<% } else { %>',
  '<% } %>',
  '{% if a and',
  '{{ v',
  '{#',
  '<% if',
  'b %}',
  '}}',
  '#}',
  '%>',
  '{%',
  '{{',
  '<%',
  '<%%',
  // Placeholders of files named as templates (dsm.sys.template), whole and in halves.
  '${V}',
  '${V:-1500}',
  '$V',
  '$(hostname)',
  '{name}',
  '{0}',
  '@V@',
  '${V',
  '{name',
  '@V',
  '$',
  '}',
);

/** Lines of a template: plain lines, tags alone, placeholders in values and names, and options between tags. */
export const templateLine: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: line },
  {
    weight: 3,
    arbitrary: fc
      .tuple(blanks, templatePiece, fc.constantFrom('', ' ', ' {# x #}', '{% endif %}'))
      .map(([b, t, rest]) => b + t + rest),
  },
  { weight: 2, arbitrary: fc.tuple(line, templatePiece).map(([l, t]) => `${l} ${t}`) },
  { weight: 2, arbitrary: fc.tuple(templatePiece, line, templatePiece).map(([a, l, b]) => a + l.trimStart() + b) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      '{{ key }} {{ value }}',
      '<%= key %>   <%= value %>',
      '{% for s in l %}SErvername {{ s.name }}',
      '   SCHEDMODE {{ mode }}',
      'SErvername <%= @name %>',
    ),
  },
);

export const templateText: fc.Arbitrary<string> = documentOf(templateLine);

export const templateUri = fc.constantFrom(
  'file:///roles/tsm/templates/dsm.sys.j2',
  'file:///roles/tsm/templates/dsm.opt.j2',
  'file:///modules/tsm/templates/dsm.sys.erb',
  'file:///modules/tsm/templates/dsm.sys.epp',
  'file:///cookbooks/tsm/templates/dsm_win.opt.erb',
  // Named as templates without a language (the text tells), and plain names read as templates by their tags alone.
  'file:///image/dsm.sys.template',
  'file:///image/dsm.opt.in',
  'file:///srv/salt/tsm/files/dsm.sys',
  'file:///srv/salt/tsm/files/dsm.opt',
);

export const uri = fc.constantFrom(
  'file:///etc/tsm/dsm.sys',
  'file:///opt/tivoli/dsm.opt',
  'file:///c%3A/tsm/dsm_nightly.opt',
  'untitled:Untitled-1',
  'file:///etc/tsm/dsm.sys.smp',
);
export const namedUri = fc.constantFrom(
  'file:///etc/tsm/dsm.sys',
  'file:///opt/tivoli/dsm.opt',
  'file:///c%3A/tsm/dsm_nightly.opt',
);

/** A position, usually inside the text, sometimes past its end. */
export const position = fc.record({
  line: fc.integer({ min: 0, max: 40 }),
  character: fc.integer({ min: 0, max: 90 }),
});
