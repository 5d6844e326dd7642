// The start-up ceiling: a bare Fastify server, started the way the CLI is (`node FILE --port N`).
//
//   node dist/bench/bare.js --port N [--ready-file FILE]
//
// It answers getToken, and the two charges bench/first-answer.ts times, with fixed envelopes and nothing else, so
// spawn-to-first-answer measures Node, Fastify and one listen: what any Fastify server pays before its first request.
// With --ready-file it writes its URL there once listening, as the CLI does.
import { renameSync, writeFileSync } from 'node:fs';
import Fastify from 'fastify';

const flag = (name: string) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : undefined);
const port = Number(flag('--port') ?? 0);
const readyFile = flag('--ready-file');
const app = Fastify({ logger: false });
const envelope = '{"code":0,"message":null,"response":{"access_token":"0"}}';
for (const path of ['/users/getToken', '/subscribe/payments/onetime', '/subscribe/payments/again']) {
  app.post(path, async (_request, reply) => reply.header('content-type', 'application/json; charset=UTF-8').send(envelope));
}
const url = await app.listen({ host: '127.0.0.1', port });
// Through a temp file renamed over it, as the CLI writes its own: a reader finds the whole URL or no file.
if (readyFile) {
  writeFileSync(`${readyFile}.tmp`, `${url}\n`);
  renameSync(`${readyFile}.tmp`, readyFile);
}
