import t from 'tap';
import { CardFixtureSchema } from '../../src/contract/cards.js';
import { describeProblems } from '../../src/contract/validation.js';
import { MerchantFileSchema } from '../../src/contract/merchant.js';
import { CardCatalogue, type CardFixture } from '../../src/core/cards/cards.js';
import { createSandbox, defaultCards, defaultMerchants, type Merchant } from '../../src/index.js';

// A broken fixture must be refused at start-up with a message that names the field, whoever builds the sandbox.

const merchants = () => structuredClone([...defaultMerchants]) as any[];

t.test('the shipped fixtures fit their schemas', async (t) => {
  t.same(describeProblems(MerchantFileSchema, { merchants: defaultMerchants }), []);
  t.same(describeProblems(CardFixtureSchema, defaultCards), []);
});

t.test('createSandbox refuses a broken merchant list, naming the field', async (t) => {
  const refusals: [string, (list: any[]) => void, string][] = [
    ['a merchant without settle', (list) => delete list[1].settle, 'merchants[1]: settle is required'],
    ['an unknown MID kind', (list) => (list[0].settle.mids[1].kind = 'apii'), 'merchants[0].settle.mids[1].kind must be one of api, window (got "apii")'],
    ['an unknown MID key', (list) => (list[0].settle.mids[0].requires_brith = true), 'merchants[0].settle.mids[0].requires_brith is not a known field'],
    ['a bad merchant code', (list) => (list[1].code = 'imp123'), 'merchants[1].code must match ^imp[0-9]{8}$ (got "imp123")'],
    ['a duplicate imp_key', (list) => (list[1].imp_key = list[0].imp_key), `merchants[1].imp_key ${defaultMerchants[0]!.imp_key} appears twice (also merchants[0].imp_key)`],
    ['a default MID that is not one of the MIDs', (list) => (list[0].settle.default_mid = 'nxca_nope'), 'merchants[0].settle.default_mid nxca_nope is not one of its settle.mids'],
    ['no merchant at all', (list) => list.splice(0), 'merchants must hold at least 1 item(s)'],
  ];
  for (const [what, breakIt, message] of refusals) {
    const list = merchants();
    breakIt(list);
    await t.rejects(createSandbox({ merchants: list as Merchant[] }), { message }, what);
  }
});

t.test('every problem of a merchant list is reported at once', async (t) => {
  const list = merchants();
  delete list[1].settle;
  list[0].settle.mids[1].kind = 'apii';
  await t.rejects(createSandbox({ merchants: list }), {
    message: 'merchants[0].settle.mids[1].kind must be one of api, window (got "apii"); merchants[1]: settle is required',
  });
});

t.test('a card fixture is checked when its catalogue is built', async (t) => {
  const cards = () => structuredClone(defaultCards) as any;
  const withoutReason = cards();
  delete withoutReason.declines[2].reason;
  t.throws(() => new CardCatalogue(withoutReason as CardFixture), { message: 'card fixture: declines[2]: reason is required' });
  const unknownReason = cards();
  unknownReason.declines[0].reason = 'lost_card';
  t.throws(() => new CardCatalogue(unknownReason as CardFixture), {
    message: 'card fixture: declines[0].reason lost_card is not one of reasons (card 4000000000000051)',
  });
  const badStage = cards();
  badStage.reasons.wrong_birth.stage = 'bank';
  t.throws(() => new CardCatalogue(badStage as CardFixture), {
    message: 'card fixture: reasons.wrong_birth.stage must be one of approval, auth, card, network (got "bank")',
  });
});
