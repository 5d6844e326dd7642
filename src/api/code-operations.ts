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

// Standard codes, the merchant's PG settings and tiers (vendor V1 OpenAPI: codes, pgs and tiers tags).

export const codeOperations: Operation[] = [
  authenticated({
    method: 'GET',
    path: '/banks',
    operationId: 'allBankCodes',
    summary: '은행코드 전체조회 (금융결제원 표준코드)',
    tags: ['codes'],
    response: Type.Array(StandardCodeSchema),
    statuses: [401],
    run: (sandbox) => sandbox.codes.banks(),
  }),
  authenticated({
    method: 'GET',
    path: '/banks/:bank_standard_code',
    operationId: 'bankCodes',
    summary: '은행명 단건조회',
    tags: ['codes'],
    params: BankCodeParamsSchema,
    response: StandardCodeSchema,
    statuses: [401, 404],
    run: (sandbox, { params }) => sandbox.codes.bank(params.bank_standard_code),
  }),
  authenticated({
    method: 'GET',
    path: '/cards',
    operationId: 'allCardCodes',
    summary: '카드사코드 전체조회 (금융결제원 표준코드)',
    tags: ['codes'],
    response: Type.Array(StandardCodeSchema),
    statuses: [401],
    run: (sandbox) => sandbox.codes.cards(),
  }),
  authenticated({
    method: 'GET',
    path: '/cards/:card_standard_code',
    operationId: 'cardCodes',
    summary: '카드사명 단건조회',
    tags: ['codes'],
    params: CardCodeParamsSchema,
    response: StandardCodeSchema,
    statuses: [401, 404],
    run: (sandbox, { params }) => sandbox.codes.card(params.card_standard_code),
  }),
  authenticated({
    method: 'GET',
    path: '/users/pg',
    operationId: 'getPgSettingList',
    summary: 'PG MID 복수조회 (가맹점의 헥토파이낸셜 MID: api_payment = API 수기/정기결제, payment = 결제창)',
    tags: ['users'],
    response: Type.Array(PgSettingSchema),
    statuses: [401],
    run: (_sandbox, _input, caller) => pgSettings(caller),
  }),
  authenticated({
    method: 'GET',
    path: '/tiers/:tier_code',
    operationId: 'GetTier',
    summary: '하위 상점(Tier) 정보 조회 (샌드박스에는 하위 상점이 없어 항상 404)',
    tags: ['tiers'],
    params: TierParamsSchema,
    response: TierSchema,
    statuses: [400, 401, 404],
    run: () => tierOf(),
  }),
];
