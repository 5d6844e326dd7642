import { Writable } from 'node:stream';
import { createRequire } from 'node:module';
import t from 'tap';
import { loadConfig } from '../../src/config.js';
import { loggerOptions, startServer } from '../../src/server.js';

// The request line is written from a template (src/http/request-log.ts) rather than by pino's serialisation; it
// must be the very line pino writes with the CLI's logger options for the same request.
const pino = createRequire(import.meta.url)('pino') as typeof import('pino').default;

function capture(): { stream: Writable; lines: string[] } {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(...String(chunk).split('\n').filter(Boolean));
      done();
    },
  });
  return { stream, lines };
}

/** The line pino writes for a request with the CLI's options, its clock and pid fixed to the line's own. */
function pinoLine(logged: Record<string, unknown>, method: string, url: string): string {
  const { stream, lines } = capture();
  const { stream: _cli, ...options } = loggerOptions('info', false) as Record<string, unknown>;
  const logger = pino({ ...options, timestamp: () => `,"time":${String(logged['time'])}` }, stream);
  const req = { method, url, ip: '127.0.0.1' };
  const res = logged['res'] as { statusCode: number };
  const code = 'code' in logged ? { code: logged['code'] } : {};
  logger.child({ reqId: logged['reqId'] }).info({ req, res: { statusCode: res.statusCode }, ...code, responseTime: logged['responseTime'] }, 'request completed');
  return lines[0]!;
}

t.test("each request's line is byte for byte the line pino writes, token masked", async (t) => {
  const { stream, lines } = capture();
  const server = await startServer(loadConfig(['--port', '0', '--seed', '1'], {}), { ...(loggerOptions('info', false) as object), stream });
  t.teardown(() => server.close());
  const requests: Array<[string, string, RequestInit]> = [
    ['POST', '/users/getToken', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' }],
    ['GET', '/payments/imp_1?%5Ftoken=secret-token&x=%22', { headers: { authorization: 'secret-token' } }],
    ['GET', '/nowhere?_token=secret-token', {}],
    ['HEAD', '/sandbox/health', { method: 'HEAD' }],
    ['GET', '/sandbox/assets/checkout.js', {}],
  ];
  for (const [, path, init] of requests) await (await fetch(server.url + path, init)).arrayBuffer();
  await new Promise((resolve) => setImmediate(resolve));
  const requestLines = lines.filter((line) => line.includes('"msg":"request completed"'));
  t.equal(requestLines.length, requests.length, 'one line per request');
  requests.forEach(([method, path], i) => {
    const line = requestLines[i]!;
    t.notOk(line.includes('secret-token'), `no token in ${path}`);
    // pino is given the URL as it came: the CLI's `req` serializer masks the token there.
    t.equal(line, pinoLine(JSON.parse(line) as Record<string, unknown>, method, path), `${method} ${path}`);
  });
  // The envelope's code as the pipeline answered it, a HEAD's too (no body was sent); a script file has none.
  t.same(
    requestLines.map((line) => (JSON.parse(line) as { code?: number }).code),
    [-1, -1, -1, 0, undefined],
  );
});

t.test('no request line below the level', async (t) => {
  const { stream, lines } = capture();
  const server = await startServer(loadConfig(['--port', '0'], {}), { ...(loggerOptions('warn', false) as object), stream });
  t.teardown(() => server.close());
  await (await fetch(`${server.url}/sandbox/health`)).arrayBuffer();
  await new Promise((resolve) => setImmediate(resolve));
  t.same(lines.filter((line) => line.includes('request completed')), []);
});

t.test('without a logger the line is skipped, not attempted', async (t) => {
  const { buildApp } = await import('../../src/http/app.js');
  const { logRequest } = await import('../../src/http/request-log.js');
  const { createSandbox } = await import('../../src/index.js');
  const app = await buildApp({ sandbox: await createSandbox({ seed: 1 }) });
  t.teardown(() => app.close());
  // The request's logger here is Fastify's silent stand-in; a throw in the onResponse hook would go unseen.
  app.get('/probe-request-log', async (request, reply) => {
    try {
      logRequest(request, reply);
      return 'skipped';
    } catch (error) {
      return `threw: ${String(error)}`;
    }
  });
  const answer = await app.inject({ method: 'GET', url: '/probe-request-log' });
  t.equal(answer.body, 'skipped');
});
