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

function refused({ method, path, operationId, refused }: VendorOperation & Required<Pick<VendorOperation, 'refused'>>): Operation {
  const route = routeOf(path);
  const status = refused.status ?? 200;
  return authenticated({
    method,
    path: route.path,
    operationId,
    summary: `헥토파이낸셜(settle) 미지원: 벤더 문서상 ${refused.pgs.join(', ')} 전용 → code 1 \`현재 지원되지 않는 PG사입니다.\``,
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
