import type { Customer } from '../../contract/customer.js';
import type { BillingKeyRecord } from '../../contract/records.js';
import type { CardInfo } from '../cards/cards.js';
import type { Core } from '../context.js';
import type { SettleMid } from '../merchants/merchants.js';
import { isTestChannel } from '../merchants/settle-rules.js';
import { toUnixSeconds } from '../time/clock.js';
import type { Holder } from './holder.js';

/**
 * A billing key for a card, keeping only what the sandbox may keep: the masked number, the issuer,
 * the expiry and the card's scripted declines. A reused customer_uid keeps its first `inserted` time.
 */
export function billingKeyRecord(
  core: Core,
  merchant: string,
  mid: SettleMid,
  customerUid: string,
  card: CardInfo,
  expiry: string,
  holder: Holder,
): BillingKeyRecord {
  const now = toUnixSeconds(core.clock.now());
  const previous = core.records.billingKeys.get(merchant, customerUid);
  const customer: Customer = {
    customer_uid: customerUid,
    pg_provider: 'settle',
    pg_id: mid.mid,
    sandbox: isTestChannel(mid),
    customer_id: holder.customer_id,
    card_name: card.card_name,
    card_code: card.card_code,
    card_issuer_code: null,
    card_issuer_name: null,
    card_publisher_code: null,
    card_publisher_name: null,
    card_number: card.masked,
    card_type: card.card_type,
    customer_name: holder.customer_name,
    customer_tel: holder.customer_tel,
    customer_email: holder.customer_email,
    customer_addr: holder.customer_addr,
    customer_postcode: holder.customer_postcode,
    inserted: previous?.customer.inserted ?? now,
    updated: now,
  };
  return { merchant, customer, expiry, decline_every: card.declineEvery, decline_repeat: card.declineRepeat };
}
