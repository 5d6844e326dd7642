import type { Merchant } from '../merchants/merchants.js';

/** A merchant as the control API lists it: its code, name and Settle contract, never its API key or secret. */
export interface MerchantView {
  code: string;
  name: string;
  default_mid: string;
  billing_key_api: boolean;
  test_auto_cancel: boolean;
  mids: Merchant['settle']['mids'];
  webhook: NonNullable<Merchant['webhook']> | null;
}

export function merchantView(m: Merchant): MerchantView {
  return {
    code: m.code,
    name: m.name,
    default_mid: m.settle.default_mid,
    billing_key_api: m.settle.billing_key_api,
    test_auto_cancel: m.settle.test_auto_cancel === true,
    mids: m.settle.mids.map((mid) => ({ ...mid, sandbox: mid.sandbox === true })),
    webhook: m.webhook ? { ...m.webhook } : null,
  };
}
