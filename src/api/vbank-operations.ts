import { Nullable } from '../contract/common.js';
import { PaymentSchema } from '../contract/payment.js';
import { ImpUidParamsSchema } from '../contract/requests.js';
import { CreateVbankBodySchema, ModifyVbankBodySchema } from '../contract/vbanks.js';
import { authenticated, type Operation } from './operation.js';
import { examples } from './request-examples.js';

// Virtual accounts issued through the API (vendor V1 OpenAPI, `vbanks` tag).

export const vbankOperations: Operation[] = [
  authenticated({
    method: 'POST',
    path: '/vbanks',
    operationId: 'createVbank',
    summary: '가상계좌 발급 (헥토파이낸셜은 별도 계약 필요; vbank_holder 필수)',
    description:
      '가상계좌번호를 발급하여 고객이 입금할 수 있도록 합니다. 희망하시는 은행, 예금주명으로 입금이 가능한 가상계좌를 생성할 수 있습니다 (별도로 PG계약 필요). 헥토파이낸셜은 별도 계약이 없으면 결제창(IMP.request_pay, pay_method: vbank)으로만 발급합니다.',
    tags: ['vbanks'],
    body: CreateVbankBodySchema,
    response: Nullable(PaymentSchema),
    statuses: [400, 401],
    responses: { 200: '가상계좌 생성 완료 (code 0). 별도 계약이 없는 가맹점은 HTTP 200, code 1, response: null' },
    example: examples.createVbank,
    run: (sandbox, { body }, caller) => sandbox.vbanks.create(caller, body),
  }),
  authenticated({
    method: 'PUT',
    path: '/vbanks/:imp_uid',
    operationId: 'modifyVbank',
    summary: '입금 전 가상계좌의 금액 또는 입금기한 수정 (API로 발급된 계좌)',
    description:
      'API로 발급된 가상계좌(입금 전)의 입금기한 또는 입금금액을 수정합니다 (헥토파이낸셜만 사용 가능). 같은 merchant_uid의 입금대기 가상계좌가 여러 개일 수 있으므로 imp_uid로만 수정할 수 있습니다.',
    tags: ['vbanks'],
    params: ImpUidParamsSchema,
    body: ModifyVbankBodySchema,
    response: PaymentSchema,
    statuses: [400, 401, 404],
    responses: { 200: '가상계좌 수정 완료', 400: '파라미터가 올바르지 않은 경우(code -1), API로 발급된 입금대기(ready) 가상계좌가 아니거나 입금기한이 과거인 경우(code 1)', 404: '유효하지 않은 imp_uid' },
    example: examples.modifyVbank,
    run: (sandbox, { params, body }, caller) => sandbox.vbanks.modify(caller, params.imp_uid, body),
  }),
  authenticated({
    method: 'DELETE',
    path: '/vbanks/:imp_uid',
    operationId: 'revokeVbank',
    summary: '입금 전 가상계좌 말소 (API로 발급된 계좌)',
    description:
      'API로 발급된 가상계좌(입금 전)를 말소합니다. 아직 입금되지 않은 가상계좌를 말소시켜 구매자가 실수로 입금하는 경우를 방지합니다. 같은 merchant_uid의 입금대기 가상계좌가 여러 개일 수 있으므로 imp_uid로만 말소할 수 있습니다.',
    tags: ['vbanks'],
    params: ImpUidParamsSchema,
    response: PaymentSchema,
    statuses: [400, 401, 404],
    responses: { 200: '가상계좌 말소 완료', 400: '파라미터가 올바르지 않은 경우(code -1), API로 발급된 입금대기(ready) 가상계좌가 아닌 경우(code 1)', 404: '유효하지 않은 imp_uid' },
    example: examples.payment,
    run: (sandbox, { params }, caller) => sandbox.vbanks.revoke(caller, params.imp_uid),
  }),
];
