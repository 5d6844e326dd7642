import Type from 'typebox';
import { errors } from '../core/errors.js';
import { authenticated, type Operation } from './operation.js';
import { vendorCatalogue, type VendorOperation } from './vendor-catalogue.js';

// The vendor's operations that no Settle (Hecto Financial) merchant can use: the vendor documents them for other
// PGs only (naverpay, kcp_quick, benepia, galaxia cvs, payco, paymentwall, escrow, certifications, cash-receipt
// lookup, partners). They are routed like any other vendor operation, so the token is checked first (401), and
// then refused in the vendor's envelope with the vendor's wording (reference §5.2, R3) instead of "API not found".

/** `/payments/{imp_uid}/naver/point` → `/payments/:imp_uid/naver/point`, and the names of its parameters. */
const routeOf = (path: string) => ({
  path: path.replace(/\{(\w+)\}/g, ':$1'),
  names: [...path.matchAll(/\{(\w+)\}/g)].map((match) => match[1]!),
});

/** What each refused operation does, in the vendor's words (its description in the V1 OpenAPI, shortened). */
const vendorDescriptions: Readonly<Record<string, string>> = {
  'POST /benepia/point': '베네피아 계정 아이디, 비밀번호로 보유 중인 베네피아 포인트(복지포인트)를 조회합니다.',
  'POST /benepia/payment': '베네피아 계정 아이디, 비밀번호와 결제정보로 베네피아 포인트(복지포인트) 사용 결제를 요청합니다.',
  'GET /certifications/{imp_uid}': '본인인증된 결과를 imp_uid를 이용하여 조회합니다.',
  'DELETE /certifications/{imp_uid}': '본인인증 결과정보를 포트원 서버 내에서 완전히 삭제합니다.',
  'POST /certifications/otp/request': '사용자 개인정보를 전달하여, 통신사로부터 확인되는 경우 OTP(6자리 인증번호)를 사용자에게 SMS로 전달합니다.',
  'POST /certifications/otp/confirm/{imp_uid}': 'SMS/APP로 전송된 인증번호를 전달하여 본인인증을 완료합니다.',
  'POST /cvs': '편의점결제를 위한 수납번호(barcode)를 사전 발급 또는 등록합니다.',
  'DELETE /cvs/{imp_uid}': '아직 수납 전인 편의점결제 수납번호(barcode)를 말소처리합니다.',
  'GET /escrows/logis/{imp_uid}': '에스크로 결제 건에 등록된 배송정보를 조회합니다.',
  'PUT /escrows/logis/{imp_uid}': '에스크로 결제 건에 등록된 배송정보를 수정합니다.',
  'POST /escrows/logis/{imp_uid}': '에스크로 결제 건에 대한 배송정보를 등록합니다.',
  'DELETE /kcpquick/members/{member_id}': '구매자의 KCP 퀵페이 정보를 삭제합니다.',
  'POST /kcpquick/payment/money': 'KCP 선불머니로 결제합니다.',
  'PUT /kcpquick/prepare/{merchant_uid}': 'KCP 선불머니 거래 사전등록 정보를 수정합니다.',
  'POST /kcpquick/prepare/{merchant_uid}': 'KCP 선불머니 거래를 위한 사전등록 정보를 저장합니다.',
  'POST /kcpquick/payment/autopay': 'KCP 퀵페이에 등록된 자동결제 키를 이용하여 결제를 요청합니다.',
  'DELETE /kcpquick/autopay/{customer_uid}': 'KCP 퀵페이에 등록된 자동결제 키를 삭제합니다.',
  'POST /kcpquick/members/{member_id}/fido/release': 'KCP 퀵페이 회원의 생체인증(FIDO) 사용을 해제합니다.',
  'POST /payments/{imp_uid}/naver/cancel': '(주문형-네이버페이) 네이버페이 상품주문들을 환불처리합니다.',
  'POST /payments/{imp_uid}/naver/approve-cancel': '(주문형-네이버페이) 구매자가 환불요청한 상품주문들을 환불승인처리합니다.',
  'POST /payments/{imp_uid}/naver/ship': '(주문형-네이버페이) 네이버페이 상품주문들을 발송처리합니다.',
  'POST /payments/{imp_uid}/naver/ship-exchanged': '(주문형-네이버페이) 교환승인된 상품주문들을 재발송처리합니다.',
  'POST /payments/{imp_uid}/naver/collect-exchanged': '(주문형-네이버페이) 교환승인된 상품주문들을 수거완료처리합니다.',
  'POST /payments/{imp_uid}/naver/place': '(주문형-네이버페이) 네이버페이 상품주문들을 발주처리합니다.',
  'POST /payments/{imp_uid}/naver/request-return': '(주문형-네이버페이) 네이버페이 상품주문들을 반품요청합니다.',
  'POST /payments/{imp_uid}/naver/approve-return': '(주문형-네이버페이) 네이버페이 상품주문들을 반품승인처리합니다.',
  'POST /payments/{imp_uid}/naver/reject-return': '(주문형-네이버페이) 반품요청 상품주문들을 반품거절처리합니다.',
  'POST /payments/{imp_uid}/naver/withhold-return': '(주문형-네이버페이) 반품요청 상품주문들을 반품보류처리합니다.',
  'POST /payments/{imp_uid}/naver/resolve-return': '(주문형-네이버페이) 반품보류 상품주문들을 반품보류해제처리합니다.',
  'POST /payments/{imp_uid}/naver/point': '(결제형-네이버페이) 네이버페이 포인트를 적립합니다.',
  'POST /payments/{imp_uid}/naver/confirm': '(결제형-네이버페이) 에스크로 주문을 확정합니다.',
  'GET /payments/{imp_uid}/naver/product-orders': '(주문형-네이버페이) 포트원 거래고유번호(imp_uid)에 연결된 네이버페이 상품주문 목록을 조회합니다.',
  'GET /naver/product-orders/{product_order_id}': '(주문형-네이버페이) 네이버페이 상품주문번호(product_order_id)로 상품주문 단건을 조회합니다.',
  'GET /naver/reviews': '(주문형-네이버페이) 네이버페이 구매평을 조회합니다.',
  'GET /payments/{imp_uid}/naver/cash-amount': '(결제형-네이버페이) 현금영수증 발급 가용액을 조회합니다.',
  'POST /partners/receipts/{imp_uid}': '결제 내역 매출전표에 하위 상점의 거래를 등록합니다.',
  'POST /payco/orders/status/{imp_uid}': '페이코 주문상품의 상태를 변경합니다.',
  'POST /paymentwall/delivery': '이커머스(실물 상품)의 경우 페이먼트월에서 필수적으로 요구되는 배송정보를 등록합니다.',
  'GET /receipts/{imp_uid}': '포트원을 통해 발행된 현금영수증 상세정보를 조회합니다.',
};

