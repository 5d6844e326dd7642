import t from 'tap';
import { forEachDoor } from '../helpers/doors.js';

const declines = [
  ['4000-0000-0000-0051', '결제승인에 실패하였습니다. [ST51]한도초과'],
  ['4000-0000-0000-0069', '결제승인에 실패하였습니다. [ST52]잔액부족'],
  ['4000-0000-0000-0077', '결제승인에 실패하였습니다. [ST53]거래정지카드'],
  ['4000-0000-0000-0085', '카드정보 인증에 실패하였습니다. [ST54]비밀번호 오류'],
  ['4000-0000-0000-0093', '카드정보 인증에 실패하였습니다. [ST55]생년월일 불일치'],
  ['4000-0000-0000-0101', '유효하지않은 카드번호를 입력하셨습니다.'],
  ['4000-0000-0000-0119', '카드사 요청에 실패하였습니다. [ST99]카드사 통신장애'],
] as const;

forEachDoor(t, async (t, start) => {
  t.test('onetime: each test card declines with its reason as code -1, and the attempt is stored as failed', async (t) => {
    const door = await start();
    for (const [number, message] of declines) {
      const merchant_uid = `decline-${number}`;
      const res = await door.call('POST', '/subscribe/payments/onetime', {
        json: { merchant_uid, card_number: number, expiry: '2030-01', birth: '123456', amount: 1000 },
      });
      t.equal(res.status, 200);
      t.same(res.body, { code: -1, message, response: null }, number);
      const stored = await door.call('GET', `/payments/find/${merchant_uid}`);
      t.match(stored.body.response, {
        status: 'failed',
        fail_reason: message,
        paid_at: 0,
        failed_at: stored.body.response.started_at,
        card_number: `${number.replace(/-/g, '').slice(0, 6)}******${number.slice(-4)}`,
      });
    }
    const ok = await door.call('POST', '/subscribe/payments/onetime', {
      json: { merchant_uid: 'approve', card_number: '4000-0000-0000-0010', expiry: '2030-01', amount: 1000 },
    });
    t.equal(ok.body.code, 0, 'any other well-formed number approves');
  });

  t.test('again: a decline is code 0 with a failed Payment; an unreachable PG is code -1; both are stored', async (t) => {
    const door = await start();
    const issue = (customer_uid: string, card_number: string) =>
      door.call('POST', '/subscribe/payments/onetime', {
        json: { merchant_uid: `issue-${customer_uid}`, customer_uid, card_number, expiry: '2030-01', amount: 1000 },
      });
    for (const [uid, number, text] of [
      ['limit', '4000000000000341', '결제승인에 실패하였습니다. [ST51]한도초과'],
      ['balance', '4000000000000358', '결제승인에 실패하였습니다. [ST52]잔액부족'],
      ['suspended', '4000000000000366', '결제승인에 실패하였습니다. [ST53]거래정지카드'],
    ] as const) {
      const first = await issue(uid, number);
      t.equal(first.body.code, 0, 'the first charge of a repeat-decline card passes and stores the key');
      const again = await door.call('POST', '/subscribe/payments/again', { json: { merchant_uid: `again-${uid}`, customer_uid: uid, amount: 1000 } });
      t.equal(again.status, 200);
      t.equal(again.body.code, 0);
      t.equal(again.body.message, null);
      t.match(again.body.response, { status: 'failed', fail_reason: text, paid_at: 0, customer_uid_usage: 'payment', imp_uid: /^imps_/ });
      t.ok(again.body.response.failed_at > 0);
      const history = await door.call('GET', `/subscribe/customers/${uid}/payments`);
      t.same(history.body.response.list.map((p: any) => p.status), ['failed', 'paid']);
    }

    await issue('expiring', '4111111111111111');
    await door.sandbox.setTime(Date.UTC(2030, 1, 1));
    const token = await door.tokenOf();
    const expired = await door.send('POST', '/subscribe/payments/again', {
      headers: { authorization: token },
      json: { merchant_uid: 'again-expired', customer_uid: 'expiring', amount: 1000 },
    });
    t.match(expired.body, { code: 0, response: { status: 'failed', fail_reason: /\[ST56\]유효기간 경과/ } });
  });

  t.test('a key issued without payment keeps the card\'s approval decline; auth and network declines refuse the key', async (t) => {
    const door = await start({
      merchants: (await import('../../src/index.js')).defaultMerchants.map((m) => ({ ...m, settle: { ...m.settle, billing_key_api: true } })),
    });
    const save = await door.call('POST', '/subscribe/customers/limited', { json: { channel_key: 'channel-key-1', card_number: '4000000000000051', expiry: '2030-01' } });
    t.equal(save.body.code, 0, 'an approval-stage decline card can still hold a key');
    const again = await door.call('POST', '/subscribe/payments/again', { json: { merchant_uid: 'x-1', customer_uid: 'limited', amount: 1000 } });
    t.match(again.body, { code: 0, response: { status: 'failed', fail_reason: /\[ST51\]/ } });
    const refused = await door.call('POST', '/subscribe/customers/bad', { json: { channel_key: 'channel-key-1', card_number: '4000000000000119', expiry: '2030-01' } });
    t.same(refused.body, { code: -1, message: '카드사 요청에 실패하였습니다. [ST99]카드사 통신장애', response: null });
    const wrongPwd = await door.call('POST', '/subscribe/customers/bad', { json: { channel_key: 'channel-key-1', card_number: '4000000000000085', expiry: '2030-01' } });
    t.same(wrongPwd.body, { code: -1, message: '카드정보 인증 및 빌키 발급에 실패하였습니다. [ST54]비밀번호 오류', response: null });
    t.equal((await door.call('GET', '/subscribe/customers/bad')).status, 404);
  });
});
