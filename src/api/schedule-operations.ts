import { PaymentSchema } from '../contract/payment.js';
import { CustomerUidParamsSchema, MerchantUidParamsSchema } from '../contract/requests.js';
import { ScheduleAtBodySchema } from '../contract/schedule-changes.js';
import { PagedSchedulesSchema, ScheduleCustomerQuerySchema, ScheduleResultSchema } from '../contract/schedule.js';
import { authenticated, type Operation } from './operation.js';
import { examples } from './request-examples.js';

// The vendor's schedule endpoints beyond making, revoking and listing schedules (V1 OpenAPI, `subscribe` tags).

/** A billing key's schedules: the vendor serves them at two paths under one operation id, alike. */
export function schedulesByCustomer(path: string, twin: string, tags: string[], summary: string): Operation {
  return authenticated({
    method: 'GET',
    path,
    operationId: 'findSchedulesByCustomer',
    summary,
    description:
      `customer_uid별 결제예약목록을 조회합니다 (GET ${twin}와 동일한 동작). 결제예약정보가 (페이징된)목록으로, 예약된 시각 기준 최신순으로 전달되며, 최대 3개월 단위로 조회가 가능합니다.`,
    tags,
    params: CustomerUidParamsSchema,
    querystring: ScheduleCustomerQuerySchema,
    response: PagedSchedulesSchema,
    statuses: [400, 401],
    responses: { 200: '결제예약목록 조회완료', 400: '검색 파라메터가 유효하지 않은 경우 (code -1)' },
    example: examples.schedulesByCustomer,
    run: (sandbox, { params, query }, caller) => sandbox.schedules.byCustomer(caller, params.customer_uid, query),
  });
}

export const scheduleOperations: Operation[] = [
  authenticated({
    method: 'PUT',
    path: '/subscribe/payments/schedule/:merchant_uid',
    operationId: 'updateScheduleByMid',
    summary: '결제요청 예약시각 수정 (실행 전의 예약만; 과거 시각은 거절)',
    description:
      '결제예약 시 사용한 거래주문번호(merchant_uid)로 해당 예약 건의 결제요청 예약시각(schedule_at)을 수정합니다.',
    tags: ['subscribe'],
    params: MerchantUidParamsSchema,
    body: ScheduleAtBodySchema,
    response: ScheduleResultSchema,
    statuses: [400, 401, 404],
    responses: { 200: '정상적으로 예약 변경이 완료되었습니다.', 400: '필수 파라미터 누락(code -1), 이미 실행 혹은 취소된 결제예약, 예약시각이 현재 시각보다 과거인 경우(code 1)', 404: '존재하지 않는 결제예약' },
    example: examples.updateSchedule,
    run: (sandbox, { params, body }, caller) => sandbox.scheduleChanges.update(caller, params.merchant_uid, body.schedule_at),
  }),
  authenticated({
    method: 'POST',
    path: '/subscribe/payments/schedule/:merchant_uid/reschedule',
    operationId: 'rescheduleByMid',
    summary: '결제 실패 재예약 (실패했거나 취소된 예약을 다른 시각으로 다시 예약)',
    description:
      '결제 예약 실행 시 실패했던 건, 혹은 예약 취소했던 건에 대해 다른 시각으로 다시 결제 예약을 합니다.',
    tags: ['subscribe'],
    params: MerchantUidParamsSchema,
    body: ScheduleAtBodySchema,
    response: ScheduleResultSchema,
    statuses: [400, 401, 404],
    responses: { 200: '정상적으로 재예약이 완료되었습니다.', 400: '필수 파라미터 누락(code -1), 아직 실행되지 않거나 이미 실행 중 혹은 승인된 결제예약, 예약시각이 현재 시각보다 과거인 경우(code 1)', 404: '존재하지 않는 결제예약' },
    example: examples.reschedule,
    run: (sandbox, { params, body }, caller) => sandbox.scheduleChanges.reschedule(caller, params.merchant_uid, body.schedule_at),
  }),
  authenticated({
    method: 'POST',
    path: '/subscribe/payments/schedule/:merchant_uid/retry',
    operationId: 'retryScheduleByMid',
    summary: '결제 실패 재시도 (실패했거나 취소된 예약을 즉시 결제; 결과는 status로 확인)',
    description:
      '결제 예약 실행 시 실패했던 건, 혹은 예약 취소했던 건을 즉시 결제 재시도합니다. 재시도가 승인된 경우에만 웹훅이 전송됩니다 (실패 웹훅은 예약 실행에만 전송).',
    tags: ['subscribe'],
    params: MerchantUidParamsSchema,
    response: PaymentSchema,
    statuses: [400, 401, 404],
    responses: { 200: '정상적으로 재시도가 완료되었습니다. (결제 성공/실패 여부는 결제 상태(status)로 확인 필요)', 400: '필수 파라미터 누락(code -1), 아직 실행되지 않거나 이미 실행중 혹은 승인된 결제예약(code 1)', 404: '존재하지 않는 결제예약 혹은 빌링키' },
    example: examples.retry,
    run: (sandbox, { params }, caller) => sandbox.scheduleChanges.retry(caller, params.merchant_uid),
  }),
  schedulesByCustomer(
    '/subscribe/customers/:customer_uid/schedules',
    '/subscribe/payments/schedule/customers/{customer_uid}',
    ['subscribe.customer'],
    '빌링키(customer_uid)의 결제예약 목록 조회 (GET /subscribe/payments/schedule/customers/{customer_uid}와 같은 동작)',
  ),
];
