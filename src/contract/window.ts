import Type from 'typebox';
import { Nullable } from './common.js';
import { PaymentSchema } from './payment.js';
import { CardNumber, CardQuota } from './requests.js';

// The payment window's JSON API (`/sandbox/window/...`): what the stand-in SDK and the checkout page send, and
// what they read back. The window's own rules (request_pay's checks) live in the core, not in these schemas.

export const WindowParamsSchema = Type.Object({ imp_uid: Type.String({ minLength: 1, maxLength: 32 }) });

/** Longest text a request_pay parameter may carry (URLs included); the core caps what it stores further. */
export const WINDOW_TEXT_MAX = 2048;

// This route is open to any page (no token, any origin), so its size is bounded here: a request is a few dozen
// keys of short text. Nested values (`display`, `bypass`, an object `custom_data`) are bounded in count; the
// only nested one kept is `custom_data`, whose JSON text the core caps.
const WindowParamValue = Type.Union([
  Type.String({ maxLength: WINDOW_TEXT_MAX }),
  Type.Number(),
  Type.Boolean(),
  Type.Null(),
  Type.Array(Type.Unknown(), { maxItems: 64 }),
  Type.Object({}, { additionalProperties: true, maxProperties: 64 }),
]);

export const WindowRequestBodySchema = Type.Object({
  merchant_code: Type.Union([Type.String({ maxLength: 32 }), Type.Null()], { description: 'the code given to IMP.init; null when init was not called' }),
  params: Type.Object(
    {},
    {
      additionalProperties: WindowParamValue,
      maxProperties: 64,
      propertyNames: { maxLength: 64 },
      description: "request_pay's first argument, as the page passed it",
    },
  ),
});
export const ApproveBodySchema = Type.Object({
  card_number: Type.Optional(CardNumber),
  card_code: Type.Optional(
    Type.String({ maxLength: 8, description: "the company chosen in the checkout's 카드사 선택 (one of `card_companies`); sets card_code and card_name, else the card number's company" }),
  ),
  card_quota: Type.Optional(CardQuota),
  bank_code: Type.Optional(Type.String({ maxLength: 8 })),
  otp: Type.Optional(
    Type.String({
      maxLength: 16,
      description:
        'phone: the verification code typed in the checkout; any but 123456 is declined as the carrier does ([ST83] 인증번호 불일치). Without it a phone payment is approved (the test shortcut)',
    }),
  ),
});
export const DeclineBodySchema = Type.Object({
  reason: Type.String({
    minLength: 1,
    maxLength: 64,
    description: "one of the checkout's `decline_reasons` for the payment's pay method (a card's are fixtures/cards.json's)",
  }),
});

const Mode = Type.Union([Type.Literal('pc'), Type.Literal('mobile')], {
  description:
    "the browser, by its user agent: `pc` opens the checkout as a layer over the merchant's page and answers the callback; " +
    '`mobile` sends the whole page to the checkout, then to m_redirect_url',
});

/** The callback's `rsp` (reference §9); a success when `error_code` is null. */
export const WindowRspSchema = Type.Object(
  {
    imp_uid: Nullable(Type.String()),
    merchant_uid: Type.String(),
    error_code: Nullable(Type.String()),
    error_msg: Nullable(Type.String()),
  },
  { additionalProperties: true },
);

export const WindowOpeningSchema = Type.Object({
  mode: Mode,
  imp_uid: Nullable(Type.String({ description: 'the window payment, whose checkout opens; null when the request was refused' })),
  rsp: Nullable(WindowRspSchema),
  redirect_url: Nullable(
    Type.String({ description: 'mobile with m_redirect_url: m_redirect_url with the refusal in its query, for a page that gave no callback' }),
  ),
});

export const WindowResultSchema = Type.Object({
  rsp: WindowRspSchema,
  redirect_url: Nullable(Type.String({ description: 'mobile with m_redirect_url: where the browser goes' })),
});

/** A window payment as its checkout shows it, with the choices the checkout offers. */
export const WindowCheckoutSchema = Type.Object({
  payment: PaymentSchema,
  merchant_name: Type.String(),
  mode: Mode,
  open: Type.Boolean({ description: 'false once approved, cancelled or declined' }),
  decline_reasons: Type.Array(Type.Object({ code: Type.String(), pg_code: Type.String(), text: Type.String() }), {
    description: "what the checkout may decline with: the pay method's own reasons (no card codes for trans, vbank or phone)",
  }),
  banks: Type.Array(Type.Object({ code: Type.String(), name: Type.String() })),
  card_companies: Type.Array(Type.Object({ code: Type.String(), name: Type.String() }), { description: "what the card checkout's 카드사 선택 offers" }),
});
