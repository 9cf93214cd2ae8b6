// The floor for any Node.js language server's cold start: a process that
// answers initialize at once and does nothing else. The benchmark times it
// beside the real server, so that the machine's own process start-up is seen.
'use strict';
let buffer = '';
process.stdin.setEncoding('utf8');
process.stdin.on('data', (chunk) => {
  buffer += chunk;
  const m = /Content-Length: (\d+)\r\n\r\n/.exec(buffer);
  if (!m || buffer.length < m.index + m[0].length + Number(m[1])) return;
  const request = JSON.parse(buffer.slice(m.index + m[0].length, m.index + m[0].length + Number(m[1])));
  const body = JSON.stringify({ jsonrpc: '2.0', id: request.id, result: { capabilities: {} } });
  process.stdout.write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
});
