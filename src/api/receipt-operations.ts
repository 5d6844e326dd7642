import { ExternalReceiptSchema, IssueExternalReceiptBodySchema, IssueReceiptBodySchema, ReceiptSchema } from '../contract/receipts.js';
import { ImpUidParamsSchema, MerchantUidParamsSchema } from '../contract/requests.js';
import { authenticated, type Operation } from './operation.js';
import { examples } from './request-examples.js';

// Cash receipts (vendor V1 OpenAPI, `receipts` tag). GET /receipts/{imp_uid} (getReceipt) is not served: the
// vendor does not list Settle among its PGs.

export const receiptOperations: Operation[] = [
  authenticated({
    method: 'POST',
    path: '/receipts/:imp_uid',
    operationId: 'issueReceipt',
    summary: '현금영수증 발급 (결제완료된 계좌이체·가상계좌; 헥토파이낸셜은 identifier_type 필수)',
    description:
      '포트원을 통해 발생한 현금성 거래(가상계좌, 계좌이체)의 포트원 거래고유번호(imp_uid)를 기준으로 현금영수증을 발급합니다. 발급 금액은 현금성 거래의 금액으로 자동 적용되며, 부분취소된 거래는 남은 잔액으로 발급됩니다.',
    tags: ['receipts'],
    params: ImpUidParamsSchema,
    body: IssueReceiptBodySchema,
    response: ReceiptSchema,
    statuses: [400, 401, 404],
    responses: { 200: '현금영수증 발행 완료', 400: '필수 파라메터가 누락된 경우(code -1), 결제완료(paid)된 계좌이체·가상계좌가 아니거나 이미 현금영수증 발행된 건인 경우(code 1)', 404: '존재하지 않는 포트원 거래정보' },
    example: examples.receipt,
    run: (sandbox, { params, body }, caller) => sandbox.cashReceipts.issue(caller, params.imp_uid, body),
  }),
  authenticated({
    method: 'DELETE',
    path: '/receipts/:imp_uid',
    operationId: 'revokeReceipt',
    summary: '현금영수증 발급취소',
    description:
      '포트원을 통해 발급한 현금영수증 발급거래를 취소합니다. 포트원과 별개로 거래된 현금영수증 취소는 DELETE /receipts/external/{merchant_uid}를 이용해주세요.',
    tags: ['receipts'],
    params: ImpUidParamsSchema,
    response: ReceiptSchema,
    statuses: [400, 401],
    responses: { 200: '현금영수증 발급취소 완료', 400: '포트원으로 현금영수증이 발급된 적 없는 건, 또는 이미 발급취소된 건에 대해서 발급취소 요청한 경우 (code 1)' },
    example: examples.payment,
    run: (sandbox, { params }, caller) => sandbox.cashReceipts.revoke(caller, params.imp_uid),
  }),
  authenticated({
    method: 'GET',
    path: '/receipts/external/:merchant_uid',
    operationId: 'getExternalReceipt',
    summary: '외부 현금거래의 현금영수증 조회',
    description:
      '포트원 API를 통해 현금영수증만 발행된 건(포트원과 별개로 결제된 현금거래)의 상세정보를 조회합니다.',
    tags: ['receipts'],
    params: MerchantUidParamsSchema,
    response: ExternalReceiptSchema,
    statuses: [401, 404],
    responses: { 200: '현금영수증 상세정보 조회 완료', 404: 'merchant_uid로 현금영수증 발행된 내역이 확인되지 않는 경우' },
    example: examples.externalReceipt,
    run: (sandbox, { params }, caller) => sandbox.cashReceipts.getExternal(caller, params.merchant_uid),
  }),
  authenticated({
    method: 'POST',
    path: '/receipts/external/:merchant_uid',
    operationId: 'issueExternalReceipt',
    summary: '외부 현금거래의 현금영수증 발급 (헥토파이낸셜은 identifier_type 필수)',
    description:
      '포트원과 별개로 거래된 일반 현금결제에 대해, 포트원에 설정된 PG사로 현금영수증 발행을 요청합니다.',
    tags: ['receipts'],
    params: MerchantUidParamsSchema,
    body: IssueExternalReceiptBodySchema,
    response: ExternalReceiptSchema,
    statuses: [400, 401],
    responses: { 200: '현금영수증 발행 완료', 400: '필수 파라메터가 누락된 경우(code -1), 이미 현금영수증 발행된 merchant_uid에 대해 요청한 경우(code 1)' },
    example: examples.issueExternalReceipt,
    run: (sandbox, { params, body }, caller) => sandbox.cashReceipts.issueExternal(caller, params.merchant_uid, body),
  }),
  authenticated({
    method: 'DELETE',
    path: '/receipts/external/:merchant_uid',
    operationId: 'revokeExternalReceipt',
    summary: '외부 현금거래의 현금영수증 발급취소',
    description:
      '포트원과 별개로 거래된 일반 현금결제에 대해, 포트원 API로 발행한 현금영수증을 발행취소합니다.',
    tags: ['receipts'],
    params: MerchantUidParamsSchema,
    response: ExternalReceiptSchema,
    statuses: [400, 401, 404],
    responses: { 200: '현금영수증 발행취소 완료', 400: '이미 발행취소된 현금영수증인 경우 (code 1)', 404: '현금영수증 발행된 적이 없는 merchant_uid에 대해 요청한 경우' },
    example: examples.externalReceipt,
    run: (sandbox, { params }, caller) => sandbox.cashReceipts.revokeExternal(caller, params.merchant_uid),
  }),
];
