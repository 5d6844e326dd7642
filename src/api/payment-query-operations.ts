import { Nullable } from '../contract/common.js';
import { PagedPaymentsSchema } from '../contract/payment.js';
import {
  FindAllParamsSchema,
  FindAllQuerySchema,
  PaymentBalanceSchema,
  PaymentStatusParamsSchema,
  PaymentsByStatusQuerySchema,
} from '../contract/payment-queries.js';
import { ImpUidParamsSchema, MerchantUidParamsSchema } from '../contract/requests.js';
import { authenticated, type Operation } from './operation.js';
import { examples } from './request-examples.js';

// The vendor's payment listings and balance lookup (V1 OpenAPI, `payments` tag).

export const paymentQueryOperations: Operation[] = [
  authenticated({
    method: 'GET',
    path: '/payments/status/:payment_status',
    operationId: 'getPaymentsByStatus',
    summary: '결제상태기준 복수조회 (기본 최근 90일, 최대 90일, limit 기본 20 최대 1000)',
    description:
      '미결제/결제완료/결제취소/결제실패 상태별로 결제내역을 검색합니다 (최신순 페이징). 검색기간은 최대 90일이며, to의 기본값은 현재 시각, from의 기본값은 to 기준 90일 전이라서 from/to 없이 부르면 최근 90일을 검색합니다. from, to를 지정하면 90일 단위로 과거 데이터도 조회할 수 있습니다.',
    tags: ['payments'],
    params: PaymentStatusParamsSchema,
    querystring: PaymentsByStatusQuerySchema,
    response: PagedPaymentsSchema,
    statuses: [400, 401],
    responses: { 200: '정상 조회', 400: '유효하지 않은 payment_status, 데이터 범위를 넘어선 page 등 파라미터가 올바르지 않은 경우 (code -1)' },
    example: examples.paymentsByStatus,
    run: (sandbox, { params, query }, caller) => sandbox.paymentQueries.byStatus(caller, params.payment_status, query),
  }),
  authenticated({
    method: 'GET',
    path: '/payments/findAll/:merchant_uid/:payment_status',
    operationId: 'getAllPaymentsByMerchantUid',
    summary: 'merchant_uid의 모든 결제시도 조회 (결제상태 기준)',
    description:
      '고객사 주문번호(merchant_uid)와 결제상태로 결제내역을 확인합니다. 같은 merchant_uid가 여러 건 존재하면 모든 거래가 조회됩니다.',
    tags: ['payments'],
    params: FindAllParamsSchema,
    querystring: FindAllQuerySchema,
    response: PagedPaymentsSchema,
    statuses: [400, 401, 404],
    responses: { 200: '정상 조회', 400: 'merchant_uid 누락, 올바르지 않은 status 등 파라메터가 잘못된 경우 (code -1)', 404: '유효하지 않은 merchant_uid' },
    example: examples.findPayment,
    run: (sandbox, { params, query }, caller) =>
      sandbox.paymentQueries.findAll(caller, params.merchant_uid, params.payment_status, query),
  }),
  authenticated({
    method: 'GET',
    path: '/payments/findAll/:merchant_uid',
    operationId: 'getAllPaymentsByMerchantUidAnyStatus',
    summary: 'merchant_uid의 모든 결제시도 조회 (결제상태 무관)',
    description:
      'GET /payments/findAll/{merchant_uid}/{payment_status}에서 payment_status를 생략한 형태입니다 (벤더 문서: "지정하지 않으면 모든 상태를 조회합니다"). 같은 merchant_uid의 모든 거래가 결제상태와 관계없이 조회됩니다.',
    tags: ['payments'],
    params: MerchantUidParamsSchema,
    querystring: FindAllQuerySchema,
    response: PagedPaymentsSchema,
    statuses: [400, 401, 404],
    responses: { 200: '정상 조회', 400: '데이터 범위를 넘어선 page 등 파라메터가 잘못된 경우 (code -1)', 404: '유효하지 않은 merchant_uid' },
    example: examples.findPaymentAnyStatus,
    run: (sandbox, { params, query }, caller) => sandbox.paymentQueries.findAll(caller, params.merchant_uid, undefined, query),
  }),
  authenticated({
    method: 'GET',
    path: '/payments/:imp_uid/balance',
    operationId: 'balanceByImpUid',
    summary: '결제수단별 금액 상세 조회 (PAYCO 전용: 헥토파이낸셜 결제는 code 1로 거절)',
    description:
      '포트원 거래고유번호로 결제수단별 금액 상세정보를 확인합니다 (PAYCO 결제수단에 한해 제공). 헥토파이낸셜 결제건은 `현재 지원되지 않는 PG사입니다.`로 거절됩니다.',
    tags: ['payments'],
    params: ImpUidParamsSchema,
    response: Nullable(PaymentBalanceSchema),
    statuses: [401, 404],
    responses: { 200: '정상 조회 (code 0). 헥토파이낸셜 결제건은 HTTP 200, code 1, response: null', 404: '유효하지 않은 imp_uid' },
    example: examples.payment,
    run: (sandbox, { params }, caller) => sandbox.paymentQueries.balance(caller, params.imp_uid),
  }),
];
