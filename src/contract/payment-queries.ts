import Type, { type Static } from 'typebox';
import { RequestTime } from './common.js';
import { PaymentStatusSchema } from './payment.js';
import { FindPaymentQuerySchema } from './requests.js';

// Listings of payments and the balance lookup (vendor V1 OpenAPI: getPaymentsByStatus,
// getAllPaymentsByMerchantUid, balanceByImpUid).

const Page = Type.Optional(Type.Integer({ minimum: 1, default: 1, description: 'from 1' }));
const Limit = Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, default: 20 }));

export const PaymentStatusParamsSchema = Type.Object({
  payment_status: Type.Union([Type.Literal('all'), PaymentStatusSchema]),
});

export const PaymentsByStatusQuerySchema = Type.Object({
  page: Page,
  limit: Limit,
  from: Type.Optional(RequestTime('UNIX seconds, inclusive; default `to` minus 90 days')),
  to: Type.Optional(RequestTime('UNIX seconds, inclusive; default now')),
  sorting: FindPaymentQuerySchema.properties.sorting,
});
export type PaymentsByStatusQuery = Static<typeof PaymentsByStatusQuerySchema>;

export const FindAllParamsSchema = Type.Object({
  merchant_uid: Type.String({ minLength: 1, maxLength: 40 }),
  payment_status: PaymentStatusSchema,
});

export const FindAllQuerySchema = Type.Object({ page: Page, limit: Limit, sorting: FindPaymentQuerySchema.properties.sorting });
export type FindAllQuery = Static<typeof FindAllQuerySchema>;

/** The vendor's PaymentBalanceAnnotation: one split of an amount. */
const BalanceSchema = Type.Object({ tax_free: Type.Number(), supply: Type.Number(), vat: Type.Number(), service: Type.Number() });

/** The vendor's PaymentBalanceResponseAnnotation (served for PAYCO only: a Settle payment is refused). */
export const PaymentBalanceSchema = Type.Object({
  amount: Type.Number(),
  cash_receipt: BalanceSchema,
  primary: BalanceSchema,
  secondary: BalanceSchema,
  discount: BalanceSchema,
  histories: Type.Array(
    Type.Object({ cash_receipt: BalanceSchema, primary: BalanceSchema, secondary: BalanceSchema, discount: BalanceSchema, created: Type.Integer() }),
  ),
});
export type PaymentBalance = Static<typeof PaymentBalanceSchema>;
