import { Nullable } from '../contract/common.js';
import { PaymentSchema } from '../contract/payment.js';
import { ImpUidParamsSchema } from '../contract/requests.js';
import { CreateVbankBodySchema, ModifyVbankBodySchema } from '../contract/vbanks.js';
import { authenticated, type Operation } from './operation.js';

// Virtual accounts issued through the API (vendor V1 OpenAPI, `vbanks` tag).

export const vbankOperations: Operation[] = [
  authenticated({
    method: 'POST',
    path: '/vbanks',
    operationId: 'createVbank',
    summary: '가상계좌 발급 (헥토파이낸셜은 별도 계약 필요; vbank_holder 필수)',
    tags: ['vbanks'],
    body: CreateVbankBodySchema,
    response: Nullable(PaymentSchema),
    statuses: [400, 401],
    run: (sandbox, { body }, caller) => sandbox.vbanks.create(caller, body),
  }),
  authenticated({
    method: 'PUT',
    path: '/vbanks/:imp_uid',
    operationId: 'modifyVbank',
    summary: '입금 전 가상계좌의 금액 또는 입금기한 수정 (API로 발급된 계좌)',
    tags: ['vbanks'],
    params: ImpUidParamsSchema,
    body: ModifyVbankBodySchema,
    response: PaymentSchema,
    statuses: [400, 401, 404],
    run: (sandbox, { params, body }, caller) => sandbox.vbanks.modify(caller, params.imp_uid, body),
  }),
  authenticated({
    method: 'DELETE',
    path: '/vbanks/:imp_uid',
    operationId: 'revokeVbank',
    summary: '입금 전 가상계좌 말소 (API로 발급된 계좌)',
    tags: ['vbanks'],
    params: ImpUidParamsSchema,
    response: PaymentSchema,
    statuses: [400, 401, 404],
    run: (sandbox, { params }, caller) => sandbox.vbanks.revoke(caller, params.imp_uid),
  }),
];
