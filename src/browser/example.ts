import type { Envelope } from './envelope.js';
import { element } from './element.js';
import { pageData, type ExamplePageData } from './page-data.js';

// The example merchant page's own script, as a shop would write it from the vendor's guide: IMP.init and
// IMP.request_pay with the form's values, the result shown; a virtual account can then be deposited here.

interface Rsp {
  imp_uid: string | null;
  error_code?: string | null;
  pay_method?: string;
  status?: string;
}

declare const IMP: { init(code: string): void; request_pay(params: Record<string, unknown>, callback: (rsp: Rsp) => void): void };

const { mids } = pageData<ExamplePageData>();
const input = (id: string) => element<HTMLInputElement>(id);
const result = element('result');
const deposit = element<HTMLButtonElement>('deposit');
const merchant = element<HTMLSelectElement>('merchant_code');
let lastVbank: string | null = null;

function show(value: unknown): void {
  result.textContent = typeof value === 'string' ? value : JSON.stringify(value, null, 2);
  result.dataset.done = 'true';
}

/** The pg choices of the chosen merchant: `settle` (its default MID) or `settle.{MID}`. */
function fillPg(): void {
  const pg = element<HTMLSelectElement>('pg');
  pg.replaceChildren(new Option('settle', 'settle'));
  for (const mid of mids[merchant.value] ?? []) pg.add(new Option(`settle.${mid}`, `settle.${mid.split(' ')[0]}`));
}

const newOrder = () => {
  input('merchant_uid').value = `order_${Date.now()}_${Math.floor(Math.random() * 1000)}`;
};

// Back from a payment on a mobile browser: the result is in the query string. The query does not say the pay
// method, so the page remembered it before leaving (a virtual account can then be deposited here too).
function showReturn(): void {
  const query = new URLSearchParams(location.search);
  if (!query.has('imp_uid')) return;
  show(Object.fromEntries(query));
  // The result is below the form, out of sight on a phone: the focus goes to it, so it is seen and read out.
  result.focus({ preventScroll: true });
  result.scrollIntoView({ block: 'start' });
  if (query.get('imp_success') === 'true' && sessionStorage.getItem('example_pay_method') === 'vbank') {
    lastVbank = query.get('imp_uid');
    deposit.hidden = false;
  }
  sessionStorage.removeItem('example_pay_method');
}

function order(): Record<string, unknown> {
  const params: Record<string, unknown> = { pg: element<HTMLSelectElement>('pg').value, pay_method: element<HTMLSelectElement>('pay_method').value };
  params.merchant_uid = input('merchant_uid').value;
  params.name = input('name').value;
  params.amount = Number(input('amount').value);
  for (const name of ['buyer_name', 'buyer_tel', 'buyer_email', 'company', 'company_en', 'vbank_due']) params[name] = input(name).value;
  if (input('redirect').checked) {
    params.m_redirect_url = location.origin + location.pathname;
    sessionStorage.setItem('example_pay_method', String(params.pay_method));
  }
  return params;
}

function pay(): void {
  const params = order();
  result.dataset.done = 'false';
  IMP.init(merchant.value);
  IMP.request_pay(params, (rsp) => {
    sessionStorage.removeItem('example_pay_method');
    show(rsp);
    lastVbank = rsp.error_code == null && rsp.pay_method === 'vbank' && rsp.status === 'ready' ? rsp.imp_uid : null;
    deposit.hidden = !lastVbank;
    newOrder();
  });
}

// Enter in a field must not send the form: the order goes through IMP.request_pay only.
element('order').addEventListener('submit', (event) => event.preventDefault());
merchant.onchange = fillPg;
fillPg();
newOrder();
showReturn();
element('pay').onclick = pay;
deposit.onclick = () => {
  fetch(`/sandbox/vbanks/${encodeURIComponent(String(lastVbank))}/deposit`, { method: 'POST' })
    .then((res) => res.json() as Promise<Envelope<unknown>>)
    .then((envelope) => {
      show(envelope);
      deposit.hidden = true;
    });
};
