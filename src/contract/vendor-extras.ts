import Type from 'typebox';
import { Money } from './common.js';

// Parameters the vendor's V1 OpenAPI names for other PGs or for features Settle has no part in. They are named
// here with the vendor's types so a wrong type is refused as the vendor's own validation would refuse it, and
// are then ignored unless a description says what they do for Settle.

const ignored = (what: string) => `${what} (vendor: other PGs only; accepted and ignored for Settle)`;

export const ProductType = Type.Union([Type.Literal('real'), Type.Literal('digital')], { description: ignored('real 실물상품, digital 디지털 컨텐츠 (KSNET)') });
/** "JSON string 형식의 PG사별로 특화된 파라미터": a string the vendor hands to the PG as it is. */
const Bypass = Type.String({ maxLength: 4096, description: 'JSON string passed to the PG as is; Settle defines no key for key-in charges, so it is ignored' });
export const PromotionId = Type.String({ maxLength: 64, description: ignored('`promotion-id-…` of a PortOne promotion') });
export const CashReceiptType = Type.Union([Type.Literal('person'), Type.Literal('company'), Type.Literal('anonymous')], {
  description: ignored('현금영수증 발행대상 ((신) 토스페이)'),
});
export const ProductCount = Type.Integer({ minimum: 0, maximum: 1_000_000, description: ignored('결제 상품의 개수 (default 1)') });
/** The vendor's SubscribePaymentExtra (and ScheduleAnnotation.extra). */
export const SubscribeExtra = Type.Object({ naverUseCfm: Type.Optional(Type.String({ maxLength: 8, description: ignored('이용 완료일 YYYYMMDD (naverpay)') })) });
const flag = (what: string) => Type.Boolean({ description: ignored(what) });

/** What onetime, again and each schedule entry take besides the order (vendor: nice, ksnet, smartro and others). */
export const cardChargeExtras = {
  interest_free_by_merchant: Type.Optional(flag('상점분담 무이자 할부')),
  use_card_point: Type.Optional(flag('카드포인트 사용')),
  product_type: Type.Optional(ProductType),
  bypass: Type.Optional(Bypass),
};

/** The deprecated `vat` ("Deprecated 되었습니다. tax_free 파라메터를 사용해주세요."): a part of the amount, as tax_free. */
export const DeprecatedVat = Money({ minimum: 0, description: 'deprecated VAT of the amount (use tax_free); a part of the amount, otherwise ignored' });

/** Card verification code: "Paymentwall에서만 사용". */
export const Cvc = Type.String({ maxLength: 8, description: ignored('card verification code (Paymentwall)') });

/** A channel key of the merchant's console (the 2026 rewrite's replacement of `pg`). */
export const channelKey = (description: string) => Type.String({ maxLength: 100, description });
