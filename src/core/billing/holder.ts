import type { Customer } from '../../contract/customer.js';

/** The card holder a billing key keeps, named as the vendor's Customer names it. */
export type Holder = Pick<Customer, 'customer_id' | 'customer_name' | 'customer_tel' | 'customer_email' | 'customer_addr' | 'customer_postcode'>;

/** The buyer fields of a charge or a schedule. */
export interface Buyer {
  buyer_name: string | null;
  buyer_email: string | null;
  buyer_tel: string | null;
  buyer_addr: string | null;
  buyer_postcode: string | null;
}

type BuyerInput = { [K in keyof Buyer]?: string | null | undefined };

// A key's customer_* fields and a payment's buyer_* fields are the same person: a key issued with a payment keeps
// its buyer as the customer, and later charges of the key fall back to the customer (reference §4.1, §4.2, §4.8).

/** The holder a key keeps from the buyer of the payment that issued it. */
export const holderFromBuyer = (buyer: BuyerInput, customerId: string | null = null): Holder => ({
  customer_id: customerId,
  customer_name: buyer.buyer_name ?? null,
  customer_tel: buyer.buyer_tel ?? null,
  customer_email: buyer.buyer_email ?? null,
  customer_addr: buyer.buyer_addr ?? null,
  customer_postcode: buyer.buyer_postcode ?? null,
});

/** The buyer of a charge of the key: each field the request gives, else the key's customer field. */
export const buyerWithHolder = (buyer: BuyerInput, holder: Holder): Buyer => ({
  buyer_name: buyer.buyer_name ?? holder.customer_name,
  buyer_email: buyer.buyer_email ?? holder.customer_email,
  buyer_tel: buyer.buyer_tel ?? holder.customer_tel,
  buyer_addr: buyer.buyer_addr ?? holder.customer_addr,
  buyer_postcode: buyer.buyer_postcode ?? holder.customer_postcode,
});
