/**
 * The option names and keyword values the checks across options read, in one
 * place (lower case, as isOption and the keyword resolver compare them), so
 * that the typed option ids can replace them in one edit.
 */
export const OPT = {
  schedmode: 'schedmode',
  sessionInitiation: 'sessioninitiation',
  managedServices: 'managedservices',
  passwordAccess: 'passwordaccess',
  encryptKey: 'encryptkey',
  includeEncrypt: 'include.encrypt',
  tcpServerAddress: 'tcpserveraddress',
  commMethod: 'commmethod',
  password: 'password',
} as const;

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
