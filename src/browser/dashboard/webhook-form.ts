import type { ControlMerchant } from './control-api.js';
import { api } from './control-api.js';
import { field, h, stay } from './dom.js';
import { act } from './session.js';

// A merchant's Notification URL, as its console sets it: PUT /sandbox/merchants/{code}/webhook. An empty URL
// sends no webhooks (unless a request names notice_url).

export function webhookForm(m: ControlMerchant): HTMLFormElement {
  const current = m.webhook;
  const url = h('input', { id: `wh-url-${m.code}`, type: 'url', value: current?.url ?? '', placeholder: 'https://…', inputmode: 'url' });
  const type = h('select', { id: `wh-type-${m.code}` }, [
    h('option', { value: 'json', text: 'JSON', selected: current?.content_type !== 'form' }),
    h('option', { value: 'form', text: 'form (x-www-form-urlencoded)', selected: current?.content_type === 'form' }),
  ]);
  const retry = h('input', { id: `wh-retry-${m.code}`, type: 'checkbox', checked: Boolean(current?.retry) });
  const save = () => {
    const body = { url: url.value.trim() || null, content_type: type.value, retry: retry.checked };
    // Saved with Enter, the field keeps the focus, and the merchants view does not refill while one has it.
    url.blur();
    return act(api('PUT', `/sandbox/merchants/${encodeURIComponent(m.code)}/webhook`, body), body.url ? `웹훅 URL을 ${body.url}(으)로 바꿨습니다.` : '웹훅 URL을 지웠습니다.');
  };
  return h('form', { class: 'webhook-form', 'data-merchant': m.code, onsubmit: stay(save) }, [
    field('웹훅 URL (비우면 보내지 않음)', url),
    field('형식', type),
    h('label', {}, [h('span', { text: '재시도' }), retry]),
    h('button', { class: 'primary', type: 'submit', id: `wh-save-${m.code}`, text: '웹훅 URL 저장' }),
  ]);
}
