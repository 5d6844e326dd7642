import Type, { type Static } from 'typebox';
import { Money, RequestTime } from './common.js';
import { buyerFields, channelKeyOrPg } from './requests.js';
import { channelKey, ProductCount, ProductType } from './vendor-extras.js';

// Virtual accounts issued through the API (vendor V1 OpenAPI: createVbank, modifyVbank, revokeVbank).

const str = (maxLength: number) => Type.String({ maxLength });

export const CreateVbankBodySchema = Type.Object({
  channel_key: Type.Optional(channelKey('required (or `pg`); accepted and ignored: the merchant\'s default MID issues the account')),
  pg: Type.Optional(Type.String({ maxLength: 80, description: 'the pre-2026 `{PG사}.{MID}` instead of channel_key; accepted and ignored as channel_key is' })),
  merchant_uid: Type.String({ minLength: 1, maxLength: 40 }),
  amount: Money({ description: 'the amount to deposit, KRW' }),
  vbank_code: Type.String({ minLength: 1, maxLength: 16, description: '금융결제원 bank standard code (GET /banks)', examples: ['004'] }),
  vbank_due: RequestTime('deposit deadline, UNIX seconds'),
  vbank_holder: Type.Optional(str(40)),
  vbank_num: Type.Optional(Type.String({ pattern: '^[0-9-]{6,20}$', description: 'a fixed account number agreed with Hecto', examples: ['56211105948400'] })),
  ...buyerFields,
  notice_url: Type.Optional(Type.Union([Type.String({ maxLength: 2048 }), Type.Array(Type.String({ maxLength: 2048 }), { maxItems: 5 })])),
  custom_data: Type.Optional(Type.Union([Type.String(), Type.Object({}, { additionalProperties: true }), Type.Array(Type.Unknown())])),
  tax_free: Type.Optional(Money({ minimum: 0, description: 'a part of the amount (other PGs apply it; Settle: ignored)' })),
  vat_amount: Type.Optional(Money({ minimum: 0, description: 'a part of the amount (other PGs apply it; Settle: ignored)' })),
  product_type: Type.Optional(ProductType),
  product_count: Type.Optional(ProductCount),
  vbank_key: Type.Optional(str(100)),
  business_registration_number: Type.Optional(str(10)),
  escrow_password: Type.Optional(Type.String({ maxLength: 64, description: 'Hecto fixed-account escrow; accepted and ignored (no escrow in the sandbox)' })),
  fixed_unlimited_vbank: Type.Optional(Type.Boolean({ description: 'Hecto fixed unlimited account; accepted and ignored' })),
}, channelKeyOrPg);
export type CreateVbankBody = Static<typeof CreateVbankBodySchema>;

export const ModifyVbankBodySchema = Type.Object({
  amount: Type.Optional(Money()),
  vbank_due: Type.Optional(RequestTime('new deposit deadline, UNIX seconds')),
});
export type ModifyVbankBody = Static<typeof ModifyVbankBodySchema>;
