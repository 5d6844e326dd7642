import banks from '../fixtures/banks.json' with { type: 'json' };
import cardCompanies from '../fixtures/card-companies.json' with { type: 'json' };
import cards from '../fixtures/cards.json' with { type: 'json' };
import merchants from '../fixtures/merchants.json' with { type: 'json' };
import type { CardFixture } from './core/cards/cards.js';
import type { StandardCodeTables } from './core/codes/standard-codes.js';
import type { Merchant, MerchantFixture } from './core/merchants/merchants.js';

// The shipped fixtures, imported as JSON modules so the msw door can bundle them for a browser.

export const defaultMerchants: readonly Merchant[] = (merchants as MerchantFixture).merchants;
export const defaultCards: CardFixture = cards as CardFixture;
export const defaultCodes: StandardCodeTables = { banks, cards: cardCompanies };
