import { inputWording } from '../contract/validation/vendor-wording.js';

/**
 * An answer the API gives as an error envelope `{code, message, response: null}`.
 * A declined `again` charge is not one of these: it is a normal answer carrying a failed Payment.
 */
export class SandboxError extends Error {
  constructor(
    readonly status: number,
    readonly code: number,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'SandboxError';
  }

  toEnvelope() {
    return { code: this.code, message: this.message, response: null };
  }
}

const fail = (status: number, code: number, message: string, cause?: unknown) =>
  new SandboxError(status, code, message, cause === undefined ? undefined : { cause });

// Every refusal of the core's rules lives here. Wording is the vendor's where the reference records it
// (shared/reference/iamport-v1-api.md §5.2); the rest is marked as the sandbox's own. Input that cannot be read or
// does not fit its schema is refused in the words of src/contract/validation/vendor-wording.ts, whose parameter
// patterns the rules below share; refusals of the transport (size, media type, path, HTTP framing) belong to the
// doors (src/api/transport-errors.ts, src/http/transport-errors.ts).
export const errors = {
  // §2.3: missing, unknown or expired token.
  unauthorized: () => fail(401, -1, 'Unauthorized'),
  // §2.1: wrong key/secret is a 401; the body text is not recorded, so it matches §2.3.
  badCredentials: () => fail(401, -1, 'Unauthorized'),
  // §2.1 (S9): missing key or secret.
  missingCredentials: () => fail(400, -1, 'imp_key, imp_secret 파라메터가 누락되었습니다.'),
  // §5.2 (R4): the vendor's pattern for a missing parameter.
  missingParameter: (name: string) => fail(400, -1, inputWording.missingParameter(name)),
  // Sandbox's own: a parameter of the wrong type or format.
  invalidParameter: (name: string, problem: string) => fail(400, -1, inputWording.invalidParameter(name, problem)),
  badRequest: (detail: string) => fail(400, -1, inputWording.badRequest(detail)),
  // A request part that cannot be read or does not fit its schema, in the validation's words (src/contract/validation.ts).
  refusedInput: (message: string) => fail(400, -1, message),
  internal: () => fail(500, -1, '샌드박스 내부 오류가 발생했습니다.'),
  // Sandbox's own. `cause` is the store's error (ENOSPC, EACCES… with the file's path): the client only sees the
  // message, the 5xx log line shows the cause, so an operator can tell why and fix the disk.
  storageFailed: (cause: unknown) => fail(503, -1, '결제정보를 저장하지 못했습니다. 잠시 후 다시 시도해주세요.', cause),

  // §5.2 (R3): the vendor's wording for an operation the merchant's PG does not support. The status is the one the
  // operation documents for an unsupported PG (escrow 400, receipts and partners 501), else 200 as for other refusals.
  pgNotSupported: (status: number) => fail(status, 1, '현재 지원되지 않는 PG사입니다.'),
  // §5.2 (S14 ruby#23): no usable API (non-auth) PG for the `pg` given.
  pgNotConfigured: () => fail(200, 1, '비인증결제모듈 사용정보를 찾을 수 없습니다.'),
  // §5.4: the vendor's F1002 wording, borrowed for REST (exact REST answer unrecorded).
  alreadyPaid: () => fail(200, 1, '이미 결제가 이루어진 거래건입니다.'),
  // §5.2 (S9, S10, S11): again with an unknown customer_uid.
  unknownCustomer: () => fail(200, 1, '등록되지 않은 구매자입니다.'),
  // §6.2: Settle issues billing keys only through onetime + customer_uid unless separately contracted.
  billingKeyApiNotContracted: () =>
    fail(
      200,
      1,
      '헥토파이낸셜(settle)은 빌링키 단독 발급 API를 지원하지 않습니다(별도 계약 필요). ' +
        'POST /subscribe/payments/onetime 요청에 customer_uid를 지정하여 빌링키 발급과 최초 결제를 함께 요청하세요.',
    ),
  // §4.4, §4.5 (S10).
  customerNotFound: (customerUid: string) =>
    fail(404, 1, `요청하신 customer_uid(${customerUid})로 등록된 정보를 찾을 수 없습니다.`),
  customersNotFound: () => fail(404, 1, '요청하신 customer_uid로 등록된 정보를 찾을 수 없습니다.'),
  // §4.11, §4.12 (S9, R3).
  paymentNotFound: () => fail(404, -1, '존재하지 않는 결제정보입니다.'),
  // §4.13.
  paymentsNotFound: () => fail(404, -1, '해당되는 결제건을 찾지 못하였습니다.'),
  // §5.2 (R3): an operation the payment's PG does not offer (balanceByImpUid is PAYCO's only).
  pgUnsupported: () => fail(200, 1, '현재 지원되지 않는 PG사입니다.'),
  paymentIdsMissing: () => fail(400, -1, 'imp_uid[] 또는 merchant_uid[] 중 하나 이상을 지정해주셔야합니다.'),
  // §4.14: cancel.
  cancelIdMissing: () => fail(200, 1, 'imp_uid 또는 merchant_uid 중 하나를 지정해주셔야합니다.'),
  cancelTargetNotFound: () => fail(200, 1, '취소할 결제건이 존재하지 않습니다.'),
  alreadyFullyCancelled: () => fail(200, 1, '이미 전액취소된 주문입니다.'),
  // §13: a test payment Hecto cancelled at 23:00 KST is refused by the PG as "기 취소 거래" (the vendor's help,
  // test-integration). A PG-side failure is code -1 (§4.14, §5.2); the prefix follows the PG messages of §5.2.
  cancelledAtPg: () => fail(200, -1, '결제취소에 실패하였습니다. 기 취소 거래'),
  // Sandbox's own wording: the vendor's text for these is unrecorded.
  overCancel: (requested: number, cancellable: number) =>
    fail(200, 1, `취소요청금액(${requested})이 취소가능잔액(${cancellable})보다 큽니다.`),
  checksumMismatch: (checksum: number, cancellable: number) =>
    fail(200, 1, `checksum(${checksum})이 취소가능잔액(${cancellable})과 일치하지 않습니다.`),
  // §5.2: card rejected by the PG (onetime answers these as code -1).
  cardDeclined: (message: string) => fail(200, -1, message),

  // §4.8 (S8, python#45): schedule for an unknown customer_uid without card details.
  scheduleCustomerUnknown: () => fail(200, 1, '등록된 고객정보가 없습니다.'),
  // §4.8: the vendor refuses a duplicate merchant_uid (S12) but its text is unrecorded: sandbox's own wording.
  scheduleDuplicate: (merchantUid: string) => fail(200, 1, `이미 결제예약되었거나 결제된 merchant_uid입니다: ${merchantUid}`),
  // §4.9 (S8, S11).
  nothingToUnschedule: () => fail(200, 1, '취소할 예약결제 기록이 존재하지 않습니다.'),
  // §4.10: 404 per the spec; the body text is unrecorded, so this wording is the sandbox's own.
  scheduleNotFound: () => fail(404, 1, '요청하신 merchant_uid로 예약된 결제정보를 찾을 수 없습니다.'),
  // V1 OpenAPI (updateScheduleByMid, rescheduleByMid, retryScheduleByMid): these refusals are HTTP 400; their
  // texts are unrecorded, so the wording is the sandbox's own (code 1: refused by a state check, §5.2).
  scheduleNotPending: () => fail(400, 1, '이미 실행되었거나 취소된 결제예약은 수정할 수 없습니다.'),
  schedulePast: () => fail(400, 1, '예약시각이 현재 시각보다 과거입니다.'),
  scheduleNotRetryable: () => fail(400, 1, '결제에 실패했거나 취소된 결제예약만 재예약 또는 재시도할 수 있습니다.'),
  scheduleRunning: () => fail(400, 1, '이미 실행 중인 결제예약입니다.'),
  alreadyPaidSchedule: () => fail(400, 1, '이미 승인된 결제예약입니다.'),
  scheduleRetryRefused: (reason: string) => fail(400, 1, `결제예약 재시도에 실패하였습니다. ${reason}`.trim()),
  // V1 OpenAPI 404 descriptions of bankCodes, cardCodes and GetTier; the envelope's text is unrecorded, so these
  // follow those descriptions.
  bankCodeNotFound: () => fail(404, 1, '코드에 해당되는 은행정보를 찾을 수 없습니다.'),
  cardCodeNotFound: () => fail(404, 1, '코드에 해당되는 카드사정보를 찾을 수 없습니다.'),
  tierNotFound: () => fail(404, 1, '등록되지 않았거나 이미 삭제된 하위 상점(Tier) 코드입니다.'),
  // Sandbox's own: the control API.
  webhookDeliveryNotFound: (id: string) => fail(404, -1, `웹훅 전송 기록을 찾을 수 없습니다: ${id}`),
  unknownMerchant: (code: string) => fail(404, -1, `등록되지 않은 가맹점 식별코드입니다: ${code}`),
  unknownTenant: (code: string) => fail(404, -1, `샌드박스 테넌트가 아닌 가맹점 식별코드입니다: ${code}`),
  unknownTemplate: (code: string) => fail(404, -1, `가맹점 파일에 없는 가맹점 식별코드입니다(테넌트는 복제할 수 없습니다): ${code}`),
  injectedFault: (status: number) => fail(status, -1, `샌드박스 장애 주입: HTTP ${status} 응답입니다.`),
  // Sandbox's own: who may call the control API (src/api/control-access.ts).
  controlKeyRequired: (header: string) => fail(401, -1, `제어 API에는 올바른 ${header} 헤더가 필요합니다.`),
  controlHostRefused: (host: string) => fail(403, -1, `허용되지 않은 Host의 제어 API 요청입니다: ${host} (--allowed-hosts)`),
  controlOriginRefused: (origin: string) => fail(403, -1, `다른 출처(Origin)에서 온 제어 API 요청은 거부됩니다: ${origin}`),
  // §4.15 (R6): prepare of a merchant_uid already registered; lookups of one never registered (S9, 404).
  prepareDuplicate: () => fail(200, 1, '결제정보 사전등록에 실패하였습니다(이미 등록된 merchant_uid입니다).'),
  prepareNotFound: () => fail(404, -1, '사전등록된 결제정보가 존재하지 않습니다.'),
  // Sandbox's own: the payment window's control calls (checkout page, vbank deposit).
  checkoutNotFound: () => fail(404, -1, '결제창 요청을 찾을 수 없습니다.'),
  checkoutClosed: (status: string) => fail(200, 1, `이미 종료된 결제창입니다 (status: ${status}).`),
  // V1 OpenAPI receipts: the statuses are the vendor's (400 / 404), the texts the sandbox's own.
  receiptNotCashPayment: () => fail(400, 1, '현금영수증은 결제완료(paid)된 계좌이체 또는 가상계좌 결제건에만 발행할 수 있습니다.'),
  receiptAlreadyIssued: () => fail(400, 1, '이미 현금영수증이 발행된 건입니다.'),
  receiptNotIssued: () => fail(400, 1, '포트원을 통해 현금영수증이 발행된 적이 없는 건입니다.'),
  // A second revoke, of either kind: a receipt that was issued is no longer "never issued" (issue #23, point 12a).
  receiptAlreadyRevoked: () => fail(400, 1, '이미 발행취소된 현금영수증입니다.'),
  externalReceiptNotFound: () => fail(404, 1, '해당 merchant_uid로 발행된 현금영수증이 없습니다.'),
  // Reference §6.4: API-issued virtual accounts need a separate contract with Hecto (as stand-alone billing keys).
  vbankApiNotContracted: () =>
    fail(200, 1, '헥토파이낸셜(settle) 가상계좌 발급 API는 별도 계약이 필요합니다. 결제창(IMP.request_pay, pay_method: vbank)으로 발급하세요.'),
  // V1 OpenAPI modifyVbank / revokeVbank: 400 when not a virtual account waiting for its deposit; texts are the sandbox's own.
  vbankNotModifiable: () => fail(400, 1, 'API로 발급되어 입금 대기 중(ready)인 가상계좌가 아닙니다.'),
  vbankDueInPast: () => fail(400, 1, '가상계좌 입금기한이 현재 시각보다 과거입니다.'),
  vbankNotWaiting: () => fail(200, 1, '입금 대기 중인 가상계좌가 아닙니다.'),
};
