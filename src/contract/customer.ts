import Type, { type Static } from 'typebox';
import { Nullable, UnixTime } from './common.js';

/** The vendor's CustomerAnnotation: a stored billing key, card number masked. */
export const CustomerSchema = Type.Object(
  {
    customer_uid: Type.String(),
    pg_provider: Type.String(),
    pg_id: Type.String(),
    sandbox: Type.Boolean(),
    customer_id: Nullable(Type.String()),
    card_name: Type.String(),
    card_code: Nullable(Type.String()),
    card_issuer_code: Nullable(Type.String()),
    card_issuer_name: Nullable(Type.String()),
    card_publisher_code: Nullable(Type.String()),
    card_publisher_name: Nullable(Type.String()),
    card_number: Nullable(Type.String()),
    card_type: Nullable(Type.Integer()),
    customer_name: Nullable(Type.String()),
    customer_tel: Nullable(Type.String()),
    customer_email: Nullable(Type.String()),
    customer_addr: Nullable(Type.String()),
    customer_postcode: Nullable(Type.String()),
    inserted: UnixTime,
    updated: UnixTime,
  },
);
export type Customer = Static<typeof CustomerSchema>;
