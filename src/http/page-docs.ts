import type { FastifySchema } from 'fastify';
import { WindowParamsSchema } from '../contract/window.js';

// How the OpenAPI document shows the routes that answer a page or a script rather than an envelope.

/** A 200 answered with a body of `type` (text/html, text/javascript), described in a sentence. */
export const pageResponse = (type: string, description: string) => ({
  200: { description, content: { [type]: { schema: { type: 'string' } } } },
});

const tags = ['sandbox.window'];

/** The payment window's pages (src/http/window-pages.ts). */
export const windowPageDocs: Record<'script' | 'example' | 'checkout', FastifySchema> = {
  script: {
    summary: 'Stand-in for the vendor SDK (global IMP); load it instead of cdn.iamport.kr',
    description:
      'The global IMP (init, agency, request_pay) backed by this sandbox: request_pay opens the checkout (on a PC as an in-page layer, on a mobile browser by sending the whole page there, then to m_redirect_url) and calls back with the rsp the vendor would send; IMP.certification answers that Settle does not support it.',
    tags,
    response: pageResponse('text/javascript', 'The script'),
  },
  example: {
    summary: 'Example merchant page exercising every pay method (HTML)',
    description:
      "A merchant's page to try the payment window by hand: pick a merchant, a pay method and an amount, call IMP.request_pay and see the rsp; also the m_redirect_url of a mobile payment.",
    tags,
    response: pageResponse('text/html', 'The example page'),
  },
  checkout: {
    summary: 'The checkout page of a window request (HTML)',
    description: "The page IMP.request_pay opens, with the steps of Hecto's window: a card's company and number, a phone's carrier and verification code (always 123456), a bank, the terms; or cancels. Test shortcuts approve or decline at once. It calls the sandbox.window operations.",
    tags,
    params: WindowParamsSchema,
    response: {
      ...pageResponse('text/html', 'The checkout page'),
      404: { description: 'No window payment with this imp_uid: a page saying so', content: { 'text/html': { schema: { type: 'string' } } } },
    },
  },
};
