import { CardFixtureSchema, type BinEntry, type CardFixture, type DeclineReason } from '../../contract/cards.js';
import { describeProblems } from '../../contract/validation.js';

export type { BinEntry, CardFixture, DeclineReason } from '../../contract/cards.js';

/** What the sandbox knows about a card from its number: issuer by BIN, and the scripted test declines. */
export interface CardInfo {
  /** First 6 and last 4 digits shown, the rest masked: the full number is never kept. */
  masked: string;
  card_code: string;
  card_name: string;
  card_type: number | null;
  /** Reason code when this card is scripted to decline every charge. */
  declineEvery: string | null;
  /** Reason code when this card is scripted to decline repeat (billing-key) charges. */
  declineRepeat: string | null;
}

export const digitsOf = (cardNumber: string) => cardNumber.replace(/[^0-9]/g, '');

/** Masks positions 7 to (length - 4), the common rule of the vendor's documentation. */
export function maskCardNumber(digits: string): string {
  if (digits.length <= 10) return '*'.repeat(digits.length);
  return digits.slice(0, 6) + '*'.repeat(digits.length - 10) + digits.slice(-4);
}

export class CardCatalogue {
  private readonly bins: BinEntry[];
  private readonly every = new Map<string, string>();
  private readonly repeat = new Map<string, string>();

  constructor(private readonly fixture: CardFixture) {
    const problems = describeProblems(CardFixtureSchema, fixture);
    if (problems.length > 0) throw new Error(`card fixture: ${problems.join('; ')}`);
    // Longest prefix first, so the most specific BIN wins.
    this.bins = [...fixture.bins].sort((a, b) => b.prefix.length - a.prefix.length);
    fixture.declines.forEach((d, i) => {
      if (!fixture.reasons[d.reason]) throw new Error(`card fixture: declines[${i}].reason ${d.reason} is not one of reasons (card ${d.card_number})`);
      (d.on === 'every' ? this.every : this.repeat).set(digitsOf(d.card_number), d.reason);
    });
  }

  reason(code: string): DeclineReason {
    const reason = this.fixture.reasons[code];
    if (!reason) throw new Error(`unknown decline reason ${code}`);
    return reason;
  }

  hasReason(code: string): boolean {
    return code in this.fixture.reasons;
  }

  reasonCodes(): string[] {
    return Object.keys(this.fixture.reasons);
  }

  describe(cardNumber: string): CardInfo {
    const digits = digitsOf(cardNumber);
    const bin = this.bins.find((b) => digits.startsWith(b.prefix));
    return {
      masked: maskCardNumber(digits),
      card_code: bin?.card_code ?? '361',
      card_name: bin?.card_name ?? 'BC카드',
      card_type: bin?.card_type ?? null,
      declineEvery: this.every.get(digits) ?? null,
      declineRepeat: this.repeat.get(digits) ?? null,
    };
  }
}
