import { randomBytes } from 'node:crypto';
import { createServer, request, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';

// A process's first HTTP request pays for much that later ones do not: Node's HTTP parser and socket code, Fastify's
// request and reply objects, the door's body reader, the pipeline, loading a validator, each run for the first
// time. The server pays that once before it reports ready, with one request no client made. Nearly every client
// starts with getToken, so that is the request.

/** Requests the server sends itself; never logged. Only this file can add to it, so no client can ask to go unlogged. */
const warmUps = new WeakSet<IncomingMessage>();

/** Whether `raw` is the server's own warm-up request. */
export function isWarmUp(raw: IncomingMessage): boolean {
  return warmUps.has(raw);
}

/**
 * Sends one request through `app` over a loopback socket and waits for its answer. It goes to a listener of its own,
 * handed to the app's router as the HTTPS listener's requests are, so that it can be told from a client's: the
 * listening server never sees it, and its log and dashboard show none. The path is no operation's: the answer is
 * the pipeline's 404 envelope, and nothing is read or changed, whatever the state holds (an armed fault, say).
 */
export async function warmUp(app: FastifyInstance): Promise<void> {
  const server = createServer((raw, response) => {
    warmUps.add(raw);
    app.routing(raw, response);
  });
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen({ host: '127.0.0.1', port: 0 }, resolve);
    });
    await roundTrip((server.address() as AddressInfo).port);
  } catch {
    // Warming up is an optimisation: a failure leaves the first client's request to pay for it, as before.
  } finally {
    server.closeAllConnections();
    server.close();
  }
}

function roundTrip(port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const outgoing = request(
      { host: '127.0.0.1', port, method: 'POST', path: '/users/getToken', agent: false, headers: { 'content-type': 'application/json', connection: 'close' } },
      (answer) => {
        answer.resume();
        answer.once('end', resolve);
        answer.once('error', reject);
      },
    );
    outgoing.once('error', reject);
    outgoing.end(JSON.stringify({ imp_key: 'iamport-sandbox-warm-up', imp_secret: randomBytes(24).toString('hex') }));
  });
}
