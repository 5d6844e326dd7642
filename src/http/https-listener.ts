import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import type { HttpTimeouts } from './timeouts.js';
import { answerClientError, answerExpectation } from './transport-errors.js';

/** What the HTTPS listener serves: a certificate and its key, PEM. */
export interface ServedCertificate {
  cert: string;
  key: string;
}

/** A second listener, over TLS, for clients whose address is fixed to https://api.iamport.kr. */
export interface HttpsListener {
  port: number;
  close(): Promise<void>;
}

/**
 * Serves the same Fastify app over TLS: each request goes to the app's router (`app.routing`, once the app is
 * ready), so both listeners answer alike. The plain listener's bounds on slow clients hold here too.
 */
export async function listenHttps(app: FastifyInstance, tls: ServedCertificate, timeouts: HttpTimeouts, host: string, port: number): Promise<HttpsListener> {
  await app.ready();
  const server: Server = createServer({
    cert: tls.cert,
    key: tls.key,
    headersTimeout: timeouts.headers,
    requestTimeout: timeouts.request,
    keepAliveTimeout: timeouts.keepAlive,
    connectionsCheckingInterval: Math.min(1_000, timeouts.headers),
    requireHostHeader: false,
  });
  server.on('request', (request, response) => app.routing(request, response));
  server.on('checkExpectation', answerExpectation);
  server.on('clientError', answerClientError);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen({ host, port }, () => {
      server.off('error', reject);
      resolve();
    });
  });
  return {
    port: (server.address() as AddressInfo).port,
    // As Fastify closes the plain listener (forceCloseConnections): no keep-alive socket holds the exit back.
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
