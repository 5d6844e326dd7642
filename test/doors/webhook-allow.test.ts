import t from 'tap';
import type { WebhookPost } from '../../src/index.js';
import { startDoor } from '../helpers/doors.js';
import { webhookTargets } from '../../src/core/webhooks/targets.js';

const card = { card_number: '1234-1234-1234-1234', expiry: '2030-01', birth: '123456' };

t.test('hosts match the host (any port, or the one given); prefixes match origin and path', async (t) => {
  const allowed = webhookTargets(['hooks.test', 'other.test:8443', 'https://shop.test/hooks/']);
  t.ok(allowed('http://hooks.test/x'));
  t.ok(allowed('https://HOOKS.test:9000/y'));
  t.ok(allowed('https://other.test:8443/z'));
  t.notOk(allowed('https://other.test/z'), 'another port of a host:port entry');
  t.ok(allowed('https://shop.test/hooks/paid'));
  t.notOk(allowed('https://shop.test/admin'), 'outside the prefix path');
  t.notOk(allowed('https://shop.test.evil.example/hooks/'), 'a host that merely starts like the prefix');
  t.notOk(allowed('http://169.254.169.254/latest/meta-data/'));
  t.notOk(allowed('not a url'));
});

t.test('a notice_url outside --webhook-allow is logged as not sent, never posted, never retried', async (t) => {
  const posted: string[] = [];
  const transport = async (post: WebhookPost) => {
    posted.push(post.url);
    return { status: 200, error: null };
  };
  const door = await startDoor(t, 'http', { webhookTransport: transport, webhookAllow: ['hooks.test'] });
  await door.call('POST', '/subscribe/payments/onetime', { json: { merchant_uid: 'a-1', amount: 1000, ...card, notice_url: 'http://169.254.169.254/x' } });
  await door.call('POST', '/subscribe/payments/onetime', { json: { merchant_uid: 'a-2', amount: 1000, ...card, notice_url: 'http://hooks.test/in' } });
  await door.sandbox.webhooks.settle();
  t.same(posted, ['http://hooks.test/in']);
  const [refused, sent] = door.sandbox.webhooks.list();
  t.match(refused, { state: 'failed', next_attempt_at: null, attempts: [{ status: null, error: /not an allowed webhook target/ }] });
  t.match(sent, { state: 'delivered' });
});
