import type { FastifyDynamicSwaggerOptions } from '@fastify/swagger';

// The head of the OpenAPI document; the paths come from the operations' own schemas.
export const openapiInfo: NonNullable<FastifyDynamicSwaggerOptions['openapi']> = {
  openapi: '3.0.3',
  info: {
    title: 'iamport-sandbox',
    description:
      'A local sandbox of the PortOne V1 REST API (api.iamport.kr) as it behaves for the Settle / Hecto Financial PG. ' +
      'Every answer is the envelope {code, message, response}.',
    version: '0.1.0',
  },
  // Relative: "Try it out" calls the address the docs were opened at (a container, a proxy, another port).
  servers: [{ url: '/', description: 'this sandbox' }],
  components: {
    securitySchemes: {
      bearer: { type: 'http', scheme: 'bearer', description: 'Authorization: Bearer <access_token>' },
      raw: { type: 'apiKey', in: 'header', name: 'Authorization', description: 'Authorization: <access_token>' },
      legacy: { type: 'apiKey', in: 'header', name: 'X-ImpTokenHeader' },
      query: { type: 'apiKey', in: 'query', name: '_token' },
    },
  },
  tags: [
    { name: 'authenticate', description: 'access token' },
    { name: 'subscribe', description: '비인증결제 (onetime, again, 결제예약)' },
    { name: 'subscribe.customer', description: '빌링키' },
    { name: 'payments', description: '결제내역 조회, 취소' },
    { name: 'payments.validation', description: '결제 사전등록 (결제창 금액 위변조 방지: POST/PUT/GET /payments/prepare)' },
    { name: 'vbanks', description: '가상계좌 발급(API), 수정, 말소 (헥토파이낸셜은 별도 계약 필요)' },
    { name: 'receipts', description: '현금영수증 발급, 조회, 취소 (결제건 및 외부결제)' },
    { name: 'codes', description: '금융결제원 은행·카드사 표준코드' },
    { name: 'users', description: '가맹점의 PG 설정 (MID 목록)' },
    { name: 'tiers', description: '하위가맹점 (샌드박스에는 없음: 조회는 404)' },
    { name: 'unsupported', description: '다른 PG사의 API: 헥토파이낸셜 가맹점에는 "현재 지원되지 않는 PG사입니다."로 거절' },
    { name: 'sandbox', description: 'The sandbox itself (not part of the vendor API): health, receipt pages' },
    {
      name: 'sandbox.window',
      description: 'The payment window behind IMP.request_pay: the SDK stand-in, checkout and example pages, and the JSON API they call',
    },
    {
      name: 'sandbox-control',
      description: 'Steering the sandbox from a test: reset, state export/import, listings, clock, webhooks, scripted outcomes, faults (off with --no-control)',
    },
  ],
};
