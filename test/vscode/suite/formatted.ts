/** What Format Document makes of test/vscode/workspace/format/dsm.sys: shared by the desktop and web suites. */
export const FORMATTED = [
  '* Written by hand over the years: values all over the place.',
  'SErvername  BUCKY5',
  '   TCPServeraddress bucky5.doit.wisc.edu',
  '   tcpp             1503',
  '   SCHEDMODe        POLLING',
  '   PASSWORDAccess   generate',
  '   * the lab wants its own log',
  '   ERRORLOGName     "/var/log/tsm/lab errors.log"',
  '',
  'SErvername ARCHIVE',
  '\tTCPServeraddress ba1.doit.wisc.edu',
  '\tTCPPort          1501',
  '\tschedmode        polling',
  '',
].join('\n');
