import Type from 'typebox';
import {
  BankCodeParamsSchema,
  CardCodeParamsSchema,
  PgSettingSchema,
  StandardCodeSchema,
  TierParamsSchema,
  TierSchema,
} from '../contract/codes.js';
import { pgSettings, tierOf } from '../core/codes/pg-settings.js';
import { authenticated, type Operation } from './operation.js';
import { examples } from './request-examples.js';

// Standard codes, the merchant's PG settings and tiers (vendor V1 OpenAPI: codes, pgs and tiers tags).

export const codeOperations: Operation[] = [
  authenticated({
    method: 'GET',
    path: '/banks',
    operationId: 'allBankCodes',
    summary: '은행코드 전체조회 (금융결제원 표준코드)',
    description:
      '은행정보 리스트를 조회합니다. 은행표준코드와 은행명을 모두 조회할 수 있습니다 (금융결제원 표준코드 기준).',
    tags: ['codes'],
    response: Type.Array(StandardCodeSchema),
    statuses: [401],
    responses: { 200: '정상 조회' },
    run: (sandbox) => sandbox.codes.banks(),
  }),
  authenticated({
    method: 'GET',
    path: '/banks/:bank_standard_code',
    operationId: 'bankCodes',
    summary: '은행명 단건조회',
    description:
      '은행표준코드로 은행명을 조회합니다 (금융결제원 표준코드 기준).',
    tags: ['codes'],
    params: BankCodeParamsSchema,
    response: StandardCodeSchema,
    statuses: [401, 404],
    responses: { 200: '정상 조회', 404: '코드에 해당되는 은행정보를 찾을 수 없음' },
    example: examples.bankCode,
    run: (sandbox, { params }) => sandbox.codes.bank(params.bank_standard_code),
  }),
  authenticated({
    method: 'GET',
    path: '/cards',
    operationId: 'allCardCodes',
    summary: '카드사코드 전체조회 (금융결제원 표준코드)',
    description:
      '카드사정보 리스트를 조회합니다. 카드사표준코드와 카드사명을 모두 조회할 수 있습니다 (금융결제원 표준코드 기준).',
    tags: ['codes'],
    response: Type.Array(StandardCodeSchema),
    statuses: [401],
    responses: { 200: '정상 조회' },
    run: (sandbox) => sandbox.codes.cards(),
  }),
  authenticated({
    method: 'GET',
    path: '/cards/:card_standard_code',
    operationId: 'cardCodes',
    summary: '카드사명 단건조회',
    description:
      '카드사표준코드로 카드사명을 조회합니다 (금융결제원 표준코드 기준).',
    tags: ['codes'],
    params: CardCodeParamsSchema,
    response: StandardCodeSchema,
    statuses: [401, 404],
    responses: { 200: '정상 조회', 404: '코드에 해당되는 카드사정보를 찾을 수 없음' },
    example: examples.cardCode,
    run: (sandbox, { params }) => sandbox.codes.card(params.card_standard_code),
  }),
  authenticated({
    method: 'GET',
    path: '/users/pg',
    operationId: 'getPgSettingList',
    summary: 'PG MID 복수조회 (가맹점의 헥토파이낸셜 MID: api_payment = API 수기/정기결제, payment = 결제창)',
    description:
      '포트원 관리자 콘솔에 등록되어 있는 PG MID 정보를 복수조회합니다. 샌드박스에서는 가맹점의 헥토파이낸셜 MID 목록입니다.',
    tags: ['users'],
    response: Type.Array(PgSettingSchema),
    statuses: [401],
    responses: { 200: '포트원 관리자 콘솔에 등록되어있는 PG 설정 정보 응답 완료' },
    run: (_sandbox, _input, caller) => pgSettings(caller),
  }),
  authenticated({
    method: 'GET',
    path: '/tiers/:tier_code',
    operationId: 'GetTier',
    summary: '하위 상점(Tier) 정보 조회 (샌드박스에는 하위 상점이 없어 항상 404)',
    description:
      '등록된 하위 상점(Tier) 정보를 조회합니다. 샌드박스에는 하위 상점이 없어 형식이 올바른 tier_code도 404입니다.',
    tags: ['tiers'],
    params: TierParamsSchema,
    response: TierSchema,
    statuses: [400, 401, 404],
    responses: { 200: '정상 조회 (샌드박스에서는 응답하지 않음)', 400: 'tier_code가 알파벳 대문자 또는 숫자 3자리가 아닌 경우 (code -1)', 404: '등록되지 않았거나 이미 삭제된 tier_code를 사용한 경우' },
    run: () => tierOf(),
  }),
];
