import type { Static } from 'typebox';
import type { OutcomeBodySchema, OutcomeSchema } from '../../contract/control.js';
import { digitsOf, maskCardNumber, type CardCatalogue } from '../cards/cards.js';
import { errors } from '../errors.js';
import type { MerchantDirectory } from '../merchants/merchants.js';
import type { SandboxState } from '../state/state.js';

/**
 * "The next `times` (1 when absent) charges of `merchant` (every merchant's when absent) with this billing key
 * (`customer_uid`) or this `card` (full or masked number, or its last 4 digits) → `result`"; `reason` is a decline
 * reason code of fixtures/cards.json (`decline` only; `limit_exceeded` when absent).
 */
export type OutcomeRequest = Static<typeof OutcomeBodySchema>;

/** A queued outcome; `card` is a masked number or last 4 digits, compared with the masked number the sandbox keeps. */
export type ScriptedOutcome = Static<typeof OutcomeSchema>;

/** The card and key a charge uses, as the outcome queue matches them. */
export interface ChargeSubject {
  merchant: string;
  customerUid: string | null;
  /** The masked card number. */
  card: string | null;
}

/** The decision for one charge: `reason` null approves, otherwise it is the decline reason code to apply. */
export interface ScriptedDecision {
  reason: string | null;
  /** Takes the charge off the queue, inside the write that stores the charge (its undo puts it back). */
  consume(): void;
}

const DEFAULT_DECLINE = 'limit_exceeded';

/**
 * Scripted outcomes: "the next N charges for this customer or card → approve / decline / PG unreachable".
 * They win over every card-based rule (test cards, expiry, contract) but not over the API's own refusals
 * (unknown key, already paid), which happen before a charge reaches the PG. Kept in memory, not in the state:
 * they script a test run, they are not data of the sandbox.
 */
export class ScriptedOutcomes {
  private queue: ScriptedOutcome[] = [];
  private nextId = 1;

  constructor(
    private readonly cards: CardCatalogue,
    private readonly state: Pick<SandboxState, 'undoWith'>,
    private readonly merchants: MerchantDirectory,
  ) {}

  add(request: OutcomeRequest): ScriptedOutcome {
    if (request.merchant !== undefined) this.merchants.require(request.merchant);
    if (!request.customer_uid && !request.card) throw errors.missingParameter('customer_uid 또는 card');
    const reason =
      request.result === 'decline' ? (request.reason ?? DEFAULT_DECLINE) : request.result === 'unreachable' ? this.networkReason() : null;
    if (reason !== null && !this.cards.hasReason(reason)) {
      throw errors.invalidParameter('reason', `알 수 없는 거절 사유입니다 (${this.cards.reasonCodes().join(', ')} 중 하나).`);
    }
    const outcome: ScriptedOutcome = {
      id: `outcome_${this.nextId++}`,
      merchant: request.merchant ?? null,
      customer_uid: request.customer_uid ?? null,
      card: request.card ? cardKey(request.card) : null,
      result: request.result,
      reason,
      remaining: request.times ?? 1,
    };
    this.queue.push(outcome);
    return { ...outcome };
  }

  list(): ScriptedOutcome[] {
    return this.queue.map((o) => ({ ...o }));
  }

  /** Forgets the outcomes of one merchant (those scripted for every merchant stay), or all. */
  clear(merchant?: string): void {
    if (merchant !== undefined) this.merchants.require(merchant);
    this.queue = merchant === undefined ? [] : this.queue.filter((o) => o.merchant !== merchant);
  }

  /** The first queued outcome that matches the charge, oldest first, or null when the charge is not scripted. */
  decide(subject: ChargeSubject): ScriptedDecision | null {
    const outcome = this.queue.find((o) => o.remaining > 0 && matches(o, subject));
    if (!outcome) return null;
    return {
      reason: outcome.reason,
      consume: () => {
        outcome.remaining--;
        if (outcome.remaining === 0) this.queue = this.queue.filter((o) => o !== outcome);
        this.state.undoWith(() => {
          if (outcome.remaining === 0) this.queue.push(outcome);
          outcome.remaining++;
        });
      },
    };
  }

  private networkReason(): string {
    const code = this.cards.reasonCodes().find((c) => this.cards.reason(c).stage === 'network');
    if (!code) throw errors.badRequest('카드 픽스처에 통신장애(network) 거절 사유가 없습니다.');
    return code;
  }
}

/** Full numbers are masked the way stored cards are; masked numbers and last-4 are kept as given. */
function cardKey(card: string): string {
  const trimmed = card.trim();
  if (/^[0-9 -]+$/.test(trimmed) && digitsOf(trimmed).length > 4) return maskCardNumber(digitsOf(trimmed));
  return trimmed.replace(/[ -]/g, '');
}

function matches(outcome: ScriptedOutcome, subject: ChargeSubject): boolean {
  if (outcome.merchant !== null && outcome.merchant !== subject.merchant) return false;
  if (outcome.customer_uid !== null && outcome.customer_uid === subject.customerUid) return true;
  if (outcome.card === null || subject.card === null) return false;
  return outcome.card.length === 4 ? subject.card.endsWith(outcome.card) : subject.card === outcome.card;
}
