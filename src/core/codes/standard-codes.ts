import type { StandardCode } from '../../contract/codes.js';
import { ok, type Answer } from '../answer.js';
import { copy } from '../copy.js';
import { errors } from '../errors.js';

/** The code tables the sandbox answers from (fixtures/banks.json, fixtures/card-companies.json). */
export interface StandardCodeTables {
  banks: readonly StandardCode[];
  cards: readonly StandardCode[];
}

/** Bank and card company standard codes (금융결제원 표준코드), the same for every merchant. */
export class StandardCodes {
  constructor(private readonly tables: StandardCodeTables) {}

  banks(): Answer<StandardCode[]> {
    return ok(copy([...this.tables.banks]));
  }

  bank(code: string): Answer<StandardCode> {
    const found = this.tables.banks.find((b) => b.code === code);
    if (!found) throw errors.bankCodeNotFound();
    return ok(copy(found));
  }

  cards(): Answer<StandardCode[]> {
    return ok(copy([...this.tables.cards]));
  }

  card(code: string): Answer<StandardCode> {
    const found = this.tables.cards.find((c) => c.code === code);
    if (!found) throw errors.cardCodeNotFound();
    return ok(copy(found));
  }
}
