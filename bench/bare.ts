// The start-up ceiling: a bare one-route Fastify server, started the way the CLI is (`node FILE --port N`).
//
//   node dist/bench/bare.js --port N
//
// It answers getToken with a fixed envelope and nothing else, so spawn-to-first-answer measures Node, Fastify and
// one listen: what any Fastify server pays before its first request.
import Fastify from 'fastify';

const port = Number(process.argv[process.argv.indexOf('--port') + 1] ?? 0);
const app = Fastify({ logger: false });
app.post('/users/getToken', async (_request, reply) =>
  reply.header('content-type', 'application/json; charset=UTF-8').send('{"code":0,"message":null,"response":{"access_token":"0"}}'),
);
await app.listen({ host: '127.0.0.1', port });
