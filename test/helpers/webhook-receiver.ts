import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Test } from 'tap';

interface Received {
  contentType: string | undefined;
  text: string;
  /** The body read as JSON or form, whichever the content type says. */
  fields: Record<string, unknown>;
}

/**
 * A real HTTP server standing in for a merchant's webhook endpoint. It answers `status()` (200 unless told
 * otherwise); `hold()` keeps requests unanswered until `release()`, to show the API never waits for a webhook.
 */
export async function webhookReceiver(t: Test) {
  const received: Received[] = [];
  const waiting: (() => void)[] = [];
  const held: ServerResponse[] = [];
  let answer = 200;
  let holding = false;
  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    let text = '';
    request.setEncoding('utf8');
    request.on('data', (chunk: string) => (text += chunk));
    request.on('end', () => {
      const contentType = request.headers['content-type'];
      const fields = contentType?.startsWith('application/json') ? JSON.parse(text) : Object.fromEntries(new URLSearchParams(text));
      received.push({ contentType, text, fields });
      waiting.splice(0).forEach((wake) => wake());
      if (holding) held.push(response);
      else response.writeHead(answer).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  t.teardown(() => {
    for (const response of held) response.destroy();
    server.closeAllConnections();
    return new Promise<void>((resolve) => server.close(() => resolve()));
  });
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhook`,
    received,
    /** The status every later request is answered with. */
    status(code: number) {
      answer = code;
    },
    hold() {
      holding = true;
    },
    release() {
      holding = false;
      for (const response of held.splice(0)) response.writeHead(answer).end();
    },
    /** Resolves once `count` requests have arrived (an event, not a sleep). */
    async arrived(count: number): Promise<void> {
      while (received.length < count) await new Promise<void>((wake) => waiting.push(wake));
    },
  };
}

/** A URL nothing listens on: a port that was just free, on the loopback address. */
export async function unreachableUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}/gone`;
}
