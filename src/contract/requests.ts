import Type, { type Static } from 'typebox';
import { Money, PageNumber } from './common.js';
import { PaymentStatusSchema } from './payment.js';
import {
  cardChargeExtras,
  CashReceiptType,
  channelKey,
  Cvc,
  DeprecatedVat,
  ProductCount,
  PromotionId,
  SubscribeExtra,
} from './vendor-extras.js';

// Request shapes, defined once: both doors validate with them and the OpenAPI document shows them.
// Formats the vendor documents are checked here; rules that depend on the merchant's contract live in core.

const str = (maxLength: number, description?: string) =>
  Type.String({ maxLength, ...(description ? { description } : {}) });

export const CardNumber = Type.String({
  pattern: '^[0-9]{4}[- ]?[0-9]{4}[- ]?[0-9]{4}[- ]?[0-9]{1,7}$',
  description: 'card number, digits with optional dashes (dddd-dddd-dddd-dddd)',
  examples: ['1234-1234-1234-1234'],
});
export const Expiry = Type.String({ pattern: '^[0-9]{4}-?(0[1-9]|1[0-2])$', description: 'YYYY-MM or YYYYMM', examples: ['2030-01'] });
export const Birth = Type.String({
  pattern: '^([0-9]{6}|[0-9]{10})$',
  description: 'YYMMDD birth date, 10-digit business number, or the dummy 123456 where the contract allows it',
  examples: ['123456'],
});
export const Pwd2Digit = Type.String({ pattern: '^[0-9]{2}$', description: 'first two digits of the card PIN', examples: ['12'] });
// Examples make the documentation's generated requests valid ones ("Try it out" works as shown).
const Amount = Money({ description: 'amount in KRW, a positive integer', examples: [3000] });
/** A part of an amount (tax-free share, VAT) or a balance, where 0 is meaningful. */
export const PartOfAmount = Money({ minimum: 0 });
/** Months of instalments; 0 or 1 is a lump sum. */
export const CardQuota = Type.Integer({ minimum: 0, maximum: 36 });
const MerchantUid = Type.String({ minLength: 1, maxLength: 40, examples: ['order_id_8237352'] });
const CustomerUid = Type.String({ minLength: 1, maxLength: 80, examples: ['your-customer-unique-id'] });
const CustomData = Type.Union([Type.String(), Type.Object({}, { additionalProperties: true }), Type.Array(Type.Unknown())]);

/** The order name and the buyer, as charges and API virtual accounts take them. */
export const buyerFields = {
  name: Type.Optional(str(40, 'order name')),
  buyer_name: Type.Optional(str(16)),
  buyer_email: Type.Optional(str(64)),
  buyer_tel: Type.Optional(str(16)),
  buyer_addr: Type.Optional(str(128)),
  buyer_postcode: Type.Optional(str(8)),
};

const chargeFields = {
  merchant_uid: MerchantUid,
  amount: Amount,
  currency: Type.Optional(Type.Literal('KRW', { description: 'only KRW is supported' })),
  tax_free: Type.Optional(PartOfAmount),
  vat_amount: Type.Optional(PartOfAmount),
  card_quota: Type.Optional(CardQuota),
  custom_data: Type.Optional(CustomData),
  notice_url: Type.Optional(Type.String({ maxLength: 2048 })),
  browser_ip: Type.Optional(Type.String({ maxLength: 64 })),
  vat: Type.Optional(DeprecatedVat),
  promotion_id: Type.Optional(PromotionId),
  ...cardChargeExtras,
  ...buyerFields,
};

/**
 * The 2026 rewrite of the vendor's document replaced `pg` by a required `channel_key` in these bodies; whether the
 * live API still takes the older `pg` is not recorded, so either is accepted and one of them is required
 * (README, choices). Ajv reports the first alternative, so a body with neither reads `["channel_key"] 파라메터는 필수입니다.`
 */
export const channelKeyOrPg = { anyOf: [{ required: ['channel_key'] }, { required: ['pg'] }] };

export const GetTokenBodySchema = Type.Object({
  // The shipped first merchant's credentials (fixtures/merchants.json), so the documented request gets a token.
  imp_key: Type.Optional(Type.String({ maxLength: 256, examples: ['7486213512445823'] })),
  imp_secret: Type.Optional(
    Type.String({ maxLength: 256, examples: ['sandboxSecretA0001zVv7dKq3LmN8pR2sT6wY9bC4eF5gH1jK0xQ2uE7iO3aS8dG6hJ4kL'] }),
  ),
});
export type GetTokenBody = Static<typeof GetTokenBodySchema>;

export const OnetimeBodySchema = Type.Object({
  ...chargeFields,
  card_number: CardNumber,
  expiry: Expiry,
  birth: Type.Optional(Birth),
  pwd_2digit: Type.Optional(Pwd2Digit),
  customer_uid: Type.Optional(CustomerUid),
  pg: Type.Optional(Type.String({ maxLength: 80, description: '`settle` or `settle.{MID}`' })),
  cvc: Type.Optional(Cvc),
  channelGroupId: Type.Optional(Type.String({ maxLength: 55, description: 'smart-routing group (not used by the sandbox: the `pg` rules choose the MID)' })),
  secure_3d_charge_id: Type.Optional(Type.String({ maxLength: 256, description: 'overseas PGs only; ignored for Settle' })),
  secure_3d_token: Type.Optional(Type.String({ maxLength: 2048, description: 'overseas PGs only; ignored for Settle' })),
});
export type OnetimeBody = Static<typeof OnetimeBodySchema>;

