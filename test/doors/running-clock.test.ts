import t from 'tap';
import { forEachDoor, START } from '../helpers/doors.js';
import { webhookReceiver } from '../helpers/webhook-receiver.js';

const card = { card_number: '1234-1234-1234-1234', expiry: '2030-01', birth: '123456' };

forEachDoor(t, async (t, start) => {
  t.test('with a running clock, a due schedule runs by itself (no control call), then reports by webhook', async (t) => {
    // A running sandbox clock over a time source the test moves: the sandbox's own timer must notice.
    let now = START;
    const door = await start({ clock: { now: () => now } });
    t.teardown(() => door.sandbox.close());
    t.notOk(door.sandbox.clock.frozen);
    const receiver = await webhookReceiver(t);
    await door.call('POST', '/subscribe/payments/onetime', { json: { merchant_uid: 'first', customer_uid: 'auto', amount: 100, ...card } });
    const scheduleAt = START / 1000 + 60;
    await door.call('POST', '/subscribe/payments/schedule', {
      json: { customer_uid: 'auto', schedules: [{ merchant_uid: 'auto-1', schedule_at: scheduleAt, amount: 500, name: 'x', notice_url: receiver.url }] },
    });
    now += 61_000;
    await receiver.arrived(1);
    t.match(receiver.received[0]!.fields, { merchant_uid: 'auto-1', status: 'paid' });
    t.match(door.sandbox.schedules.list(), [{ merchant_uid: 'auto-1', schedule_status: 'executed', payment_status: 'paid' }]);
  });
});
