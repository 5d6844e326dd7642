import Type, { type Static } from 'typebox';

// The merchants a sandbox serves, as fixtures/merchants.json and a --merchants file hold them. Objects refuse
// unknown keys: a misspelt `requires_brith` would otherwise be ignored and the MID silently not ask for a birth date.

/** One Settle MID of a merchant and what its contract asks of a key-in (API) charge. */
export const SettleMidSchema = Type.Object(
  {
    mid: Type.String({ minLength: 1 }),
    kind: Type.Enum(['api', 'window'], { description: '`api`: key-in and billing through the REST API; `window`: the payment window only' }),
    requires_birth: Type.Boolean(),
    requires_pwd_2digit: Type.Boolean(),
    sandbox: Type.Optional(
      Type.Boolean({
        description:
          "a test channel (the vendor's shared Settle test MIDs are): its payments and billing keys carry `sandbox: true`; absent means a live channel",
      }),
    ),
  },
  { additionalProperties: false },
);

export const MerchantSchema = Type.Object(
  {
    name: Type.String(),
    code: Type.String({ pattern: '^imp[0-9]{8}$', description: '가맹점 식별코드: imp + 8 digits' }),
    imp_key: Type.String({ minLength: 1 }),
    imp_secret: Type.String({ minLength: 1 }),
    settle: Type.Object(
      {
        default_mid: Type.String({ minLength: 1 }),
        billing_key_api: Type.Boolean({
          description: 'the separate contract for issuing billing keys without a payment (POST /subscribe/customers/{uid})',
        }),
        vbank_api: Type.Optional(
          Type.Boolean({ description: 'the separate contract for issuing virtual accounts through the API (POST /vbanks); absent means none' }),
        ),
        test_auto_cancel: Type.Optional(
          Type.Boolean({
            description:
              "Hecto's test mode: the PG cancels each test-channel payment at 23:00 KST of the night it was paid, unknown to PortOne; absent means off",
          }),
        ),
        mids: Type.Array(SettleMidSchema, { minItems: 1 }),
      },
      { additionalProperties: false },
    ),
    webhook: Type.Optional(
      Type.Object(
        {
          url: Type.Union([Type.String(), Type.Null()], { description: "the console's Notification URL, used when a request names no notice_url" }),
          content_type: Type.Enum(['json', 'form']),
          retry: Type.Boolean(),
        },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false },
);

export const MerchantFileSchema = Type.Object({ merchants: Type.Array(MerchantSchema, { minItems: 1 }) }, { additionalProperties: false });

export type SettleMid = Static<typeof SettleMidSchema>;
export type Merchant = Static<typeof MerchantSchema>;
export type MerchantFixture = Static<typeof MerchantFileSchema>;