export const AgainBodySchema = Type.Object({
  ...chargeFields,
  customer_uid: CustomerUid,
  product_count: Type.Optional(ProductCount),
  cash_receipt_type: Type.Optional(CashReceiptType),
  extra: Type.Optional(SubscribeExtra),
  channel_key: Type.Optional(channelKey('super billing keys only; ignored (a Settle key has one channel)')),
});
export type AgainBody = Static<typeof AgainBodySchema>;

export const CustomerSaveBodySchema = Type.Object({
  pg: Type.Optional(Type.String({ maxLength: 80 })),
  card_number: CardNumber,
  expiry: Expiry,
  birth: Type.Optional(Birth),
  pwd_2digit: Type.Optional(Pwd2Digit),
  customer_id: Type.Optional(str(80)),
  customer_name: Type.Optional(str(20)),
  customer_tel: Type.Optional(str(20)),
  customer_email: Type.Optional(str(200)),
  customer_addr: Type.Optional(str(200)),
  customer_postcode: Type.Optional(str(8)),
  cvc: Type.Optional(Cvc),
  channel_key: Type.Optional(channelKey('required (or `pg`, which chooses the MID)')),
  channel_group_id: Type.Optional(Type.String({ maxLength: 55, description: 'smart-routing group; ignored (the `pg` rules choose the MID)' })),
}, channelKeyOrPg);
export type CustomerSaveBody = Static<typeof CustomerSaveBodySchema>;

export const CancelBodySchema = Type.Object({
  imp_uid: Type.Optional(Type.String({ minLength: 1, maxLength: 32 })),
  merchant_uid: Type.Optional(MerchantUid),
  amount: Type.Optional(Money({ minimum: 0, description: 'partial amount; missing or 0 cancels the rest' })),
  tax_free: Type.Optional(PartOfAmount),
  vat_amount: Type.Optional(PartOfAmount),
  checksum: Type.Optional(Type.Union([PartOfAmount, Type.Null()])),
  reason: Type.Optional(Type.String({ maxLength: 256 })),
  refund_holder: Type.Optional(str(64)),
  refund_bank: Type.Optional(str(16)),
  refund_account: Type.Optional(str(64)),
  refund_tel: Type.Optional(str(32)),
  enable_webhook: Type.Optional(Type.Boolean()),
  retain_promotion: Type.Optional(Type.Boolean({ description: 'keeps a PortOne promotion after a partial cancel; no promotion applies to Settle key-in payments, so ignored' })),
  // The document types it `array` yet describes `extra.requester`; PHP reads `extra[requester]=…` as a map.
  extra: Type.Optional(
    Type.Object({ requester: Type.Optional(Type.Union([Type.Literal('customer'), Type.Literal('admin')], { description: 'naverpay only; ignored' })) }),
  ),
});
export type CancelBody = Static<typeof CancelBodySchema>;

export const CustomerUidParamsSchema = Type.Object({ customer_uid: CustomerUid });
export const ImpUidParamsSchema = Type.Object({ imp_uid: Type.String({ minLength: 1, maxLength: 32 }) });
export const MerchantUidParamsSchema = Type.Object({ merchant_uid: MerchantUid });
export const FindPaymentParamsSchema = Type.Object({
  merchant_uid: MerchantUid,
  payment_status: PaymentStatusSchema,
});
export const FindPaymentQuerySchema = Type.Object({
  sorting: Type.Optional(
    Type.Union(
      [
        Type.Literal('-started'),
        Type.Literal('started'),
        Type.Literal('-paid'),
        Type.Literal('paid'),
        Type.Literal('-updated'),
        Type.Literal('updated'),
      ],
      { default: '-started' },
    ),
  ),
});
export const IncludeSandboxQuerySchema = Type.Object({
  include_sandbox: Type.Optional(
    Type.Boolean({ default: false, description: 'true: a payment made on a test channel (`sandbox: true`) is found too; otherwise it answers 404' }),
  ),
});
export const PaymentsQuerySchema = Type.Object({
  imp_uid: Type.Optional(Type.Array(Type.String({ maxLength: 32 }), { maxItems: 100 })),
  merchant_uid: Type.Optional(Type.Array(MerchantUid, { maxItems: 100 })),
});
export const CustomersQuerySchema = Type.Object({
  customer_uid: Type.Array(CustomerUid, { minItems: 1, maxItems: 100 }),
});
export const PageQuerySchema = Type.Object({ page: Type.Optional(PageNumber) });
export const DeleteCustomerQuerySchema = Type.Object({
  reason: Type.Optional(Type.String({ maxLength: 256 })),
  extra: Type.Optional(Type.Object({ requester: Type.Optional(Type.String({ maxLength: 64 })) })),
});
