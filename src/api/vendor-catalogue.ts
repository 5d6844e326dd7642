// The vendor's 80 V1 operations (shared/reference/v1.openapi.json, S1), as facts: method, path (the vendor's
// `{name}` syntax) and operationId, with where the sandbox's behaviour for each comes from. An operation whose
// documented PGs do not include `settle` is `refused` (src/api/unsupported-operations.ts serves the refusal);
// every other one is served by an operation table. test/doors/coverage.test.ts holds the tables to this list, and
// the README's coverage table is generated from it (`npm run coverage`).

import type { Method } from './operation.js';

export interface VendorOperation {
  method: Method;
  path: string;
  operationId: string;
  /** Where the behaviour comes from (a section of shared/reference/iamport-v1-api.md, or the OpenAPI document). */
  source: string;
  /** Not for Settle: the PGs the vendor documents it for, and the HTTP status the vendor documents for an unsupported PG. */
  refused?: { pgs: readonly string[]; status?: number };
}

export const vendorCatalogue: readonly VendorOperation[] = [
  { method: 'POST', path: '/users/getToken', operationId: 'getToken', source: 'reference §2.1' },
  { method: 'POST', path: '/benepia/point', operationId: 'queryBenepiaPoint', source: 'OpenAPI (S1) x-portone-supported-pgs', refused: { pgs: ['kcp'] } },
  { method: 'POST', path: '/benepia/payment', operationId: 'payBenepiaPoint', source: 'OpenAPI (S1) x-portone-supported-pgs', refused: { pgs: ['kcp'] } },
  { method: 'GET', path: '/certifications/{imp_uid}', operationId: 'getCertification', source: 'OpenAPI (S1) x-portone-supported-pgs', refused: { pgs: ['danal', 'inicis_unified', 'inicis', 'kcp_v2'] } },
  { method: 'DELETE', path: '/certifications/{imp_uid}', operationId: 'deleteCertification', source: 'OpenAPI (S1) x-portone-supported-pgs', refused: { pgs: ['danal', 'inicis_unified', 'inicis', 'kcp_v2'] } },
  { method: 'POST', path: '/certifications/otp/request', operationId: 'requestOTP', source: 'OpenAPI (S1) x-portone-supported-pgs', refused: { pgs: ['danal', 'kcp_v2'] } },
  { method: 'POST', path: '/certifications/otp/confirm/{imp_uid}', operationId: 'confirmOTP', source: 'OpenAPI (S1) x-portone-supported-pgs', refused: { pgs: ['danal', 'kcp_v2'] } },
  { method: 'GET', path: '/subscribe/customers', operationId: 'customer_view_multiple', source: 'reference §4.6' },
  { method: 'GET', path: '/subscribe/customers/{customer_uid}', operationId: 'customer_view', source: 'reference §4.4' },
  { method: 'POST', path: '/subscribe/customers/{customer_uid}', operationId: 'customer_save', source: 'reference §4.3, §6.2' },
  { method: 'DELETE', path: '/subscribe/customers/{customer_uid}', operationId: 'customer_delete', source: 'reference §4.5' },
  { method: 'GET', path: '/subscribe/customers/{customer_uid}/payments', operationId: 'customer_payments', source: 'reference §4.7' },
  { method: 'GET', path: '/subscribe/customers/{customer_uid}/schedules', operationId: 'findSchedulesByCustomer', source: 'OpenAPI (S1)' },
  { method: 'POST', path: '/cvs', operationId: 'issueCvsPayment', source: 'OpenAPI (S1) x-portone-supported-pgs', refused: { pgs: ['galaxia'] } },
  { method: 'DELETE', path: '/cvs/{imp_uid}', operationId: 'revokeCvsPayment', source: 'OpenAPI (S1) x-portone-supported-pgs', refused: { pgs: ['galaxia'] } },
  { method: 'GET', path: '/escrows/logis/{imp_uid}', operationId: 'escrow_logis_get', source: 'OpenAPI (S1) x-portone-supported-pgs', refused: { pgs: ['html5_inicis', 'kcp', 'daou', 'ksnet', 'smartro_v2', 'nice_v2', 'welcome'], status: 400 } },
  { method: 'PUT', path: '/escrows/logis/{imp_uid}', operationId: 'escrow_logis_edit', source: 'OpenAPI (S1) x-portone-supported-pgs', refused: { pgs: ['html5_inicis', 'kcp', 'daou', 'ksnet', 'smartro_v2', 'welcome'], status: 400 } },
  { method: 'POST', path: '/escrows/logis/{imp_uid}', operationId: 'escrow_logis_save', source: 'OpenAPI (S1) x-portone-supported-pgs', refused: { pgs: ['html5_inicis', 'kcp', 'daou', 'ksnet', 'smartro_v2', 'nice_v2', 'welcome'], status: 400 } },
  { method: 'DELETE', path: '/kcpquick/members/{member_id}', operationId: 'member_delete', source: 'OpenAPI (S1) x-portone-supported-pgs', refused: { pgs: ['kcp_quick'] } },
  { method: 'POST', path: '/kcpquick/payment/money', operationId: 'payWithMoney', source: 'OpenAPI (S1) x-portone-supported-pgs', refused: { pgs: ['kcp_quick'] } },
  { method: 'PUT', path: '/kcpquick/prepare/{merchant_uid}', operationId: 'prepare_update', source: 'OpenAPI (S1) x-portone-supported-pgs', refused: { pgs: ['kcp_quick'] } },
  { method: 'POST', path: '/kcpquick/prepare/{merchant_uid}', operationId: 'prepare_create', source: 'OpenAPI (S1) x-portone-supported-pgs', refused: { pgs: ['kcp_quick'] } },
  { method: 'POST', path: '/kcpquick/payment/autopay', operationId: 'payWithAutoPaymentKey', source: 'OpenAPI (S1) x-portone-supported-pgs', refused: { pgs: ['kcp_quick'] } },
  { method: 'DELETE', path: '/kcpquick/autopay/{customer_uid}', operationId: 'deleteAutoPayKey', source: 'OpenAPI (S1) x-portone-supported-pgs', refused: { pgs: ['kcp_quick'] } },
  { method: 'POST', path: '/kcpquick/members/{member_id}/fido/release', operationId: 'releaseFido', source: 'OpenAPI (S1) x-portone-supported-pgs', refused: { pgs: ['kcp_quick'] } },
  { method: 'POST', path: '/payments/{imp_uid}/naver/cancel', operationId: 'naverCancelProductOrder', source: 'OpenAPI (S1) x-portone-supported-pgs', refused: { pgs: ['naverco'] } },
  { method: 'POST', path: '/payments/{imp_uid}/naver/approve-cancel', operationId: 'naverApproveCancelProductOrder', source: 'OpenAPI (S1) x-portone-supported-pgs', refused: { pgs: ['naverco'] } },
  { method: 'POST', path: '/payments/{imp_uid}/naver/ship', operationId: 'naverShipProductOrder', source: 'OpenAPI (S1) x-portone-supported-pgs', refused: { pgs: ['naverco'] } },
  { method: 'POST', path: '/payments/{imp_uid}/naver/ship-exchanged', operationId: 'naverShipProductOrder', source: 'OpenAPI (S1) x-portone-supported-pgs', refused: { pgs: ['naverco'] } },
  { method: 'POST', path: '/payments/{imp_uid}/naver/collect-exchanged', operationId: 'naverCollectProductOrder', source: 'OpenAPI (S1) x-portone-supported-pgs', refused: { pgs: ['naverco'] } },
  { method: 'POST', path: '/payments/{imp_uid}/naver/place', operationId: 'naverPlaceProductOrder', source: 'OpenAPI (S1) x-portone-supported-pgs', refused: { pgs: ['naverco'] } },
  { method: 'POST', path: '/payments/{imp_uid}/naver/request-return', operationId: 'naverRequestReturnProductOrder', source: 'OpenAPI (S1) x-portone-supported-pgs', refused: { pgs: ['naverco'] } },
  { method: 'POST', path: '/payments/{imp_uid}/naver/approve-return', operationId: 'naverApproveReturnProductOrder', source: 'OpenAPI (S1) x-portone-supported-pgs', refused: { pgs: ['naverco'] } },
  { method: 'POST', path: '/payments/{imp_uid}/naver/reject-return', operationId: 'naverRejectReturnProductOrder', source: 'OpenAPI (S1) x-portone-supported-pgs', refused: { pgs: ['naverco'] } },
  { method: 'POST', path: '/payments/{imp_uid}/naver/withhold-return', operationId: 'naverWithholdReturnProductOrder', source: 'OpenAPI (S1) x-portone-supported-pgs', refused: { pgs: ['naverco'] } },
  { method: 'POST', path: '/payments/{imp_uid}/naver/resolve-return', operationId: 'naverResolveReturnProductOrder', source: 'OpenAPI (S1) x-portone-supported-pgs', refused: { pgs: ['naverco'] } },
  { method: 'POST', path: '/payments/{imp_uid}/naver/point', operationId: 'naverDepositPoint', source: 'OpenAPI (S1) x-portone-supported-pgs', refused: { pgs: ['naverpay'] } },
  { method: 'POST', path: '/payments/{imp_uid}/naver/confirm', operationId: 'naverConfirmPayment', source: 'OpenAPI (S1) x-portone-supported-pgs', refused: { pgs: ['naverpay'] } },
  { method: 'GET', path: '/payments/{imp_uid}/naver/product-orders', operationId: 'getProductOrders', source: 'OpenAPI (S1) x-portone-supported-pgs', refused: { pgs: ['naverco'] } },
  { method: 'GET', path: '/naver/product-orders/{product_order_id}', operationId: 'getProductOrderSingle', source: 'OpenAPI (S1) x-portone-supported-pgs', refused: { pgs: ['naverco'] } },
  { method: 'GET', path: '/naver/reviews', operationId: 'getReviews', source: 'OpenAPI (S1) x-portone-supported-pgs', refused: { pgs: ['naverco'] } },
  { method: 'GET', path: '/payments/{imp_uid}/naver/cash-amount', operationId: 'queryCashAmount', source: 'OpenAPI (S1) x-portone-supported-pgs', refused: { pgs: ['naverpay'] } },
  { method: 'POST', path: '/partners/receipts/{imp_uid}', operationId: 'partner', source: 'OpenAPI (S1) x-portone-supported-pgs', refused: { pgs: ['html5_inicis'], status: 501 } },
  { method: 'POST', path: '/payco/orders/status/{imp_uid}', operationId: 'changeOrderStatus', source: 'OpenAPI (S1) x-portone-supported-pgs', refused: { pgs: ['payco'] } },
  { method: 'GET', path: '/payments/{imp_uid}/balance', operationId: 'balanceByImpUid', source: 'OpenAPI (S1)' },
  { method: 'GET', path: '/payments/{imp_uid}', operationId: 'getPaymentByImpUid', source: 'reference §4.11' },
  { method: 'GET', path: '/payments', operationId: 'getPaymentListByImpUid', source: 'reference §4.13' },
  { method: 'GET', path: '/payments/find/{merchant_uid}/{payment_status}', operationId: 'getPaymentByMerchantUid', source: 'reference §4.12' },
  { method: 'GET', path: '/payments/findAll/{merchant_uid}/{payment_status}', operationId: 'getAllPaymentsByMerchantUid', source: 'OpenAPI (S1)' },
  { method: 'GET', path: '/payments/status/{payment_status}', operationId: 'getPaymentsByStatus', source: 'OpenAPI (S1)' },
  { method: 'POST', path: '/payments/cancel', operationId: 'cancelPayment', source: 'reference §4.14' },
  { method: 'PUT', path: '/payments/prepare', operationId: 'editPreparePayment', source: 'reference §4.15' },
  { method: 'POST', path: '/payments/prepare', operationId: 'preparePayment', source: 'reference §4.15' },
  { method: 'GET', path: '/payments/prepare/{merchant_uid}', operationId: 'getPaymentPrepareByMerchantUid', source: 'reference §4.15' },
  { method: 'POST', path: '/paymentwall/delivery', operationId: 'paymentwall_delivery', source: 'OpenAPI (S1) x-portone-supported-pgs', refused: { pgs: ['paymentwall'] } },
  { method: 'GET', path: '/receipts/{imp_uid}', operationId: 'getReceipt', source: 'OpenAPI (S1) x-portone-supported-pgs', refused: { pgs: ['nice', 'daou', 'html5_inicis', 'kcp', 'payco', 'smartro', 'uplus', 'tosspayments', 'ksnet', 'smartro_v2', 'nice_v2', 'welcome'], status: 501 } },
  { method: 'POST', path: '/receipts/{imp_uid}', operationId: 'issueReceipt', source: 'OpenAPI (S1)' },
  { method: 'DELETE', path: '/receipts/{imp_uid}', operationId: 'revokeReceipt', source: 'OpenAPI (S1)' },
  { method: 'GET', path: '/receipts/external/{merchant_uid}', operationId: 'getExternalReceipt', source: 'OpenAPI (S1)' },
  { method: 'POST', path: '/receipts/external/{merchant_uid}', operationId: 'issueExternalReceipt', source: 'OpenAPI (S1)' },
  { method: 'DELETE', path: '/receipts/external/{merchant_uid}', operationId: 'revokeExternalReceipt', source: 'OpenAPI (S1)' },
  { method: 'GET', path: '/cards', operationId: 'allCardCodes', source: 'OpenAPI (S1)' },
  { method: 'GET', path: '/cards/{card_standard_code}', operationId: 'cardCodes', source: 'OpenAPI (S1)' },
  { method: 'GET', path: '/banks', operationId: 'allBankCodes', source: 'OpenAPI (S1)' },
  { method: 'GET', path: '/banks/{bank_standard_code}', operationId: 'bankCodes', source: 'OpenAPI (S1)' },
  { method: 'POST', path: '/subscribe/payments/onetime', operationId: 'onetime', source: 'reference §4.1' },
  { method: 'POST', path: '/subscribe/payments/again', operationId: 'again', source: 'reference §4.2' },
  { method: 'GET', path: '/subscribe/payments/schedule', operationId: 'findSchedulesByRange', source: 'OpenAPI (S1)' },
  { method: 'POST', path: '/subscribe/payments/schedule', operationId: 'schedule', source: 'reference §4.8' },
  { method: 'POST', path: '/subscribe/payments/unschedule', operationId: 'unschedule', source: 'reference §4.9' },
  { method: 'GET', path: '/subscribe/payments/schedule/{merchant_uid}', operationId: 'getScheduleByMid', source: 'reference §4.10' },
  { method: 'PUT', path: '/subscribe/payments/schedule/{merchant_uid}', operationId: 'updateScheduleByMid', source: 'OpenAPI (S1)' },
  { method: 'POST', path: '/subscribe/payments/schedule/{merchant_uid}/reschedule', operationId: 'rescheduleByMid', source: 'OpenAPI (S1)' },
  { method: 'POST', path: '/subscribe/payments/schedule/{merchant_uid}/retry', operationId: 'retryScheduleByMid', source: 'OpenAPI (S1)' },
  { method: 'GET', path: '/subscribe/payments/schedule/customers/{customer_uid}', operationId: 'findSchedulesByCustomer', source: 'OpenAPI (S1)' },
  { method: 'GET', path: '/tiers/{tier_code}', operationId: 'GetTier', source: 'OpenAPI (S1)' },
  { method: 'GET', path: '/users/pg', operationId: 'getPgSettingList', source: 'OpenAPI (S1)' },
  { method: 'POST', path: '/vbanks', operationId: 'createVbank', source: 'OpenAPI (S1)' },
  { method: 'PUT', path: '/vbanks/{imp_uid}', operationId: 'modifyVbank', source: 'OpenAPI (S1)' },
  { method: 'DELETE', path: '/vbanks/{imp_uid}', operationId: 'revokeVbank', source: 'OpenAPI (S1)' },
];
