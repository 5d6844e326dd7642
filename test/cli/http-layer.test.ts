import { connect } from 'node:net';
import t from 'tap';
import { isEnvelope, requireBuiltCli, startCli } from '../helpers/processes.js';

// Requests spoken byte by byte over node:net, as no HTTP client would send them: every answer the HTTP layer
// can still write is the vendor's envelope, slow clients are cut off after the configured time, and the server
// keeps serving afterwards. Short timeouts keep the run bounded.

const REQUEST_TIMEOUT = 1500;
const HEADERS_TIMEOUT = 1000;
t.setTimeout(90_000);

interface RawAnswer {
  status: number | null;
  head: string;
  body: string;
  /** Milliseconds until the server closed the connection (or the wait ran out). */
  closedAfter: number;
  closed: boolean;
}

/** Writes `chunks` to a fresh connection and reads until the server closes it or `wait` ms pass. */
function raw(port: number, chunks: string[], wait = 5000): Promise<RawAnswer> {
  return new Promise((resolve) => {
    const started = Date.now();
    const socket = connect(port, '127.0.0.1');
    let text = '';
    const done = (closed: boolean) => {
      clearTimeout(timer);
      socket.destroy();
      const at = text.indexOf('\r\n\r\n');
      const status = /^HTTP\/1\.1 (\d{3})/.exec(text);
      resolve({
        status: status ? Number(status[1]) : null,
        head: at === -1 ? text : text.slice(0, at),
        body: at === -1 ? '' : text.slice(at + 4),
        closedAfter: Date.now() - started,
        closed,
      });
    };
    const timer = setTimeout(() => done(false), wait);
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => (text += chunk));
    socket.on('close', () => done(true));
    socket.on('error', () => undefined);
    for (const chunk of chunks) socket.write(chunk);
  });
}

const parsed = (body: string): unknown => {
  try {
    return JSON.parse(body);
  } catch {
    return undefined;
  }
};

t.test('the HTTP layer answers in the envelope and the server keeps serving', async (t) => {
  if (!requireBuiltCli(t)) return;
  const child = await startCli(['--request-timeout', String(REQUEST_TIMEOUT), '--headers-timeout', String(HEADERS_TIMEOUT), '--keep-alive-timeout', '1000']);
  t.teardown(() => void child.process.kill('SIGKILL'));
  const port = Number(new URL(child.url).port);
  const healthy = async (after: string) => {
    const res = await fetch(`${child.url}/sandbox/health`);
    t.equal(res.status, 200, `still serving after ${after}`);
  };
  let tried = 0;
  let envelopes = 0;

  const refusals: [string, string[], number][] = [
    ['a request line that is not HTTP', ['HELLO\r\n\r\n'], 400],
    ['a method with a space', ['GE T / HTTP/1.1\r\nHost: x\r\n\r\n'], 400],
    ['an unknown HTTP version', ['GET / HTTP/9.9\r\nHost: x\r\n\r\n'], 400],
    ['a header without a colon', ['GET / HTTP/1.1\r\nHost: x\r\nno-colon\r\n\r\n'], 400],
    ['a control character in a header', ['GET / HTTP/1.1\r\nHost: x\r\nX-A: a\u0001b\r\n\r\n'], 400],
    ['a bad Content-Length', ['POST /users/getToken HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n'], 400],
    ['two Content-Lengths', ['POST /users/getToken HTTP/1.1\r\nHost: x\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\nab'], 400],
    ['a broken chunk', ['POST /users/getToken HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n'], 400],
    ['headers over 16 KB', [`GET /sandbox/health HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`], 431],
    ['many headers over 16 KB', [`GET /sandbox/health HTTP/1.1\r\nHost: x\r\n${'X-A: bbbbbbbbbbbbbbbb\r\n'.repeat(1000)}\r\n`], 431],
    ['HTTP/1.1 without Host', ['GET /sandbox/health HTTP/1.1\r\n\r\n'], 400],
    ['an unknown expectation', ['POST /users/getToken HTTP/1.1\r\nHost: x\r\nExpect: teapot\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}'], 417],
  ];
  for (const [what, chunks, status] of refusals) {
    const answer = await raw(port, chunks);
    tried++;
    t.equal(answer.status, status, `${what}: ${status}`);
    t.match(answer.head, /content-type: application\/json; charset=UTF-8/i, `${what}: JSON`);
    t.match(answer.head, /connection: close/i, `${what}: closes the connection`);
    const body = parsed(answer.body);
    if (isEnvelope(body)) envelopes++;
    t.ok(isEnvelope(body) && (body as { code: number }).code === -1, `${what}: envelope ${answer.body}`);
    t.ok(answer.closed, `${what}: connection closed`);
    await healthy(what);
  }

  // Expect: 100-continue is met: the interim 100, then the operation's own answer.
  const continued = await raw(port, [
    'POST /users/getToken HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Type: application/json\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}',
  ]);
  tried++;
  t.match(continued.head, /^HTTP\/1\.1 100 Continue/, '100-continue gets its interim answer');
  t.match(continued.body, /HTTP\/1\.1 400 /, 'then the operation answers');
  t.ok(isEnvelope(parsed(continued.body.slice(continued.body.indexOf('\r\n\r\n') + 4))), '… in the envelope');

  // HTTP/1.0 has no Host to require.
  const old = await raw(port, ['GET /sandbox/health HTTP/1.0\r\n\r\n']);
  tried++;
  t.equal(old.status, 200, 'HTTP/1.0 without Host is served');

  // Two requests in one write are both answered, in order.
  const pipelined = await raw(port, [
    'GET /sandbox/health HTTP/1.1\r\nHost: x\r\n\r\nGET /no/such/route HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n',
  ]);
  tried += 2;
  const statuses = [...(pipelined.head + '\r\n\r\n' + pipelined.body).matchAll(/HTTP\/1\.1 (\d{3})/g)].map((m) => Number(m[1]));
  t.same(statuses, [200, 404], 'pipelined requests answered in order');

  // Slow clients: a body that never completes, headers that never end, and an idle connection, many at once.
  const slowBody = 'POST /users/getToken HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"imp_key":';
  const slowHeaders = 'POST /users/getToken HTTP/1.1\r\nHost: x\r\nX-Slow: ';
  const slow = await Promise.all([
    ...Array.from({ length: 20 }, () => raw(port, [slowBody], 10_000)),
    ...Array.from({ length: 20 }, () => raw(port, [slowHeaders], 10_000)),
    ...Array.from({ length: 10 }, () => raw(port, [], 10_000)),
  ]);
  tried += slow.length;
  const stillOpen = slow.filter((answer) => !answer.closed).length;
  t.equal(stillOpen, 0, `every slow connection was closed (${slow.length} tried)`);
  const latest = Math.max(...slow.map((answer) => answer.closedAfter));
  // Node looks for expired requests once a second, so allow that on top of the bound.
  t.ok(latest < REQUEST_TIMEOUT + 2500, `closed within the bound (latest after ${latest} ms)`);
  for (const answer of slow.slice(0, 40)) {
    if (answer.status === null) continue;
    t.equal(answer.status, 408, 'a request cut off is answered 408');
    if (isEnvelope(parsed(answer.body))) envelopes++;
  }
  t.ok(
    slow.slice(0, 20).every((answer) => answer.status === 408 && isEnvelope(parsed(answer.body))),
    'every slow body got the 408 envelope',
  );
  await healthy('slow clients');
  t.comment(`raw requests tried: ${tried}; envelopes among refusals: ${envelopes}`);
});
