import { Writable } from 'node:stream';
import t from 'tap';
import { buildApp } from '../../src/http/app.js';
import { createSandbox } from '../../src/index.js';
import { isEnvelope } from '../helpers/processes.js';

// The HTTP door's pages besides the API (receipt, checkout, landing, dashboard) answer a failure of their own with
// the vendor's envelope and log its cause, as the pipeline does for the API.

t.test('a page that throws answers the 500 envelope and logs the cause', async (t) => {
  const sandbox = await createSandbox({ seed: 1 });
  let log = '';
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      log += chunk.toString();
      done();
    },
  });
  const app = await buildApp({ sandbox, logger: { level: 'error', stream } });
  t.teardown(async () => {
    await app.close();
    await sandbox.close();
  });
  // What a receipt page once did with a time no Date can show.
  sandbox.payments.receipt = () => {
    throw new RangeError('Invalid time value');
  };
  const res = await app.inject({ method: 'GET', url: '/sandbox/receipts/imps_000000000001' });
  t.equal(res.statusCode, 500);
  t.match(res.headers['content-type'], /^application\/json/);
  const body: unknown = JSON.parse(res.body);
  t.ok(isEnvelope(body) && (body as { code: number; response: unknown }).code === -1 && (body as { response: unknown }).response === null, res.body);
  t.match(log, /request failed/, 'logged');
  t.match(log, /Invalid time value/, 'with its cause');
});