const REFUSAL = 'code 1, `현재 지원되지 않는 PG사입니다.`, response: null';

/** The vendor's description, then what a Settle merchant gets; each status it can answer, said once. */
function documentation(method: string, path: string, pgs: readonly string[], status: number): Pick<Operation, 'description' | 'responses'> {
  const what = vendorDescriptions[`${method} ${path}`];
  if (!what) throw new Error(`${method} ${path}: no description of the refused operation`);
  return {
    description: `${what} 벤더 문서상 ${pgs.join(', ')} 전용 API라서, 헥토파이낸셜(settle) 가맹점에는 토큰을 확인한 뒤 아무것도 조회하지 않고 HTTP ${status}, ${REFUSAL}로 거절합니다.`,
    responses:
      status === 200
        ? { 200: `헥토파이낸셜 가맹점에는 항상 거절: ${REFUSAL}` }
        : { 200: `샌드박스는 응답하지 않음 (헥토파이낸셜 가맹점에는 HTTP ${status}로 거절)`, [status]: `지원하지 않는 PG사: ${REFUSAL}` },
  };
}

function refused({ method, path, operationId, refused }: VendorOperation & Required<Pick<VendorOperation, 'refused'>>): Operation {
  const route = routeOf(path);
  const status = refused.status ?? 200;
  return authenticated({
    method,
    path: route.path,
    operationId,
    summary: `헥토파이낸셜(settle) 미지원: 벤더 문서상 ${refused.pgs.join(', ')} 전용 → code 1 \`현재 지원되지 않는 PG사입니다.\``,
    ...documentation(method, path, refused.pgs, status),
    tags: ['unsupported'],
    ...(route.names.length > 0 && { params: Type.Object(Object.fromEntries(route.names.map((name) => [name, Type.String()]))) }),
    response: Type.Null(),
    statuses: status === 200 ? [401] : [401, status],
    // Answered, not thrown: a 501 here is the vendor's refusal, not the sandbox's own failure (which the pipeline logs).
    run: () => {
      const refusal = errors.pgNotSupported(status);
      return { status: refusal.status, body: refusal.toEnvelope() };
    },
  });
}

export const unsupportedOperations: Operation[] = vendorCatalogue
  .filter((entry): entry is VendorOperation & Required<Pick<VendorOperation, 'refused'>> => entry.refused !== undefined)
  .map(refused);
