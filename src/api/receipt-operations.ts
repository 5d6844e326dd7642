import { ExternalReceiptSchema, IssueExternalReceiptBodySchema, IssueReceiptBodySchema, ReceiptSchema } from '../contract/receipts.js';
import { ImpUidParamsSchema, MerchantUidParamsSchema } from '../contract/requests.js';
import { authenticated, type Operation } from './operation.js';

// Cash receipts (vendor V1 OpenAPI, `receipts` tag). GET /receipts/{imp_uid} (getReceipt) is not served: the
// vendor does not list Settle among its PGs.

export const receiptOperations: Operation[] = [
  authenticated({
    method: 'POST',
    path: '/receipts/:imp_uid',
    operationId: 'issueReceipt',
    summary: '현금영수증 발급 (결제완료된 계좌이체·가상계좌; 헥토파이낸셜은 identifier_type 필수)',
    tags: ['receipts'],
    params: ImpUidParamsSchema,
    body: IssueReceiptBodySchema,
    response: ReceiptSchema,
    statuses: [400, 401, 404],
    run: (sandbox, { params, body }, caller) => sandbox.cashReceipts.issue(caller, params.imp_uid, body),
  }),
  authenticated({
    method: 'DELETE',
    path: '/receipts/:imp_uid',
    operationId: 'revokeReceipt',
    summary: '현금영수증 발급취소',
    tags: ['receipts'],
    params: ImpUidParamsSchema,
    response: ReceiptSchema,
    statuses: [400, 401],
    run: (sandbox, { params }, caller) => sandbox.cashReceipts.revoke(caller, params.imp_uid),
  }),
  authenticated({
    method: 'GET',
    path: '/receipts/external/:merchant_uid',
    operationId: 'getExternalReceipt',
    summary: '외부 현금거래의 현금영수증 조회',
    tags: ['receipts'],
    params: MerchantUidParamsSchema,
    response: ExternalReceiptSchema,
    statuses: [401, 404],
    run: (sandbox, { params }, caller) => sandbox.cashReceipts.getExternal(caller, params.merchant_uid),
  }),
  authenticated({
    method: 'POST',
    path: '/receipts/external/:merchant_uid',
    operationId: 'issueExternalReceipt',
    summary: '외부 현금거래의 현금영수증 발급 (헥토파이낸셜은 identifier_type 필수)',
    tags: ['receipts'],
    params: MerchantUidParamsSchema,
    body: IssueExternalReceiptBodySchema,
    response: ExternalReceiptSchema,
    statuses: [400, 401],
    run: (sandbox, { params, body }, caller) => sandbox.cashReceipts.issueExternal(caller, params.merchant_uid, body),
  }),
  authenticated({
    method: 'DELETE',
    path: '/receipts/external/:merchant_uid',
    operationId: 'revokeExternalReceipt',
    summary: '외부 현금거래의 현금영수증 발급취소',
    tags: ['receipts'],
    params: MerchantUidParamsSchema,
    response: ExternalReceiptSchema,
    statuses: [401, 404],
    run: (sandbox, { params }, caller) => sandbox.cashReceipts.revokeExternal(caller, params.merchant_uid),
  }),
];
