import { refusals } from '../core/window/window-request.js';

/**
 * The stand-in for https://cdn.iamport.kr/v1/iamport.js: the same global `IMP` (`init`, `agency`, `request_pay`,
 * `certification`), talking to the sandbox origin it was loaded from. Plain ES5 so any merchant page can load it
 * as is. The rules are not here: the sandbox decides (POST /sandbox/window/requests, which also tells PC from
 * mobile by the browser's user agent) and this script only carries the result.
 */
export const IAMPORT_SCRIPT = `/* iamport-sandbox: stand-in for https://cdn.iamport.kr/v1/iamport.js */
(function () {
  'use strict';
  var script = document.currentScript;
  var sandbox = new URL(script ? script.src : location.href).origin;
  var merchantCode = null;
  /** What the checkout posts to this page when the window ends. */
  var RESULT = 'iamport-sandbox:result';
  var CERTIFICATION = ${JSON.stringify(refusals.certification())};

  function post(path, body) {
    return fetch(sandbox + path, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body || {})
    }).then(function (res) { return res.json(); });
  }

  // The checkout page of a window payment; the sandbox answers the opening with the payment, not a page.
  function checkoutUrl(impUid) {
    return sandbox + '/sandbox/window/checkout/' + encodeURIComponent(impUid);
  }

  function failure(merchantUid, message) {
    return { imp_uid: null, merchant_uid: merchantUid, error_code: 'SANDBOX_REQUEST', error_msg: message };
  }

  // PC: the checkout opens in a layer over this page (an iframe, as the vendor's SDK does), so no popup blocker
  // stands between the buyer and the window. The checkout posts the result when the window ends (approved,
  // declined, cancelled or closed); only a message from the sandbox's origin, sent by this layer's frame, about
  // this payment counts. Then the layer goes and the callback runs.
  function openLayer(impUid, done) {
    var root = document.documentElement;
    var overflow = root.style.overflow;
    var focused = document.activeElement;
    var layer = document.createElement('div');
    layer.className = 'imp-dialog iamport-sandbox-layer';
    layer.setAttribute('role', 'dialog');
    layer.setAttribute('aria-modal', 'true');
    layer.setAttribute('aria-label', '결제창');
    layer.style.cssText = 'position:fixed;top:0;right:0;bottom:0;left:0;z-index:2147483647;display:flex;' +
      'align-items:center;justify-content:center;margin:0;padding:0;background:rgba(17,24,39,.6)';
    var frame = document.createElement('iframe');
    frame.id = 'imp-iframe';
    frame.title = '결제창';
    frame.style.cssText = 'display:block;width:480px;max-width:100%;height:720px;max-height:100%;border:0;' +
      'border-radius:12px;background:#fff;box-shadow:0 12px 40px rgba(0,0,0,.35)';
    frame.addEventListener('load', function () { frame.focus(); });
    function onMessage(event) {
      var data = event.data;
      if (event.origin !== sandbox || event.source !== frame.contentWindow) return;
      if (!data || data.type !== RESULT || data.imp_uid !== impUid || !data.rsp) return;
      window.removeEventListener('message', onMessage);
      if (layer.parentNode) layer.parentNode.removeChild(layer);
      root.style.overflow = overflow;
      if (focused && typeof focused.focus === 'function') focused.focus();
      done(data.rsp);
    }
    window.addEventListener('message', onMessage);
    frame.src = checkoutUrl(impUid);
    layer.appendChild(frame);
    (document.body || root).appendChild(layer);
    root.style.overflow = 'hidden';
  }

  window.IMP = {
    init: function (code) { merchantCode = code; },
    /** Sub-merchants (tier): the sandbox only needs the merchant code. */
    agency: function (code, _tierCode) { merchantCode = code; },
    request_pay: function (params, callback) {
      params = params || {};
      var hasCallback = typeof callback === 'function';
      var called = false;
      function done(rsp) {
        if (called) return;
        called = true;
        if (hasCallback) callback(rsp);
      }
      post('/sandbox/window/requests', { merchant_code: merchantCode, params: params }).then(function (envelope) {
        var opening = envelope.response;
        if (!opening) {
          done(failure(params.merchant_uid, envelope.message));
        } else if (!opening.imp_uid) {
          // Refused before any window: the callback gets it; a mobile page that gave no callback goes to
          // m_redirect_url instead (the vendor's rule since iamport.payment-1.1.5.js, iamport-manual#6).
          if (!hasCallback && opening.redirect_url) location.href = opening.redirect_url;
          else done(opening.rsp);
        } else if (opening.mode === 'mobile') {
          // Mobile: the whole page goes to the checkout; the result comes back to m_redirect_url.
          location.href = checkoutUrl(opening.imp_uid);
        } else {
          openLayer(opening.imp_uid, done);
        }
      }, function (error) {
        done(failure(params.merchant_uid, String(error)));
      });
    },
    /** Identity verification: Settle offers none through PortOne V1, so the answer is always a refusal. */
    certification: function (params, callback) {
      params = params || {};
      var rsp = {
        success: false,
        imp_uid: null,
        merchant_uid: params.merchant_uid == null ? null : params.merchant_uid,
        error_code: CERTIFICATION.error_code,
        error_msg: CERTIFICATION.error_msg
      };
      if (typeof callback === 'function') setTimeout(function () { callback(rsp); }, 0);
    }
  };
})();
`;
