import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Writable } from 'node:stream';
import t from 'tap';
import { loadConfig } from '../../src/config.js';
import { loggerOptions, startServer } from '../../src/server.js';

// Before startServer resolves (and so before the CLI reports ready), the server sends itself one getToken, so that
// its first client does not pay for the process's first request (src/http/warm-up.ts). Node's own diagnostics
// channels see every request any HTTP server in the process answers, so they show that request without any hook
// in the sandbox; the log and the state must not show it.

interface Seen {
  method: string | undefined;
  url: string | undefined;
  status: number;
}

t.test('one getToken is answered before the server is returned, refused, unlogged, changing nothing', async (t) => {
  const seen: Seen[] = [];
  const finished = (message: unknown) => {
    const { request, response } = message as { request: IncomingMessage; response: ServerResponse };
    seen.push({ method: request.method, url: request.url, status: response.statusCode });
  };
  subscribe('http.server.response.finish', finished);
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(...String(chunk).split('\n').filter(Boolean));
      done();
    },
  });
  const server = await startServer(loadConfig(['--port', '0', '--seed', '1'], {}), { ...(loggerOptions('info', false) as object), stream });
  t.teardown(() => server.close());
  const before = [...seen];
  unsubscribe('http.server.response.finish', finished);

  t.same(before, [{ method: 'POST', url: '/users/getToken', status: 401 }], 'the warm-up: one getToken, refused with 401');
  const state = (await (await fetch(`${server.url}/sandbox/state`)).json()) as { response: { tokens: unknown[] } };
  t.same(state.response.tokens, [], 'no token was issued');
  await new Promise((resolve) => setTimeout(resolve, 50));
  const requestLines = lines.filter((line) => line.includes('"msg":"request completed"'));
  t.equal(requestLines.length, 1, 'only the client’s own request is logged');
  t.match(requestLines[0], /"url":"\/sandbox\/state"/);
});
