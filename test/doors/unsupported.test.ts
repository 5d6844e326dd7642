import t from 'tap';
import { vendorCatalogue } from '../../src/api/vendor-catalogue.js';
import { forEachDoor } from '../helpers/doors.js';

// The vendor's operations for other PGs, asked by a Settle merchant: routed, token first, then the vendor's refusal.

const refused = vendorCatalogue.filter((entry) => entry.refused);
const urlOf = (path: string) => path.replace(/\{(\w+)\}/g, (_, name: string) => `${name}-1`);

t.equal(refused.length, 39, 'every vendor operation documented only for other PGs');

forEachDoor(t, async (t, start) => {
  const door = await start();
  const token = await door.tokenOf();

  for (const { method, path, operationId, refused: rule } of refused) {
    const url = urlOf(path);
    const anonymous = await door.send(method, url, method === 'GET' || method === 'DELETE' ? {} : { json: {} });
    t.same([anonymous.status, anonymous.body], [401, { code: -1, message: 'Unauthorized', response: null }], `${operationId}: the token comes first`);

    const reply = await door.send(method, url, {
      headers: { authorization: `Bearer ${token}` },
      ...(method === 'GET' || method === 'DELETE' ? {} : { json: { any: 'thing' } }),
    });
    t.same(
      [reply.status, reply.body],
      [rule!.status ?? 200, { code: 1, message: '현재 지원되지 않는 PG사입니다.', response: null }],
      `${method} ${path} (${operationId}) is refused as the vendor refuses a Settle merchant`,
    );
  }

  const form = await door.send('POST', '/benepia/point', { headers: { authorization: token }, form: { benepia_user: 'u' } });
  t.equal(form.body.message, '현재 지원되지 않는 PG사입니다.', 'a form body is refused alike');
  t.same(door.sandbox.export().payments, [], 'nothing is stored');
});
