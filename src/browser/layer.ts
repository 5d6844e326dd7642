import type { Static } from 'typebox';
import type { WindowRspSchema } from '../contract/window.js';
import { CLOSE, RESULT } from './layer-messages.js';

// PC: the checkout opens in a layer over the merchant's page (an iframe, as the vendor's SDK does), so no popup
// blocker stands between the buyer and the window. The layer is modal: while it is open the focus stays in its
// frame (the checkout cycles Tab through its own controls; focus that lands on the page behind is sent back), and
// Escape anywhere closes the window as a user cancel. The checkout posts the result when the window ends
// (approved, declined, cancelled or closed); only a message from the sandbox's origin, sent by this layer's frame,
// about this payment counts. Then the layer goes, the focus returns to what had it, and the callback runs.

type Rsp = Static<typeof WindowRspSchema>;

/** The layer over the merchant's page, holding the checkout's frame. */
function layerWith(frame: HTMLIFrameElement): HTMLDivElement {
  const layer = document.createElement('div');
  layer.className = 'imp-dialog iamport-sandbox-layer';
  layer.setAttribute('role', 'dialog');
  layer.setAttribute('aria-modal', 'true');
  layer.setAttribute('aria-label', '결제창');
  layer.style.cssText =
    'position:fixed;top:0;right:0;bottom:0;left:0;z-index:2147483647;display:flex;' +
    'align-items:center;justify-content:center;margin:0;padding:0;background:rgba(17,24,39,.6)';
  frame.id = 'imp-iframe';
  frame.title = '결제창';
  frame.style.cssText =
    'display:block;width:480px;max-width:100%;height:720px;max-height:100%;border:0;' +
    'border-radius:12px;background:#fff;box-shadow:0 12px 40px rgba(0,0,0,.35)';
  frame.addEventListener('load', () => frame.focus());
  layer.appendChild(frame);
  return layer;
}

/** While the layer is open: focus on the page behind goes back into the frame, Escape asks the checkout to close. */
function holdFocus(frame: HTMLIFrameElement, impUid: string, origin: string): () => void {
  const onFocus = (event: FocusEvent) => {
    if (event.target !== frame) frame.focus();
  };
  const onKey = (event: KeyboardEvent) => {
    if (event.key === 'Escape') frame.contentWindow?.postMessage({ type: CLOSE, imp_uid: impUid }, origin);
  };
  document.addEventListener('focusin', onFocus, true);
  document.addEventListener('keydown', onKey, true);
  return () => {
    document.removeEventListener('focusin', onFocus, true);
    document.removeEventListener('keydown', onKey, true);
  };
}

/** Opens the checkout at `url` (of the sandbox at `origin`) in a layer; `done` gets the rsp once it has gone. */
export function openLayer(url: string, impUid: string, origin: string, done: (rsp: Rsp) => void): void {
  const root = document.documentElement;
  const overflow = root.style.overflow;
  const opener = document.activeElement as HTMLElement | null;
  const frame = document.createElement('iframe');
  const layer = layerWith(frame);
  let release = () => {};
  const onMessage = (event: MessageEvent) => {
    const data = event.data as { type?: unknown; imp_uid?: unknown; rsp?: Rsp } | null;
    if (event.origin !== origin || event.source !== frame.contentWindow) return;
    if (!data || data.type !== RESULT || data.imp_uid !== impUid || !data.rsp) return;
    window.removeEventListener('message', onMessage);
    release();
    layer.remove();
    root.style.overflow = overflow;
    if (opener && typeof opener.focus === 'function') opener.focus();
    done(data.rsp);
  };
  window.addEventListener('message', onMessage);
  frame.src = url;
  (document.body || root).appendChild(layer);
  root.style.overflow = 'hidden';
  frame.focus();
  release = holdFocus(frame, impUid, origin);
}
