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
