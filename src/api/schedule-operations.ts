import { PaymentSchema } from '../contract/payment.js';
import { CustomerUidParamsSchema, MerchantUidParamsSchema } from '../contract/requests.js';
import { ScheduleAtBodySchema } from '../contract/schedule-changes.js';
import { PagedSchedulesSchema, ScheduleCustomerQuerySchema, ScheduleResultSchema } from '../contract/schedule.js';
import { authenticated, type Operation } from './operation.js';

// The vendor's schedule endpoints beyond making, revoking and listing schedules (V1 OpenAPI, `subscribe` tags).

export const scheduleOperations: Operation[] = [
  authenticated({
    method: 'PUT',
    path: '/subscribe/payments/schedule/:merchant_uid',
    operationId: 'updateScheduleByMid',
    summary: '결제요청 예약시각 수정 (실행 전의 예약만; 과거 시각은 거절)',
    tags: ['subscribe'],
    params: MerchantUidParamsSchema,
    body: ScheduleAtBodySchema,
    response: ScheduleResultSchema,
    statuses: [400, 401, 404],
    run: (sandbox, { params, body }, caller) => sandbox.scheduleChanges.update(caller, params.merchant_uid, body.schedule_at),
  }),
  authenticated({
    method: 'POST',
    path: '/subscribe/payments/schedule/:merchant_uid/reschedule',
    operationId: 'rescheduleByMid',
    summary: '결제 실패 재예약 (실패했거나 취소된 예약을 다른 시각으로 다시 예약)',
    tags: ['subscribe'],
    params: MerchantUidParamsSchema,
    body: ScheduleAtBodySchema,
    response: ScheduleResultSchema,
    statuses: [400, 401, 404],
    run: (sandbox, { params, body }, caller) => sandbox.scheduleChanges.reschedule(caller, params.merchant_uid, body.schedule_at),
  }),
  authenticated({
    method: 'POST',
    path: '/subscribe/payments/schedule/:merchant_uid/retry',
    operationId: 'retryScheduleByMid',
    summary: '결제 실패 재시도 (실패했거나 취소된 예약을 즉시 결제; 결과는 status로 확인)',
    tags: ['subscribe'],
    params: MerchantUidParamsSchema,
    response: PaymentSchema,
    statuses: [400, 401, 404],
    run: (sandbox, { params }, caller) => sandbox.scheduleChanges.retry(caller, params.merchant_uid),
  }),
  authenticated({
    method: 'GET',
    path: '/subscribe/customers/:customer_uid/schedules',
    operationId: 'findSchedulesByCustomer',
    summary: '빌링키(customer_uid)의 결제예약 목록 조회 (GET /subscribe/payments/schedule/customers/{customer_uid}와 같은 동작)',
    tags: ['subscribe.customer'],
    params: CustomerUidParamsSchema,
    querystring: ScheduleCustomerQuerySchema,
    response: PagedSchedulesSchema,
    statuses: [400, 401],
    run: (sandbox, { params, query }, caller) => sandbox.schedules.byCustomer(caller, params.customer_uid, query),
  }),
];
