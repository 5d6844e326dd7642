import t from 'tap';
import { forEachDoor, merchantB } from '../helpers/doors.js';

forEachDoor(t, async (t, start) => {
  t.test('register, look up and edit a prepared amount (reference §4.15)', async (t) => {
    const door = await start();
    const created = await door.call('POST', '/payments/prepare', { json: { merchant_uid: 'p-1', amount: 1004 } });
    t.equal(created.status, 200);
    t.same(created.body, { code: 0, message: null, response: { merchant_uid: 'p-1', amount: 1004, currency: null } });

    const found = await door.call('GET', '/payments/prepare/p-1');
    t.equal(found.status, 200);
    t.same(found.body.response, { merchant_uid: 'p-1', amount: 1004, currency: null });

    const edited = await door.call('PUT', '/payments/prepare', { json: { merchant_uid: 'p-1', amount: 2000, currency: 'KRW' } });
    t.same(edited.body, { code: 0, message: null, response: { merchant_uid: 'p-1', amount: 2000, currency: 'KRW' } });
    t.same((await door.call('GET', '/payments/prepare/p-1')).body.response.amount, 2000);

    const form = await door.call('POST', '/payments/prepare', { form: { merchant_uid: 'p-2', amount: '500' } });
    t.same(form.body.response, { merchant_uid: 'p-2', amount: 500, currency: null }, 'form bodies are coerced');
  });

  t.test('a merchant_uid registers once; unknown ones are 404', async (t) => {
    const door = await start();
    await door.call('POST', '/payments/prepare', { json: { merchant_uid: 'dup', amount: 1000 } });
    const again = await door.call('POST', '/payments/prepare', { json: { merchant_uid: 'dup', amount: 1000 } });
    t.equal(again.status, 200);
    t.same(again.body, { code: 1, message: '결제정보 사전등록에 실패하였습니다(이미 등록된 merchant_uid입니다).', response: null });

    const missing = await door.call('GET', '/payments/prepare/never');
    t.equal(missing.status, 404);
    t.same(missing.body, { code: -1, message: '사전등록된 결제정보가 존재하지 않습니다.', response: null });
    const editMissing = await door.call('PUT', '/payments/prepare', { json: { merchant_uid: 'never', amount: 1 } });
    t.equal(editMissing.status, 404);

    const otherMerchant = await door.call('GET', '/payments/prepare/dup', {}, merchantB);
    t.equal(otherMerchant.status, 404, "one merchant never sees another's registrations");
  });

  t.test('bad input gets the envelope', async (t) => {
    const door = await start();
    const noAmount = await door.call('POST', '/payments/prepare', { json: { merchant_uid: 'x' } });
    t.equal(noAmount.status, 400);
    t.same(noAmount.body, { code: -1, message: '["amount"] 파라메터는 필수입니다.', response: null });
    const textAmount = await door.call('POST', '/payments/prepare', { json: { merchant_uid: 'x', amount: '1000' } });
    t.equal(textAmount.status, 400);
    t.equal(textAmount.body.code, -1);
    const longUid = await door.call('GET', `/payments/prepare/${'a'.repeat(41)}`);
    t.equal(longUid.status, 400);
    const noToken = await door.send('POST', '/payments/prepare', { json: { merchant_uid: 'x', amount: 1 } });
    t.equal(noToken.status, 401);
  });

  t.test('registrations survive export and import', async (t) => {
    const door = await start();
    await door.call('POST', '/payments/prepare', { json: { merchant_uid: 'keep', amount: 700 } });
    const snapshot = door.sandbox.export();
    t.same(snapshot.prepared, [{ merchant: 'imp10000001', prepare: { merchant_uid: 'keep', amount: 700, currency: null } }]);
    await door.sandbox.reset();
    t.equal((await door.call('GET', '/payments/prepare/keep')).status, 404);
    await door.sandbox.import(snapshot);
    t.equal((await door.call('GET', '/payments/prepare/keep')).body.response.amount, 700);
  });
});
