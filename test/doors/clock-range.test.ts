import t from 'tap';
import { forEachDoor, START } from '../helpers/doors.js';

const card = { card_number: '1234-1234-1234-1234', expiry: '2030-01', birth: '123456' };

forEachDoor(t, async (t, start) => {
  t.test('a time the clock cannot take is refused before anything due runs', async (t) => {
    const door = await start();
    await door.call('POST', '/subscribe/payments/onetime', { json: { merchant_uid: 'o-1', customer_uid: 'k-1', ...card, amount: 1000 } });
    await door.call('POST', '/subscribe/payments/schedule', {
      json: { customer_uid: 'k-1', schedules: [{ merchant_uid: 's-1', schedule_at: START / 1000 + 60, amount: 100, name: 'x' }] },
    });
    const refusals: [string, unknown][] = [
      ['/sandbox/clock/set', { at: 1e21 }],
      ['/sandbox/clock/set', { at: 2 ** 53 + 1 }],
      ['/sandbox/clock/set', { at: 253402300800 }],
      ['/sandbox/clock/freeze', { at: 1e21 }],
      ['/sandbox/clock/advance', { days: 1e21 }],
      ['/sandbox/clock/advance', { seconds: 2 ** 53 }],
      ['/sandbox/clock/advance', { days: 3_000_000 }],
    ];
    for (const [path, json] of refusals) {
      const res = await door.send('POST', path, { json });
      t.equal(res.status, 400, `${path} ${JSON.stringify(json)} is refused`);
      // The request schema bounds each field (…이하여야 합니다); the clock bounds where they lead together.
      t.match(res.body, { code: -1, response: null, message: /1970-01-01부터 9999-12-31|이하여야 합니다/ });
    }
    const clock = await door.send('GET', '/sandbox/clock');
    t.equal(clock.body.response.now, START, 'the clock did not move');
    t.equal((await door.call('GET', '/subscribe/payments/schedule/s-1')).body.response.schedule_status, 'scheduled', 'nothing due ran');
    const fine = await door.send('POST', '/sandbox/clock/set', { json: { at: 253402300799 } });
    t.equal(fine.status, 200, 'the last second of 9999 is a time the clock can take');
  });
});
