import Type from 'typebox';
import { CustomerSchema } from './customer.js';
import { LATEST_UNIX_SECONDS, Money, Nullable, RequestTime, UnixTime } from './common.js';
import { SettleMidSchema } from './merchant.js';
import { PaymentSchema } from './payment.js';
import { WebhookContentTypeSchema, WebhookDeliverySchema } from './webhook.js';

export { WebhookDeliverySchema };

// The sandbox control API (`/sandbox/...`): shapes of what a test sends to steer the sandbox and what it reads back.

// The example is the shipped first merchant's code (fixtures/merchants.json), so "Try it out" names one that exists.
const merchantCode = (description = 'merchant code (imp + 8 digits)') =>
  Type.String({ pattern: '^imp[0-9]{8}$', description, examples: ['imp10000001'] });
const MerchantCode = merchantCode();
const OfMerchant = Type.Object({ merchant: Type.String() });

export const MerchantFilterQuerySchema = Type.Object({ merchant: Type.Optional(MerchantCode) });
// Control bodies refuse unknown fields: a misspelt `{"day": 1}` must not quietly do nothing.
const strict = { additionalProperties: false } as const;

export const ResetBodySchema = Type.Object(
  {
    merchant: Type.Optional(merchantCode('forget only this merchant or tenant; everything when absent')),
    keep_clock: Type.Optional(Type.Boolean({ description: 'a full reset puts the clock back to real time, running, unless true' })),
  },
  strict,
);
export const ResetResultSchema = Type.Object({ reset: Type.String({ description: '`all` or the merchant code' }) });

export const ImportResultSchema = Type.Object({ payments: Type.Integer(), billing_keys: Type.Integer(), schedules: Type.Integer() });

export const ControlPaymentsSchema = Type.Array(Type.Intersect([OfMerchant, PaymentSchema]));
export const ControlBillingKeysSchema = Type.Array(Type.Intersect([OfMerchant, CustomerSchema]));

export const ClockSchema = Type.Object({
  now: Type.Integer({ description: 'sandbox time, UNIX milliseconds' }),
  now_unix: UnixTime,
  iso: Type.String({ description: 'sandbox time, ISO 8601 (UTC)' }),
  frozen: Type.Boolean(),
});
const at = (description = 'UNIX timestamp (seconds), as the vendor API counts time') => RequestTime(description);
export const FreezeBodySchema = Type.Object({ at: Type.Optional(at('UNIX seconds to freeze at; now when absent')) }, strict);
export const SetClockBodySchema = Type.Object({ at: at() }, strict);
// Each unit up to the whole span the clock can take (1970 to 9999), so the sum stays a safe integer.
const Span = (unit: string, seconds: number) =>
  Type.Optional(Type.Integer({ minimum: 0, maximum: Math.floor(LATEST_UNIX_SECONDS / seconds), description: unit }));
export const AdvanceBodySchema = Type.Object({
  seconds: Span('seconds to add', 1),
  minutes: Span('minutes to add', 60),
  hours: Span('hours to add', 3600),
  days: Span('days to add', 86400),
}, strict);

export const WebhookConfigBodySchema = Type.Object({
  url: Nullable(Type.String({ maxLength: 2048, description: 'Notification URL; null sends nothing unless a request names notice_url' })),
  content_type: Type.Optional(Type.Union([Type.Literal('json'), Type.Literal('form')], { default: 'json' })),
  retry: Type.Optional(Type.Boolean({ default: false, description: 'up to 5 retries one minute apart after a network error or 5xx' })),
}, strict);
export const WebhookConfigSchema = Type.Object({
  url: Nullable(Type.String()),
  content_type: WebhookContentTypeSchema,
  retry: Type.Boolean(),
});
export const MerchantCodeParamsSchema = Type.Object({ code: MerchantCode });
/** One merchant's billing key: billing keys are kept per merchant, so the customer_uid alone may name several. */
export const MerchantBillingKeyParamsSchema = Type.Object({ code: MerchantCode, customer_uid: Type.String({ minLength: 1, maxLength: 80 }) });

export const DeliveryParamsSchema = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });

const ResultSchema = Type.Union([Type.Literal('approve'), Type.Literal('decline'), Type.Literal('unreachable')]);
export const OutcomeBodySchema = Type.Object({
  merchant: Type.Optional(merchantCode('only this merchant\'s charges; every merchant\'s when absent')),
  customer_uid: Type.Optional(Type.String({ minLength: 1, maxLength: 80 })),
  card: Type.Optional(Type.String({ minLength: 4, maxLength: 32, description: 'full or masked card number, or its last 4 digits' })),
  result: ResultSchema,
  reason: Type.Optional(Type.String({ maxLength: 64, description: 'decline reason code of fixtures/cards.json (decline only)' })),
  times: Type.Optional(Type.Integer({ minimum: 1, maximum: 10000, default: 1 })),
}, strict);
export const OutcomeSchema = Type.Object({
  id: Type.String(),
  merchant: Nullable(Type.String()),
  customer_uid: Nullable(Type.String()),
  card: Nullable(Type.String()),
  result: ResultSchema,
  reason: Nullable(Type.String()),
  remaining: Type.Integer(),
});

export const FaultParamsSchema = Type.Object({
  operation: Type.String({ minLength: 1, maxLength: 64, description: 'a vendor operationId (`again`, `getToken`…) or `*`' }),
});
const Rate = Type.Optional(Type.Number({ minimum: 0, maximum: 1 }));
export const FaultBodySchema = Type.Object({
  latency_ms: Type.Optional(Type.Integer({ minimum: 0, maximum: 120_000 })),
  error_rate: Rate,
  error_status: Type.Optional(Type.Integer({ minimum: 500, maximum: 599 })),
  drop_rate: Rate,
  seed: Type.Optional(Type.Integer({ minimum: 0, maximum: 2 ** 31 - 1 })),
}, strict);
export const FaultSchema = Type.Object({
  operation: Type.String(),
  latency_ms: Type.Integer(),
  error_rate: Type.Number(),
  error_status: Type.Integer(),
  drop_rate: Type.Number(),
  seed: Type.Integer(),
});
export const DoneSchema = Type.Object({ done: Type.Literal(true) });

export const HealthSchema = Type.Object({ status: Type.Literal('ok'), seed: Type.Integer() });

// What the dashboard (/sandbox) reads: merchants without credentials, a change counter to poll, a control cancel.

export const ControlMerchantSchema = Type.Object({
  code: MerchantCode,
  name: Type.String(),
  default_mid: Type.String(),
  billing_key_api: Type.Boolean(),
  test_auto_cancel: Type.Boolean({ description: "Hecto's nightly PG-side cancel of test-channel payments (merchants file `settle.test_auto_cancel`)" }),
  mids: Type.Array(SettleMidSchema),
  webhook: Nullable(WebhookConfigSchema),
});
export const ChangesSchema = Type.Object({
  version: Type.Integer({ description: 'grows with every stored change (payments, keys, schedules, deliveries, resets)' }),
  clock: ClockSchema,
});
export const ControlCancelBodySchema = Type.Object({
  amount: Type.Optional(Money({ minimum: 0, description: 'partial amount; missing or 0 cancels the rest', examples: [1000] })),
  reason: Type.Optional(Type.String({ maxLength: 256 })),
  enable_webhook: Type.Optional(Type.Boolean({ description: "notify the merchant's Notification URL, as the vendor cancel would" })),
});
