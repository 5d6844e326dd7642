import Type, { type TSchema } from 'typebox';

/** A value the vendor sends as either the given type or JSON null. */
export const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

/** Unix time in whole seconds; the vendor uses 0 for "has not happened". */
export const UnixTime = Type.Integer({ minimum: 0, description: 'UNIX timestamp (seconds); 0 when not happened' });

/** Every answer of the API, success or failure, is this envelope. */
export const Envelope = <T extends TSchema>(response: T) =>
  Type.Object({
    code: Type.Integer({ description: '0 on success' }),
    message: Nullable(Type.String()),
    response,
  });

export const ErrorEnvelopeSchema = Type.Object(
  {
    code: Type.Integer({ description: 'non-zero: 1 refused by a state check, -1 failed validation, auth or the PG' }),
    message: Type.String(),
    response: Type.Null(),
  },
);

/** The buyer as a Payment or a ScheduleResult shows it. */
export const BuyerFields = {
  buyer_name: Nullable(Type.String()),
  buyer_email: Nullable(Type.String()),
  buyer_tel: Nullable(Type.String()),
  buyer_addr: Nullable(Type.String()),
  buyer_postcode: Nullable(Type.String()),
};

/**
 * The largest amount of money any request may carry, in KRW: ten digits, the width of the PGs' amount fields
 * (Hecto's `trdAmt` among them), far above any card limit and well inside 2^53 so sums and cancels stay exact.
 */
export const MAX_AMOUNT = 9_999_999_999;

/** An amount of money in KRW: a whole number of won from `minimum` (1 unless a 0 means something) to MAX_AMOUNT. */
export const Money = (options: { minimum?: number; description?: string; examples?: number[] } = {}) =>
  Type.Integer({ minimum: 1, ...options, maximum: MAX_AMOUNT });

/** The end of year 9999 (UTC) in UNIX seconds: the last time the sandbox writes with 4-digit years. */
export const LATEST_UNIX_SECONDS = 253_402_300_799;

/** A UNIX time in whole seconds a request may name, up to the end of year 9999. */
export const RequestTime = (description: string, examples?: number[]) =>
  Type.Integer({ minimum: 0, maximum: LATEST_UNIX_SECONDS, description, ...(examples ? { examples } : {}) });

/** A page number: far more pages than any store holds, and still a safe integer once multiplied by a page size. */
export const PageNumber = Type.Integer({ minimum: 1, maximum: 1_000_000, default: 1 });
