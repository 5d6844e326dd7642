import t from 'tap';
import { StandardCodeTableSchema } from '../../src/contract/codes.js';
import { describeProblems } from '../../src/contract/validation.js';
import { defaultCodes } from '../../src/index.js';
import { forEachDoor, merchantB } from '../helpers/doors.js';

// Standard codes, PG settings and tiers (vendor V1 OpenAPI: codes, users, tiers).

t.test('the shipped code tables fit their schema and hold each code once', async (t) => {
  for (const [name, table] of Object.entries(defaultCodes)) {
    t.same(describeProblems(StandardCodeTableSchema, table), [], name);
    t.equal(new Set(table.map((c: { code: string }) => c.code)).size, table.length, `${name}: codes are unique`);
  }
});

forEachDoor(t, async (t, start) => {
  t.test('banks and card companies by 금융결제원 standard code', async (t) => {
    const door = await start();
    const banks = await door.call('GET', '/banks');
    t.equal(banks.status, 200);
    t.same(banks.body.response, defaultCodes.banks);
    t.same((await door.call('GET', '/banks/004')).body, { code: 0, message: null, response: { code: '004', name: 'KB국민은행' } });
    t.match(await door.call('GET', '/banks/999'), { status: 404, body: { code: 1, response: null } });
    t.same((await door.call('GET', '/cards')).body.response, defaultCodes.cards);
    t.same((await door.call('GET', '/cards/361')).body.response, { code: '361', name: 'BC카드' });
    t.equal((await door.call('GET', '/cards/999')).status, 404);
    t.equal((await door.send('GET', '/banks')).status, 401, 'the token is required');
  });

  t.test("the merchant's PG settings; no tiers", async (t) => {
    const door = await start();
    t.same((await door.call('GET', '/users/pg')).body.response, [
      { pg_provider: 'settle', pg_id: 'nxca_jt_bi', sandbox: false, type: 'api_payment' },
      { pg_provider: 'settle', pg_id: 'nxca_ks_gu', sandbox: false, type: 'api_payment' },
      { pg_provider: 'settle', pg_id: 'nxca_jt_il', sandbox: false, type: 'payment' },
    ]);
    t.equal((await door.call('GET', '/users/pg', {}, merchantB)).body.response.length, 2, "each merchant sees its own MIDs");
    t.match(await door.call('GET', '/tiers/XYZ'), { status: 404, body: { code: 1, response: null } });
    t.equal((await door.call('GET', '/tiers/xy')).status, 400);
  });
});
