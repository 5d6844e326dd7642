import Type, { type Static } from 'typebox';
import { Money, UnixTime } from './common.js';
import { channelKeyOrPg } from './requests.js';
import { channelKey, ProductType } from './vendor-extras.js';

// Cash receipts (현금영수증), vendor V1 OpenAPI: issueReceipt, revokeReceipt, and the external ones
// (getExternalReceipt, issueExternalReceipt, revokeExternalReceipt). Settle is listed for these, not for getReceipt.

const ReceiptType = Type.Union([Type.Literal('person'), Type.Literal('company')], { description: 'person 소득공제용, company 지출증빙용' });

const receiptFields = {
  receipt_tid: Type.String({ description: 'the PG\'s id of the receipt' }),
  apply_num: Type.String({ description: '국세청 승인번호' }),
  type: ReceiptType,
  amount: Type.Integer(),
  vat: Type.Integer(),
  applied_at: UnixTime,
  cancelled_at: UnixTime,
};

/** The vendor's ReceiptAnnotation (receipt_url, optional there, is not given: the sandbox has no receipt page for these). */
export const ReceiptSchema = Type.Object({ imp_uid: Type.String(), ...receiptFields });
export type Receipt = Static<typeof ReceiptSchema>;

/** The vendor's ExternalReceiptAnnotation. */
export const ExternalReceiptSchema = Type.Object({ merchant_uid: Type.String(), ...receiptFields });
export type ExternalReceipt = Static<typeof ExternalReceiptSchema>;

const issueFields = {
  identifier: Type.String({ minLength: 1, maxLength: 20, description: '주민등록번호, 사업자등록번호, 휴대폰번호 or 현금영수증카드 number' }),
  identifier_type: Type.Optional(
    Type.Union([Type.Literal('person'), Type.Literal('business'), Type.Literal('phone'), Type.Literal('taxcard')], {
      description: 'required for Settle',
    }),
  ),
  type: Type.Optional(ReceiptType),
  buyer_name: Type.Optional(Type.String({ maxLength: 16 })),
  buyer_email: Type.Optional(Type.String({ maxLength: 64 })),
  buyer_tel: Type.Optional(Type.String({ maxLength: 16 })),
  tax_free: Type.Optional(Money({ minimum: 0, description: 'tax-free part of the amount; the VAT is 1/11 of the rest' })),
  vat_amount: Type.Optional(Money({ minimum: 0, description: 'for merchants that set the VAT themselves (other PGs); a part of the amount, else ignored' })),
  product_type: Type.Optional(ProductType),
};

export const IssueReceiptBodySchema = Type.Object({
  ...issueFields,
  vat: Type.Optional(Money({ minimum: 0, description: 'deprecated (use tax_free); a part of the amount, else ignored' })),
  company_tel: Type.Optional(Type.String({ maxLength: 20, description: '키움페이 only; ignored' })),
  company_name: Type.Optional(Type.String({ maxLength: 64, description: '키움페이 only; ignored' })),
  corp_reg_no: Type.Optional(Type.String({ maxLength: 10, description: '키움페이, 웰컴페이먼츠 only; ignored' })),
});
export type IssueReceiptBody = Static<typeof IssueReceiptBodySchema>;

export const IssueExternalReceiptBodySchema = Type.Object({
  ...issueFields,
  channel_key: Type.Optional(channelKey('required (or `pg`); accepted and ignored: the merchant\'s default MID issues it')),
  pg: Type.Optional(Type.String({ maxLength: 80, description: 'the pre-2026 `{PG사}.{MID}` instead of channel_key; accepted and ignored as channel_key is' })),
  name: Type.String({ minLength: 1, maxLength: 40 }),
  amount: Money(),
  corp_reg_no: Type.Optional(Type.String({ maxLength: 10, description: '웰컴페이먼츠 only; ignored' })),
  pay_method: Type.Optional(Type.Union([Type.Literal('trans'), Type.Literal('vbank')], { description: '웰컴페이먼츠 only; ignored' })),
}, channelKeyOrPg);
export type IssueExternalReceiptBody = Static<typeof IssueExternalReceiptBodySchema>;
