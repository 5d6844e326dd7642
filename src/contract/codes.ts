import Type, { type Static } from 'typebox';

// Standard codes, the merchant's PG settings and tiers (vendor V1 OpenAPI: allBankCodes, bankCodes, allCardCodes,
// cardCodes, getPgSettingList, GetTier).

/** The vendor's StandardCodeAnnotation: a 금융결제원 standard code and the institution's name. */
export const StandardCodeSchema = Type.Object(
  {
    code: Type.String({ pattern: '^[0-9]{3}$', description: '기관코드 (금융결제원 표준코드)' }),
    name: Type.String({ minLength: 1, description: '기관명' }),
  },
  { additionalProperties: false },
);
export type StandardCode = Static<typeof StandardCodeSchema>;

/** A code table as fixtures/banks.json and fixtures/card-companies.json hold it. */
export const StandardCodeTableSchema = Type.Array(StandardCodeSchema, { minItems: 1 });

export const BankCodeParamsSchema = Type.Object({ bank_standard_code: Type.String({ minLength: 1, maxLength: 16 }) });
export const CardCodeParamsSchema = Type.Object({ card_standard_code: Type.String({ minLength: 1, maxLength: 16 }) });

/** The vendor's PgSettingAnnotation (channel_name and channel_key are optional there and not kept by the sandbox). */
export const PgSettingSchema = Type.Object({
  pg_provider: Type.String(),
  pg_id: Type.String(),
  sandbox: Type.Boolean({ description: '테스트모드 여부' }),
  type: Type.Union([Type.Literal('payment'), Type.Literal('api_payment'), Type.Literal('certification')]),
});
export type PgSetting = Static<typeof PgSettingSchema>;

export const TierParamsSchema = Type.Object({
  tier_code: Type.String({ pattern: '^[A-Z0-9]{3}$', description: '하위 상점(Tier) 코드: 알파벳 대문자 또는 숫자 3자리', examples: ['A01'] }),
});

/** The vendor's TierAnnotation (the sandbox has no tiers: documented for the shape only). */
export const TierSchema = Type.Object({ tier_code: Type.String(), tier_name: Type.String() });
export type Tier = Static<typeof TierSchema>;
