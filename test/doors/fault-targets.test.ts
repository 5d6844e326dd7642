import t from 'tap';
import { mountedOperations } from '../../src/api/mounted-operations.js';
import { forEachDoor } from '../helpers/doors.js';

// Every operation the dashboard offers as a fault target takes one, through both doors: the fault targets and
// the routes come from the same list.
const vendor = mountedOperations(false).filter((operation) => operation.kind === 'vendor');
const samplePath = (path: string) => path.replace(/:[a-z_]+/g, 'x');

forEachDoor(t, async (t, start) => {
  t.test('each vendor operation can be faulted and answers the fault', async (t) => {
    const door = await start();
    for (const operation of vendor) {
      const target = `/sandbox/faults/${operation.operationId}`;
      const set = await door.send('PUT', target, { json: { error_rate: 1, error_status: 503 } });
      t.equal(set.status, 200, `${operation.operationId}: the fault is taken`);
      const struck = await door.send(operation.method, samplePath(operation.path), operation.method === 'GET' ? {} : { json: {} });
      t.equal(struck.status, 503, `${operation.method} ${operation.path} answers the fault`);
      t.match(struck.body, { code: -1, response: null }, `${operation.operationId}: in the vendor's envelope`);
      t.equal((await door.send('DELETE', target)).status, 200);
    }
  });

  t.test('an id that names no vendor operation is refused', async (t) => {
    const door = await start();
    for (const id of ['sandboxReset', 'health', 'noSuchOperation']) {
      t.equal((await door.send('PUT', `/sandbox/faults/${id}`, { json: { error_rate: 1 } })).status, 400, id);
    }
  });
});
