import Type, { type Static } from 'typebox';
import { Money, RequestTime } from './common.js';
import { buyerFields } from './requests.js';

// Virtual accounts issued through the API (vendor V1 OpenAPI: createVbank, modifyVbank, revokeVbank).

const str = (maxLength: number) => Type.String({ maxLength });

export const CreateVbankBodySchema = Type.Object({
  channel_key: Type.Optional(Type.String({ maxLength: 100, description: 'accepted and ignored: the merchant\'s default MID issues the account' })),
  merchant_uid: Type.String({ minLength: 1, maxLength: 40 }),
  amount: Money({ description: 'the amount to deposit, KRW' }),
  vbank_code: Type.String({ minLength: 1, maxLength: 16, description: '금융결제원 bank standard code (GET /banks)', examples: ['004'] }),
  vbank_due: RequestTime('deposit deadline, UNIX seconds'),
  vbank_holder: Type.Optional(str(40)),
  vbank_num: Type.Optional(Type.String({ pattern: '^[0-9-]{6,20}$', description: 'a fixed account number agreed with Hecto', examples: ['56211105948400'] })),
  ...buyerFields,
  notice_url: Type.Optional(Type.Union([Type.String({ maxLength: 2048 }), Type.Array(Type.String({ maxLength: 2048 }), { maxItems: 5 })])),
  custom_data: Type.Optional(Type.Union([Type.String(), Type.Object({}, { additionalProperties: true }), Type.Array(Type.Unknown())])),
});
export type CreateVbankBody = Static<typeof CreateVbankBodySchema>;

export const ModifyVbankBodySchema = Type.Object({
  amount: Type.Optional(Money()),
  vbank_due: Type.Optional(RequestTime('new deposit deadline, UNIX seconds')),
});
export type ModifyVbankBody = Static<typeof ModifyVbankBodySchema>;
