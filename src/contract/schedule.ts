import Type, { type Static } from 'typebox';
import { BuyerFields, Money, Nullable, PageNumber, RequestTime, UnixTime } from './common.js';
import { Birth, CardNumber, CardQuota, Expiry, PartOfAmount, Pwd2Digit } from './requests.js';
import { cardChargeExtras, CashReceiptType, channelKey, Cvc, ProductCount, SubscribeExtra } from './vendor-extras.js';

// Scheduled payments (reference §3.4, §4.8–§4.10): request and response shapes, defined once for both doors.

const str = (maxLength: number) => Type.String({ maxLength });
const MerchantUid = Type.String({ minLength: 1, maxLength: 40, examples: ['order_id_8237353'] });
const CustomerUid = Type.String({ minLength: 1, maxLength: 80, examples: ['your-customer-unique-id'] });

const ScheduleStatusSchema = Type.Union([Type.Literal('scheduled'), Type.Literal('executed'), Type.Literal('revoked')]);

/** The vendor's ScheduleResultAnnotation: every field always present, null where nothing applies yet. */
export const ScheduleResultSchema = Type.Object({
  customer_uid: Type.String(),
  merchant_uid: Type.String(),
  imp_uid: Nullable(Type.String({ description: 'null until the schedule has run' })),
  pg_provider: Type.String(),
  pg_id: Type.String(),
  customer_id: Nullable(Type.String()),
  schedule_at: UnixTime,
  executed_at: UnixTime,
  revoked_at: UnixTime,
  amount: Type.Number(),
  currency: Type.String(),
  name: Nullable(Type.String()),
  ...BuyerFields,
  custom_data: Nullable(Type.String()),
  schedule_status: ScheduleStatusSchema,
  payment_status: Nullable(Type.Union([Type.Literal('paid'), Type.Literal('failed'), Type.Literal('cancelled')])),
  fail_reason: Nullable(Type.String()),
  promotion_id: Nullable(Type.String()),
});
export type ScheduleResult = Static<typeof ScheduleResultSchema>;

/** Listings by customer and by date range, paged as the vendor's own Java client reads them (`ScheduleList`). */
export const PagedSchedulesSchema = Type.Object({
  total: Type.Integer(),
  previous: Type.Integer({ description: '0 when there is no previous page' }),
  next: Type.Integer({ description: '0 when there is no next page' }),
  list: Type.Array(ScheduleResultSchema),
});
export type PagedSchedules = Static<typeof PagedSchedulesSchema>;

/** One entry of `schedules` (the vendor's ScheduleAnnotation). */
const ScheduleEntrySchema = Type.Object({
  merchant_uid: MerchantUid,
  schedule_at: RequestTime('UNIX timestamp (seconds) the charge runs at', [1893423600]),
  amount: Money({ description: 'amount in KRW, a positive integer', examples: [3000] }),
  // The vendor lists currency among the 필수항목 but gives it `default: KRW`; name has no default (README, choices).
  currency: Type.Optional(Type.Literal('KRW', { description: 'only KRW is supported (default KRW)' })),
  name: Type.String({ maxLength: 40, description: 'order name (필수항목)', examples: ['월간 이용권'] }),
  tax_free: Type.Optional(PartOfAmount),
  vat_amount: Type.Optional(PartOfAmount),
  card_quota: Type.Optional(CardQuota),
  buyer_name: Type.Optional(str(16)),
  buyer_email: Type.Optional(str(64)),
  buyer_tel: Type.Optional(str(16)),
  buyer_addr: Type.Optional(str(128)),
  buyer_postcode: Type.Optional(str(8)),
  custom_data: Type.Optional(Type.Union([Type.String(), Type.Object({}, { additionalProperties: true }), Type.Array(Type.Unknown())])),
  notice_url: Type.Optional(Type.String({ maxLength: 2048, description: 'webhook URL of this schedule (overrides the merchant\'s)' })),
  promotion_id: Type.Optional(str(64)),
  browser_ip: Type.Optional(str(64)),
  product_count: Type.Optional(ProductCount),
  cash_receipt_type: Type.Optional(CashReceiptType),
  extra: Type.Optional(SubscribeExtra),
  ...cardChargeExtras,
});

export type ScheduleEntry = Static<typeof ScheduleEntrySchema>;

export const ScheduleBodySchema = Type.Object({
  customer_uid: CustomerUid,
  customer_id: Type.Optional(str(80)),
  checking_amount: Type.Optional(PartOfAmount),
  card_number: Type.Optional(CardNumber),
  expiry: Type.Optional(Expiry),
  birth: Type.Optional(Birth),
  pwd_2digit: Type.Optional(Pwd2Digit),
  pg: Type.Optional(Type.String({ maxLength: 80, description: '`settle` or `settle.{MID}` for the key issued from card details' })),
  cvc: Type.Optional(Cvc),
  channel_key: Type.Optional(channelKey('super billing keys only; ignored (a Settle key has one channel)')),
  schedules: Type.Array(ScheduleEntrySchema, { minItems: 1, maxItems: 100 }),
});
export type ScheduleBody = Static<typeof ScheduleBodySchema>;

const MerchantUids = Type.Union([MerchantUid, Type.Array(MerchantUid, { maxItems: 100 })]);
export const UnscheduleBodySchema = Type.Object({
  customer_uid: Type.Optional(CustomerUid),
  merchant_uid: Type.Optional(MerchantUids),
  'merchant_uid[]': Type.Optional(Type.Array(MerchantUid, { maxItems: 100 })),
});
export type UnscheduleBody = Static<typeof UnscheduleBodySchema>;

const Page = Type.Optional(PageNumber);
const Status = Type.Optional(ScheduleStatusSchema);

export const ScheduleRangeQuerySchema = Type.Object({
  schedule_from: RequestTime('UNIX seconds, inclusive'),
  schedule_to: RequestTime('UNIX seconds, exclusive'),
  schedule_status: Status,
  page: Page,
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, default: 20 })),
  // The vendor documents `scheduled` (oldest first) against its default (newest first); `-scheduled` names that
  // default in the `-` convention of the payment listings, and `schedule_at`/`-schedule_at` stay as aliases.
  sorting: Type.Optional(
    Type.Union([Type.Literal('-scheduled'), Type.Literal('scheduled'), Type.Literal('-schedule_at'), Type.Literal('schedule_at')], {
      default: '-scheduled',
    }),
  ),
});
export type ScheduleRangeQuery = Static<typeof ScheduleRangeQuerySchema>;

export const ScheduleCustomerQuerySchema = Type.Object({
  from: RequestTime('UNIX seconds, inclusive'),
  to: RequestTime('UNIX seconds, exclusive'),
  'schedule-status': Status,
  page: Page,
});
export type ScheduleCustomerQuery = Static<typeof ScheduleCustomerQuerySchema>;
