import { Nullable } from '../contract/common.js';
import { PagedPaymentsSchema } from '../contract/payment.js';
import {
  FindAllParamsSchema,
  FindAllQuerySchema,
  PaymentBalanceSchema,
  PaymentStatusParamsSchema,
  PaymentsByStatusQuerySchema,
} from '../contract/payment-queries.js';
import { ImpUidParamsSchema } from '../contract/requests.js';
import { authenticated, type Operation } from './operation.js';

// The vendor's payment listings and balance lookup (V1 OpenAPI, `payments` tag).

export const paymentQueryOperations: Operation[] = [
  authenticated({
    method: 'GET',
    path: '/payments/status/:payment_status',
    operationId: 'getPaymentsByStatus',
    summary: '결제상태기준 복수조회 (기본 최근 90일, 최대 90일, limit 기본 20 최대 1000)',
    tags: ['payments'],
    params: PaymentStatusParamsSchema,
    querystring: PaymentsByStatusQuerySchema,
    response: PagedPaymentsSchema,
    statuses: [400, 401],
    run: (sandbox, { params, query }, caller) => sandbox.paymentQueries.byStatus(caller, params.payment_status, query),
  }),
  authenticated({
    method: 'GET',
    path: '/payments/findAll/:merchant_uid/:payment_status',
    operationId: 'getAllPaymentsByMerchantUid',
    summary: 'merchant_uid의 모든 결제시도 조회 (결제상태 기준)',
    tags: ['payments'],
    params: FindAllParamsSchema,
    querystring: FindAllQuerySchema,
    response: PagedPaymentsSchema,
    statuses: [400, 401, 404],
    run: (sandbox, { params, query }, caller) =>
      sandbox.paymentQueries.findAll(caller, params.merchant_uid, params.payment_status, query),
  }),
  authenticated({
    method: 'GET',
    path: '/payments/:imp_uid/balance',
    operationId: 'balanceByImpUid',
    summary: '결제수단별 금액 상세 조회 (PAYCO 전용: 헥토파이낸셜 결제는 code 1로 거절)',
    tags: ['payments'],
    params: ImpUidParamsSchema,
    response: Nullable(PaymentBalanceSchema),
    statuses: [401, 404],
    run: (sandbox, { params }, caller) => sandbox.paymentQueries.balance(caller, params.imp_uid),
  }),
];
