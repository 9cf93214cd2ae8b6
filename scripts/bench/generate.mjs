// Generates realistic dsm.sys text of a given number of lines, deterministically
// (a small seeded PRNG): a banner, DEFAULTServer, then server stanzas with
// connection and scheduling options, logging, and long include/exclude lists
// with quoted paths and management classes, interleaved with comments.

/** mulberry32: a tiny deterministic PRNG. */
export function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SERVERS = [
  ['bucky1.doit.wisc.edu', 1499],
  ['bucky2.doit.wisc.edu', 1500],
  ['bucky5.doit.wisc.edu', 1503],
  ['bl1.doit.wisc.edu', 1501],
  ['bl2.doit.wisc.edu', 1502],
  ['ba1.doit.wisc.edu', 1501],
  ['tsm.example.edu', 1500],
];
const DIRS = ['home', 'data', 'srv', 'var/lib', 'opt/app', 'export/projects', 'scratch', 'db/backup'];
const WORDS = ['alpha', 'beta', 'lab', 'shared', 'my dir', 'Program Files', 'archive 2024', 'logs', 'cache', 'tmp'];
const CLASSES = ['MC_HOME', 'MC_PROJECTS', 'MC_DB', 'MC_LONG', 'DEFAULT_MC'];
const INCLEXCL = [
  'INCLUDE',
  'EXCLUDE',
  'EXCLUDE.DIR',
  'INCLUDE.ENCRYPT',
  'EXCLUDE.COMPRESSION',
  'INCLUDE.COMPRESSION',
  'EXCLUDE.BACKUP',
  'EXCLUDE.ARCHIVE',
  'EXCLUDE.FS',
  'INCLUDE.FILE',
];

function pick(r, list) {
  return list[Math.floor(r() * list.length)];
}

function pad(name, width = 20) {
  return name.length >= width ? name + ' ' : name + ' '.repeat(width - name.length);
}

function stanzaHead(r, n) {
  const [host, port] = pick(r, SERVERS);
  const indent = r() < 0.2 ? '\t' : '   ';
  const mode = r() < 0.8 ? 'POLLING' : r() < 0.5 ? 'PROMPTED' : 'poll';
  return [
    '',
    `* Stanza ${n}: ${host}`,
    `SErvername  SRV${n}`,
    indent + pad('COMMMethod') + 'TCPip',
    indent + pad(r() < 0.5 ? 'TCPServeraddress' : 'tcps') + host,
    indent + pad(r() < 0.5 ? 'TCPPort' : 'tcpp') + port,
    indent + pad('PASSWORDAccess') + 'GENERATE',
    indent + pad('SCHEDMODe') + mode,
    indent + pad('QUERYSCHedperiod') + (1 + Math.floor(r() * 12)),
    indent + pad('NODename') + `node${n}.chem.wisc.edu`,
    indent + pad('MANAGEDServices') + 'schedule webclient',
    indent +
      pad('ERRORLOGName') +
      (r() < 0.5 ? `/var/log/tsm/dsmerror-${n}.log` : `"/var/log/tsm dir/dsmerror ${n}.log"`),
    indent + pad('ERRORLOGRetention') + '14 D',
    indent + pad('SCHEDLOGName') + `/var/log/tsm/dsmsched-${n}.log`,
    indent + pad('SCHEDLOGRetention') + '30 D',
    indent + '* Include/exclude list: evaluated from the bottom up',
  ];
}

function inclExclLine(r, indent) {
  const verb = pick(r, INCLEXCL);
  const dir = pick(r, DIRS);
  const word = pick(r, WORDS);
  const spaced = word.includes(' ');
  const path = `/${dir}/${word}/.../*${r() < 0.3 ? '.log' : ''}`;
  const quoted = spaced ? (r() < 0.5 ? `"${path}"` : `'${path}'`) : r() < 0.1 ? `"${path}"` : path;
  const mc = verb.startsWith('INCLUDE') && r() < 0.5 ? '  ' + pick(r, CLASSES) : '';
  return indent + pad(verb) + quoted + mc;
}

/** Realistic dsm.sys text of exactly `lines` lines (LF), reproducible from `seed`. */
export function generateDsmSys(lines, seed = 1) {
  const r = rng(seed);
  const out = [
    '************************************************************************',
    '* dsm.sys -- IBM Spectrum Protect client system options (generated)',
    '************************************************************************',
    'DEFAULTServer  SRV1',
  ];
  let n = 0;
  // A stanza every ~400 lines on average: many stanzas, long lists.
  while (out.length < lines) {
    n++;
    out.push(...stanzaHead(r, n));
    const indent = r() < 0.2 ? '\t' : '   ';
    const body = 150 + Math.floor(r() * 500);
    for (let i = 0; i < body && out.length < lines; i++) {
      const x = r();
      if (x < 0.06) out.push(indent + '* ' + pick(r, WORDS) + ' files, reviewed ' + (2000 + Math.floor(r() * 25)));
      else if (x < 0.08) out.push('');
      else out.push(inclExclLine(r, indent));
    }
  }
  out.length = lines;
  return out.join('\n');
}
