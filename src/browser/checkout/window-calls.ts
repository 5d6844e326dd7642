import type { Static } from 'typebox';
import type { WindowResultSchema } from '../../contract/window.js';
import { postJson } from '../envelope.js';
import { element } from '../element.js';
import { RESULT } from '../layer-messages.js';
import { fieldError } from './fields.js';

// The checkout's calls to the window's JSON API, then how the window ended, whatever ended it. On a mobile browser
// with m_redirect_url it sends the browser there. In the SDK's layer (an iframe on a PC) it posts the rsp to the
// merchant's page, which removes the layer and calls the callback. The message goes to any origin: whoever framed
// this page with its imp_uid may already read the payment from the window's open API. Otherwise (the page opened
// on its own, or a mobile page that gave no m_redirect_url) it shows the result itself.

type WindowResult = Static<typeof WindowResultSchema>;

const find = (id: string) => document.getElementById(id);

function busy(on: boolean): void {
  for (const button of document.querySelectorAll('button')) button.disabled = on;
}

/** Writes the form's own error (under the fields, above the buttons). */
function say(text: string): void {
  const error = find('form_error');
  if (error) error.textContent = text;
}

function report(impUid: string, result: WindowResult): void {
  if (result.redirect_url) return location.replace(result.redirect_url);
  if (window.parent !== window) return window.parent.postMessage({ type: RESULT, imp_uid: impUid, rsp: result.rsp }, '*');
  busy(false);
  const form = find('checkout');
  if (form) form.hidden = true;
  const closed = find('closed');
  if (closed) closed.hidden = true;
  element('result').textContent = JSON.stringify(result.rsp, null, 2);
  const done = element('done');
  done.hidden = false;
  done.focus();
}

/** Calls `action` of the window `impUid`; a refusal is shown on the page, the form left as it was. */
export function act(impUid: string, action: string, body: Record<string, unknown>): void {
  busy(true);
  say('');
  postJson<WindowResult>(`/sandbox/window/requests/${encodeURIComponent(impUid)}/${action}`, body).then(
    (envelope) => {
      if (envelope.response) return report(impUid, envelope.response);
      busy(false);
      // The API's wording names REST parameters; the buyer reads what to fix.
      if (/card_number/.test(envelope.message || '') && fieldError('card_number', '카드번호를 다시 확인해 주세요.')) return element('card_number').focus();
      say('결제를 진행하지 못했습니다. 입력한 내용을 확인하고 다시 시도해 주세요.');
    },
    () => {
      busy(false);
      say('연결이 끊겼습니다. 다시 시도해 주세요.');
    },
  );
}
