import { vendorCatalogue } from '../api/vendor-catalogue.js';

// The vendor operation (its operationId) a request calls, read off the vendor's catalogue: the known differences
// are keyed by it, so one entry covers a conformance step and a recorded exchange of the same operation.

interface Template {
  method: string;
  segments: string[];
  operationId: string;
  /** Literal segments: `/payments/find/{x}` is more specific than `/payments/{imp_uid}/balance` for `find`. */
  literals: number;
}

const templates: Template[] = vendorCatalogue
  .map((op) => {
    const segments = op.path.split('/').slice(1);
    return { method: op.method, segments, operationId: op.operationId, literals: segments.filter((s) => !s.startsWith('{')).length };
  })
  .sort((a, b) => b.literals - a.literals);

// The vendor documents `/payments/find/{merchant_uid}/{payment_status}`; the API also answers it without the status.
const optionalLast = (template: Template) => template.segments.at(-1) === '{payment_status}';

const fits = (template: Template, segments: string[]) =>
  (template.segments.length === segments.length || (optionalLast(template) && template.segments.length === segments.length + 1)) &&
  segments.every((s, i) => template.segments[i]!.startsWith('{') || s === template.segments[i]);

/** The operationId of a request, or `METHOD /path` for one the vendor does not document. */
export function operationOf(method: string, path: string): string {
  const bare = path.split('?')[0] ?? path;
  const segments = bare.split('/').slice(1);
  const found = templates.find((template) => template.method === method.toUpperCase() && fits(template, segments));
  return found ? found.operationId : `${method.toUpperCase()} ${bare}`;
}
