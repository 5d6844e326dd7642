import t from 'tap';
import { forEachDoor, merchantA, merchantB, START, type Door } from '../helpers/doors.js';
import { unreachableUrl, webhookReceiver } from '../helpers/webhook-receiver.js';

const card = { card_number: '1234-1234-1234-1234', expiry: '2030-01', birth: '123456' };
const MINUTE = 60_000;

const onetime = (door: Door, merchantUid: string, extra: object = {}) =>
  door.call('POST', '/subscribe/payments/onetime', { json: { merchant_uid: merchantUid, amount: 1000, ...card, ...extra } });

/** Merchant A with a console Notification URL. */
const withWebhook = (url: string, content_type: 'json' | 'form' = 'json', retry = false) => ({
  merchants: [{ ...merchantA, webhook: { url, content_type, retry } }, merchantB],
});

forEachDoor(t, async (t, start) => {
  t.test('a paid onetime POSTs {imp_uid, merchant_uid, status} as JSON to notice_url, and the attempt is logged', async (t) => {
    const door = await start();
    const receiver = await webhookReceiver(t);
    const res = await onetime(door, 'w-1', { notice_url: receiver.url });
    await door.sandbox.webhooks.settle();
    t.equal(receiver.received.length, 1);
    t.equal(receiver.received[0]!.contentType, 'application/json');
    t.same(JSON.parse(receiver.received[0]!.text), { imp_uid: res.body.response.imp_uid, merchant_uid: 'w-1', status: 'paid' });

    const log = await door.send('GET', '/sandbox/webhooks');
    t.match(log.body.response, [
      {
        id: /^whd_/,
        merchant: merchantA.code,
        url: receiver.url,
        content_type: 'json',
        body: { imp_uid: res.body.response.imp_uid, merchant_uid: 'w-1', status: 'paid' },
        state: 'delivered',
        next_attempt_at: null,
        attempts: [{ at: START / 1000, url: receiver.url, trigger: 'event', status: 200, error: null }],
      },
    ]);
  });

  t.test("the merchant's Notification URL, form-encoded when the merchant says so; notice_url overrides it", async (t) => {
    const console = await webhookReceiver(t);
    const perRequest = await webhookReceiver(t);
    const door = await start(withWebhook(console.url, 'form'));
    await onetime(door, 'w-2', { customer_uid: 'key-2' });
    await door.call('POST', '/subscribe/payments/again', { json: { merchant_uid: 'w-3', customer_uid: 'key-2', amount: 500, notice_url: perRequest.url } });
    await door.sandbox.webhooks.settle();
    t.equal(console.received.length, 1, 'the console URL gets nothing when the request names a notice_url');
    t.equal(console.received[0]!.contentType, 'application/x-www-form-urlencoded');
    t.match(console.received[0]!.fields, { merchant_uid: 'w-2', status: 'paid', imp_uid: /^imps_/ });
    t.match(perRequest.received.map((r) => r.fields), [{ merchant_uid: 'w-3', status: 'paid' }]);
  });

  t.test('failures are not notified, except scheduled ones', async (t) => {
    const receiver = await webhookReceiver(t);
    const door = await start(withWebhook(receiver.url));
    await onetime(door, 'declined', { card_number: '4000-0000-0000-0051' });
    await onetime(door, 'issue', { customer_uid: 'repeat', card_number: '4000-0000-0000-0341' });
    await door.call('POST', '/subscribe/payments/again', { json: { merchant_uid: 'again-declined', customer_uid: 'repeat', amount: 500 } });
    await door.call('POST', '/subscribe/payments/schedule', {
      json: { customer_uid: 'repeat', schedules: [{ merchant_uid: 'sched-declined', schedule_at: START / 1000 + 60, amount: 500, name: 'x' }] },
    });
    await door.sandbox.advance(MINUTE);
    await door.sandbox.webhooks.settle();
    t.same(
      receiver.received.map((r) => [r.fields['merchant_uid'], r.fields['status']]),
      [
        ['issue', 'paid'],
        ['sched-declined', 'failed'],
      ],
    );
  });

  t.test('API cancels are notified only with enable_webhook, with cancellation_id', async (t) => {
    const receiver = await webhookReceiver(t);
    const door = await start(withWebhook(receiver.url));
    const paid = (await onetime(door, 'c-1')).body.response;
    await door.call('POST', '/payments/cancel', { json: { imp_uid: paid.imp_uid, amount: 100 } });
    const cancelled = await door.call('POST', '/payments/cancel', { json: { imp_uid: paid.imp_uid, amount: 200, enable_webhook: true } });
    await door.sandbox.webhooks.settle();
    t.equal(receiver.received.length, 2);
    t.same(receiver.received[1]!.fields, {
      imp_uid: paid.imp_uid,
      merchant_uid: 'c-1',
      status: 'cancelled',
      cancellation_id: cancelled.body.response.cancel_history[1].cancellation_id,
    });
  });

  t.test('with retry on: after a 5xx, up to 5 retries one minute apart of sandbox time', async (t) => {
    const receiver = await webhookReceiver(t);
    receiver.status(503);
    const door = await start(withWebhook(receiver.url, 'json', true));
    await onetime(door, 'r-1');
    await door.sandbox.webhooks.settle();
    t.equal(receiver.received.length, 1);
    t.match(door.sandbox.webhooks.list()[0], { state: 'pending', next_attempt_at: START / 1000 + 60 });

    await door.sandbox.advance(MINUTE - 1000);
    t.equal(receiver.received.length, 1, 'not before the minute is up');
    await door.sandbox.advance(1000);
    t.equal(receiver.received.length, 2);

    await door.send('POST', '/sandbox/clock/advance', { json: { minutes: 30 } });
    t.equal(receiver.received.length, 6, 'one first attempt and five retries');
    const [delivery] = door.sandbox.webhooks.list();
    t.equal(delivery!.state, 'failed');
    t.equal(delivery!.next_attempt_at, null);
    t.same(
      delivery!.attempts.map((a) => [a.trigger, a.at - START / 1000, a.status]),
      [
        ['event', 0, 503],
        ['retry', 60, 503],
        ['retry', 120, 503],
        ['retry', 180, 503],
        ['retry', 240, 503],
        ['retry', 300, 503],
      ],
    );
    t.match(delivery!.attempts[0]!.error, /503/);
  });

  t.test('a retry that succeeds stops the retries; a 4xx is never retried; retry off means one attempt', async (t) => {
    const receiver = await webhookReceiver(t);
    receiver.status(500);
    const door = await start(withWebhook(receiver.url, 'json', true));
    await onetime(door, 'ok-later');
    await door.sandbox.webhooks.settle();
    receiver.status(200);
    await door.sandbox.advance(10 * MINUTE);
    t.match(door.sandbox.webhooks.list(), [{ state: 'delivered', attempts: [{ status: 500 }, { status: 200, trigger: 'retry' }] }]);

    receiver.status(404);
    await onetime(door, 'not-found');
    await door.sandbox.webhooks.settle();
    await door.sandbox.advance(10 * MINUTE);
    t.match(door.sandbox.webhooks.list()[1], { state: 'failed', next_attempt_at: null, attempts: [{ status: 404 }] });
    t.equal(door.sandbox.webhooks.list()[1]!.attempts.length, 1);

    const noRetry = await start(withWebhook(receiver.url));
    receiver.status(500);
    await onetime(noRetry, 'once');
    await noRetry.sandbox.webhooks.settle();
    await noRetry.sandbox.advance(10 * MINUTE);
    t.equal(noRetry.sandbox.webhooks.list()[0]!.attempts.length, 1, 'the default: one attempt');
  });

  t.test('an unreachable URL is logged with its error and retried on the clock; nothing else notices', async (t) => {
    const url = await unreachableUrl();
    const door = await start(withWebhook(url, 'json', true));
    const res = await onetime(door, 'gone');
    t.equal(res.body.code, 0, 'the payment answer is untouched');
    await door.sandbox.webhooks.settle();
    const [delivery] = door.sandbox.webhooks.list();
    t.equal(delivery!.attempts[0]!.status, null);
    t.match(delivery!.attempts[0]!.error, /ECONNREFUSED|fetch failed/);
    t.equal(delivery!.state, 'pending');
    await door.sandbox.advance(MINUTE);
    t.equal(door.sandbox.webhooks.list()[0]!.attempts.length, 2);
    t.equal((await door.call('GET', `/payments/${res.body.response.imp_uid}`)).status, 200);
  });

  t.test('a receiver that does not answer never delays the API response', async (t) => {
    const receiver = await webhookReceiver(t);
    receiver.hold();
    const door = await start(withWebhook(receiver.url));
    const res = await onetime(door, 'slow');
    t.equal(res.body.code, 0, 'answered while the webhook is still waiting for its receiver');
    await receiver.arrived(1);
    t.equal(door.sandbox.webhooks.list()[0]!.attempts.length, 0, 'the attempt is still in flight');
    receiver.release();
    await door.sandbox.webhooks.settle();
    t.match(door.sandbox.webhooks.list()[0], { state: 'delivered', attempts: [{ status: 200 }] });
  });

  t.test('the control API resends a delivery and sets the Notification URL', async (t) => {
    const receiver = await webhookReceiver(t);
    const door = await start();
    const set = await door.send('PUT', `/sandbox/merchants/${merchantA.code}/webhook`, { json: { url: receiver.url, content_type: 'form' } });
    t.same(set.body.response, { url: receiver.url, content_type: 'form', retry: false });
    await onetime(door, 'again-please');
    await door.sandbox.webhooks.settle();
    const [delivery] = door.sandbox.webhooks.list();
    const resent = await door.send('POST', `/sandbox/webhooks/${delivery!.id}/resend`);
    t.match(resent.body.response, { id: delivery!.id, state: 'delivered', attempts: [{ trigger: 'event' }, { trigger: 'resend', status: 200 }] });
    t.equal(receiver.received.length, 2);
    t.same(receiver.received[1]!.fields, receiver.received[0]!.fields, 'the same body again');

    const unknown = await door.send('POST', '/sandbox/webhooks/whd_999/resend');
    t.equal(unknown.status, 404);
    t.equal(unknown.body.code, -1);
    const badMerchant = await door.send('PUT', '/sandbox/merchants/imp99999999/webhook', { json: { url: null } });
    t.equal(badMerchant.status, 404);
    t.equal((await door.send('GET', `/sandbox/webhooks?merchant=${merchantB.code}`)).body.response.length, 0);
  });

  t.test('deliveries are part of the exported state', async (t) => {
    const receiver = await webhookReceiver(t);
    const door = await start(withWebhook(receiver.url));
    await onetime(door, 'kept');
    await door.sandbox.webhooks.settle();
    const snapshot = door.sandbox.export();
    t.equal(snapshot.webhook_deliveries?.length, 1);
    await door.sandbox.reset();
    t.same(door.sandbox.webhooks.list(), []);
    await door.sandbox.import(snapshot);
    t.match(door.sandbox.webhooks.list(), [{ body: { merchant_uid: 'kept' }, state: 'delivered' }]);
  });
});
