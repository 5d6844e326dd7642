import type { Merchant } from '../merchants/merchants.js';

/** A merchant as the control API lists it: its code, name and Settle contract, never its API key or secret. */
export interface MerchantView {
  code: string;
  name: string;
  default_mid: string;
  billing_key_api: boolean;
  mids: Merchant['settle']['mids'];
  webhook: NonNullable<Merchant['webhook']> | null;
}

export function merchantView(m: Merchant): MerchantView {
  return {
    code: m.code,
    name: m.name,
    default_mid: m.settle.default_mid,
    billing_key_api: m.settle.billing_key_api,
    mids: m.settle.mids.map((mid) => ({ ...mid, sandbox: mid.sandbox === true })),
    webhook: m.webhook ? { ...m.webhook } : null,
  };
}
