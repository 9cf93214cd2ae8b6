/**
 * "Test connection": real connections on 127.0.0.1 only (a listener for
 * success, a closed port for refused); the name look-up and the time limit
 * through an injected resolver, socket and clock, so that no packet leaves
 * this machine and no test waits on a real timer.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { EventEmitter } from 'events';
import * as net from 'net';
import { ProbeResult, SocketLike, describeResult, probe } from '../../client/src/connectionTest';

const TARGET = (port: number, address = '127.0.0.1') => ({ address, port, label: 'stanza LOOP' });

/** A socket that does only what the test makes it do. */
class FakeSocket extends EventEmitter implements SocketLike {
  destroyed = false;
  remoteAddress?: string;
  destroy() {
    this.destroyed = true;
  }
}

/** A clock and a timer the test moves by hand. */
function fakeTime() {
  let now = 1000;
  let pending: (() => void) | undefined;
  return {
    now: () => now,
    timer: { set: (fn: () => void) => ((pending = fn), 1), clear: () => (pending = undefined) },
    elapse(ms: number) {
      now += ms;
      pending?.();
    },
  };
}

describe('test connection on 127.0.0.1', () => {
  let server: net.Server;
  let open: number;
  let closed: number;

  before(async () => {
    server = net.createServer((socket) => socket.end());
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    open = (server.address() as net.AddressInfo).port;
    // A port that was just free on 127.0.0.1: nothing listens there now.
    const spare = net.createServer();
    await new Promise<void>((resolve) => spare.listen(0, '127.0.0.1', resolve));
    closed = (spare.address() as net.AddressInfo).port;
    await new Promise((resolve) => spare.close(resolve));
  });
  after(() => new Promise((resolve) => server.close(resolve)));

  it('connects to a listener and reports the time taken', async () => {
    const result = await probe('127.0.0.1', open, { timeoutMs: 10000 });
    assert.equal(result.kind, 'connected');
    assert.ok(result.ms >= 0);
    const { ok, message } = describeResult(result, TARGET(open), 'host1');
    assert.equal(ok, true);
    assert.equal(message, `stanza LOOP: connected to 127.0.0.1:${open} in ${result.ms} ms from host1.`);
  });

  it('reports refused for a closed port', async () => {
    const result = await probe('127.0.0.1', closed, { timeoutMs: 10000 });
    assert.equal(result.kind, 'refused');
    assert.match(
      describeResult(result, TARGET(closed), 'host1').message,
      new RegExp(
        `^stanza LOOP: refused: 127\\.0\\.0\\.1:${closed} answered from host1, but nothing listens on port ${closed}`,
      ),
    );
  });

  it('reports name not resolved, from the look-up the connection makes (an injected resolver: no DNS query leaves)', async () => {
    const lookup: net.LookupFunction = (hostname, _options, callback) => {
      const e: NodeJS.ErrnoException = new Error(`getaddrinfo ENOTFOUND ${hostname}`);
      e.code = 'ENOTFOUND';
      (callback as (err: Error | null, address: string, family: number) => void)(e, '', 0);
    };
    const result = await probe('bucky9.invalid', 1500, { timeoutMs: 10000, lookup });
    assert.deepEqual(
      { kind: result.kind, code: (result as { code?: string }).code },
      { kind: 'not-resolved', code: 'ENOTFOUND' },
    );
    assert.equal(
      describeResult(result, TARGET(1500, 'bucky9.invalid'), 'host1').message,
      'stanza LOOP: name not resolved: host1 cannot look up bucky9.invalid (ENOTFOUND).',
    );
  });
});

describe('test connection: the time limit and other failures (injected socket and clock)', () => {
  it('times out while connecting: the socket is closed and the time is the limit', async () => {
    const time = fakeTime();
    const socket = new FakeSocket();
    const pending = probe('10.0.0.9', 1500, {
      timeoutMs: 5000,
      connect: () => socket,
      now: time.now,
      timer: time.timer,
    });
    time.elapse(5000);
    const result = await pending;
    assert.deepEqual(result, { kind: 'timeout', ms: 5000, stage: 'connect', ip: '10.0.0.9' });
    assert.equal(socket.destroyed, true);
    assert.equal(
      describeResult(result, TARGET(1500, '10.0.0.9'), 'host1').message,
      'stanza LOOP: timed out after 5000 ms: no answer from 10.0.0.9:1500 to host1 (a firewall may drop the packets, or the host is down).',
    );
  });

  it('says whether the time ran out looking up the name or connecting to the address it found', async () => {
    const time = fakeTime();
    const still = probe('bucky5.doit.wisc.edu', 1503, {
      timeoutMs: 5000,
      connect: () => new FakeSocket(),
      now: time.now,
      timer: time.timer,
    });
    time.elapse(5000);
    const resolving = await still;
    assert.equal((resolving as { stage: string }).stage, 'resolve');
    assert.match(
      describeResult(resolving, TARGET(1503, 'bucky5.doit.wisc.edu'), 'host1').message,
      /timed out after 5000 ms while host1 was still looking up the name bucky5\.doit\.wisc\.edu/,
    );

    const t2 = fakeTime();
    const socket = new FakeSocket();
    const found = probe('bucky5.doit.wisc.edu', 1503, {
      timeoutMs: 5000,
      connect: () => socket,
      now: t2.now,
      timer: t2.timer,
    });
    socket.emit('lookup', null, '192.0.2.5');
    t2.elapse(5000);
    const connecting = await found;
    assert.deepEqual(connecting, { kind: 'timeout', ms: 5000, stage: 'connect', ip: '192.0.2.5' });
    assert.match(
      describeResult(connecting, TARGET(1503, 'bucky5.doit.wisc.edu'), 'host1').message,
      /no answer from bucky5\.doit\.wisc\.edu:1503 \(192\.0\.2\.5\) to host1/,
    );
  });

  it('settles once: an error after the time limit changes nothing', async () => {
    const time = fakeTime();
    const socket = new FakeSocket();
    const pending = probe('10.0.0.9', 1500, {
      timeoutMs: 100,
      connect: () => socket,
      now: time.now,
      timer: time.timer,
    });
    time.elapse(100);
    socket.emit('error', Object.assign(new Error('late'), { code: 'ECONNREFUSED' }));
    assert.equal((await pending).kind, 'timeout');
  });

  it('reports other failures with their code', async () => {
    const time = fakeTime();
    const socket = new FakeSocket();
    const pending = probe('10.0.0.9', 1500, {
      timeoutMs: 5000,
      connect: () => socket,
      now: time.now,
      timer: time.timer,
    });
    socket.emit('error', Object.assign(new Error('connect EHOSTUNREACH 10.0.0.9:1500'), { code: 'EHOSTUNREACH' }));
    const result: ProbeResult = await pending;
    assert.equal(result.kind, 'failed');
    assert.equal(
      describeResult(result, TARGET(1500, '10.0.0.9'), 'host1').message,
      'stanza LOOP: could not connect to 10.0.0.9:1500 from host1: EHOSTUNREACH (connect EHOSTUNREACH 10.0.0.9:1500).',
    );
  });
});
