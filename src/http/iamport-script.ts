/**
 * The stand-in for https://cdn.iamport.kr/v1/iamport.js: the same global `IMP` (`init`, `agency`, `request_pay`),
 * talking to the sandbox origin it was loaded from. Plain ES5 so any merchant page can load it as is.
 * The rules are not here: the sandbox decides (POST /sandbox/window/requests) and this script only shows the result.
 */
export const IAMPORT_SCRIPT = `/* iamport-sandbox: stand-in for https://cdn.iamport.kr/v1/iamport.js */
(function () {
  'use strict';
  var script = document.currentScript;
  var sandbox = new URL(script ? script.src : location.href).origin;
  var merchantCode = null;

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

  // The popup reports nothing itself: once it is closed, the sandbox tells how the window ended
  // (closing it before choosing counts as the user cancelling).
  function watch(popup, impUid, merchantUid, done) {
    var timer = setInterval(function () {
      if (popup && !popup.closed) return;
      clearInterval(timer);
      post('/sandbox/window/requests/' + encodeURIComponent(impUid) + '/close').then(function (envelope) {
        done(envelope.response ? envelope.response.rsp : failure(merchantUid, envelope.message));
      });
    }, 250);
  }

  window.IMP = {
    init: function (code) { merchantCode = code; },
    /** Sub-merchants (tier): the sandbox only needs the merchant code. */
    agency: function (code, _tierCode) { merchantCode = code; },
    request_pay: function (params, callback) {
      params = params || {};
      var done = typeof callback === 'function' ? callback : function () {};
      // Browsers only allow a popup opened while the click is handled, so it opens now and is pointed at the
      // checkout once the sandbox accepts the request. With m_redirect_url the whole page goes instead.
      var popup = params.m_redirect_url ? null : window.open('', 'iamport_sandbox_checkout', 'width=480,height=720');
      post('/sandbox/window/requests', { merchant_code: merchantCode, params: params }).then(function (envelope) {
        var opening = envelope.response;
        if (!opening) {
          if (popup) popup.close();
          done(failure(params.merchant_uid, envelope.message));
        } else if (!opening.imp_uid) {
          if (popup) popup.close();
          if (opening.redirect_url) location.href = opening.redirect_url;
          else done(opening.rsp);
        } else if (opening.mode === 'redirect') {
          location.href = checkoutUrl(opening.imp_uid);
        } else {
          if (popup) popup.location.href = checkoutUrl(opening.imp_uid);
          watch(popup, opening.imp_uid, params.merchant_uid, done);
        }
      }, function (error) {
        if (popup) popup.close();
        done(failure(params.merchant_uid, String(error)));
      });
    }
  };
})();
`;
