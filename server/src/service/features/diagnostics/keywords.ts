/** The keyword values the checks across options read (lower case, as the keyword resolver gives them), and the words their fixes write. */
export const VALUE = {
  polling: 'polling',
  prompted: 'prompted',
  serverOnly: 'serveronly',
  schedule: 'schedule',
  prompt: 'prompt',
  generate: 'generate',
  /** COMMMETHOD values that are not TCP/IP. */
  notTcpip: ['sharedmem', 'namedpipes'] as readonly string[],
} as const;

/** The words a fix writes, as IBM's pages write them in examples. */
export const WRITE = {
  polling: 'POLLING',
  prompted: 'PROMPTED',
  client: 'CLIENT',
  schedmodePolling: 'SCHEDMODE POLLING',
  schedmodePrompted: 'SCHEDMODE PROMPTED',
} as const;
