/**
 * The dashboard's browser script. Every value it shows comes from a `/sandbox/...` control operation and goes
 * into the page as text (never as HTML). It polls `/sandbox/changes` and refreshes the open view when the
 * change counter moves, so a request made by the merchant's server shows up without a reload.
 */
export const DASHBOARD_SCRIPT = String.raw`
(function () {
  'use strict';
  var POLL_MS = 1500;
  var STATUS = { ready: '대기(미입금)', paid: '결제완료', cancelled: '취소', failed: '실패', scheduled: '예약됨', executed: '실행됨',
    revoked: '예약취소', pending: '전송 대기', delivered: '전송완료', frozen: '멈춤', running: '흐르는 중' };
  var METHOD = { card: '신용카드', trans: '계좌이체', vbank: '가상계좌', phone: '휴대폰' };
  var view = document.getElementById('view');
  var notice = document.getElementById('notice');
  var merchants = [];
  var clock = null;
  var version = null;
  var refreshView = null;

  // DOM built from text only: h('td', {class: 'x'}, ['text', node]).
  function h(tag, attrs, children) {
    var el = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      var v = attrs[k];
      if (v === undefined || v === null || v === false) return;
      if (k.slice(0, 2) === 'on') el.addEventListener(k.slice(2), v);
      else if (k === 'text') el.textContent = String(v);
      else el.setAttribute(k, v === true ? '' : String(v));
    });
    (children || []).forEach(function (c) {
      if (c === null || c === undefined || c === false) return;
      el.appendChild(typeof c === 'object' ? c : document.createTextNode(String(c)));
    });
    return el;
  }
  function clear(el) { while (el.firstChild) el.removeChild(el.firstChild); return el; }
  function kst(seconds) {
    if (!seconds) return '-';
    return new Date(seconds * 1000).toLocaleString('ko-KR', { timeZone: 'Asia/Seoul', hour12: false, year: 'numeric', month: '2-digit',
      day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' });
  }
  function won(n) { return Number(n).toLocaleString('ko-KR') + '원'; }
  function badge(status) { return h('span', { class: 'badge s-' + status, text: STATUS[status] || status }); }
  function link(hash, text) { return h('a', { href: '#' + hash, text: text }); }

  function api(method, path, body) {
    var init = { method: method, headers: {} };
    if (method !== 'GET' && method !== 'DELETE') {
      init.headers['content-type'] = 'application/json';
      init.body = JSON.stringify(body || {});
    }
    return fetch(path, init).then(function (res) { return res.json(); }).then(function (envelope) {
      if (envelope.code !== 0) throw new Error(envelope.message || '오류 (code ' + envelope.code + ')');
      return envelope.response;
    });
  }
  function say(text, isError) {
    notice.textContent = text;
    notice.className = isError ? 'error' : '';
  }
  // An action: its outcome is announced, then the view shows the new state.
  function act(promise, done) {
    return promise.then(function (result) { say(typeof done === 'function' ? done(result) : done); return refresh(); })
      .catch(function (error) { say(error.message, true); });
  }

  function table(headers, rows, empty) {
    if (rows.length === 0) return h('p', { class: 'empty', text: empty || '없습니다.' });
    return h('div', { class: 'table-wrap' }, [h('table', {}, [
      h('thead', {}, [h('tr', {}, headers.map(function (t) { return h('th', { scope: 'col', text: t }); }))]),
      h('tbody', {}, rows.map(function (cells) {
        return h('tr', {}, cells.map(function (c) { return c && c.nodeType ? h('td', {}, [c]) : h('td', { text: c === null || c === undefined ? '-' : c }); }));
      })),
    ])]);
  }
  function details(pairs) {
    var dl = h('dl');
    pairs.forEach(function (p) {
      if (p[1] === undefined) return;
      dl.appendChild(h('dt', { text: p[0] }));
      dl.appendChild(p[1] && p[1].nodeType ? h('dd', {}, [p[1]]) : h('dd', { text: p[1] === null || p[1] === '' ? '-' : p[1] }));
    });
    return dl;
  }
  function field(label, control) { return h('label', {}, [label, control]); }
  function merchantSelect(id, allLabel) {
    return h('select', { id: id }, [h('option', { value: '', text: allLabel })].concat(merchants.map(function (m) {
      return h('option', { value: m.code, text: m.name + ' (' + m.code + ')' });
    })));
  }
  function value(id) { var el = document.getElementById(id); return el ? el.value.trim() : ''; }
  function panel(title, children) { return h('div', { class: 'panel' }, [title ? h('h3', { text: title }) : null].concat(children)); }

  // Each view renders its controls once and returns the function that refills its data.
  var views = {
    merchants: function () {
      var box = h('div');
      view.appendChild(h('h2', { text: '가맹점과 MID' }));
      view.appendChild(box);
      return function () {
        return api('GET', '/sandbox/merchants').then(function (list) {
          clear(box);
          list.forEach(function (m) {
            box.appendChild(panel(m.name + ' · ' + m.code, [
              details([['기본 MID', 'settle.' + m.default_mid], ['빌링키 발급 계약', m.billing_key_api ? '있음' : '없음'],
                ['테스트 결제 자동취소', m.test_auto_cancel ? '매일 23:00 KST' : '없음'],
                ['웹훅 URL', m.webhook && m.webhook.url ? m.webhook.url + ' (' + m.webhook.content_type + (m.webhook.retry ? ', 재시도' : '') + ')' : '없음']]),
              table(['MID', '채널', '종류', '생년월일 필요', '비밀번호 앞 2자리 필요'], m.mids.map(function (mid) {
                return [mid.mid, mid.sandbox ? '테스트' : '실연동', mid.kind === 'window' ? '결제창' : 'API(키인·빌링)', mid.requires_birth ? '예' : '아니오', mid.requires_pwd_2digit ? '예' : '아니오'];
              })),
            ]));
          });
        });
      };
    },

    payments: function (id) {
      if (id) return paymentDetail(id);
      var statusSelect = h('select', { id: 'f-status' }, [h('option', { value: '', text: '전체' })].concat(
        ['ready', 'paid', 'cancelled', 'failed'].map(function (s) { return h('option', { value: s, text: STATUS[s] }); })));
      var box = h('div');
      var filters = h('form', { id: 'payment-filters', role: 'search', onsubmit: function (e) { e.preventDefault(); refresh(); } }, [
        field('가맹점', merchantSelect('f-merchant', '전체')), field('상태', statusSelect),
        field('merchant_uid', h('input', { id: 'f-merchant-uid', type: 'search' })),
        field('customer_uid', h('input', { id: 'f-customer-uid', type: 'search' })),
        h('button', { type: 'submit', text: '찾기' }),
      ]);
      filters.addEventListener('change', function () { refresh(); });
      view.appendChild(h('h2', { text: '결제' }));
      view.appendChild(h('div', { class: 'panel' }, [filters]));
      view.appendChild(box);
      return function () {
        var merchant = value('f-merchant');
        return api('GET', '/sandbox/payments' + (merchant ? '?merchant=' + encodeURIComponent(merchant) : '')).then(function (list) {
          var status = value('f-status'), muid = value('f-merchant-uid'), cuid = value('f-customer-uid');
          var shown = list.filter(function (p) {
            return (!status || p.status === status) && (!muid || p.merchant_uid.indexOf(muid) !== -1) && (!cuid || (p.customer_uid || '').indexOf(cuid) !== -1);
          }).reverse();
          clear(box).appendChild(paymentTable(shown, '조건에 맞는 결제가 없습니다.'));
        });
      };
    },

    'billing-keys': function (id) {
      if (id) return billingKeyDetail(id);
      var box = h('div');
      view.appendChild(h('h2', { text: '빌링키' }));
      view.appendChild(box);
      return function () {
        return api('GET', '/sandbox/billing-keys').then(function (list) {
          clear(box).appendChild(table(['customer_uid', '가맹점', '카드', '카드번호', '고객', '발급'], list.map(function (k) {
            return [link('billing-keys/' + encodeURIComponent(k.customer_uid), k.customer_uid), k.merchant, k.card_name, k.card_number, k.customer_name, kst(k.inserted)];
          }), '발급된 빌링키가 없습니다.'));
        });
      };
    },

    schedules: function () {
      var box = h('div');
      view.appendChild(h('h2', { text: '예약결제' }));
      view.appendChild(h('p', { class: 'muted', text: '「지금 실행」은 시계를 예약 시각으로 옮깁니다: 그 사이에 예정된 예약결제와 웹훅 재시도도 차례로 실행됩니다.' }));
      view.appendChild(box);
      return function () {
        return api('GET', '/sandbox/schedules').then(function (list) {
          clear(box).appendChild(scheduleTable(list));
        });
      };
    },

    webhooks: function () {
      var box = h('div');
      view.appendChild(h('h2', { text: '웹훅 전송' }));
      view.appendChild(box);
      return function () {
        return api('GET', '/sandbox/webhooks').then(function (list) {
          clear(box);
          if (list.length === 0) box.appendChild(h('p', { class: 'empty', text: '보낸 웹훅이 없습니다.' }));
          list.slice().reverse().forEach(function (d) { box.appendChild(deliveryPanel(d)); });
        });
      };
    },

    clock: function () {
      var box = h('div');
      var amount = h('input', { id: 'advance-amount', type: 'number', min: '1', value: '1', inputmode: 'numeric', 'aria-label': '앞당길 양' });
      var unit = h('select', { id: 'advance-unit', 'aria-label': '단위' }, [['minutes', '분'], ['hours', '시간'], ['days', '일'], ['seconds', '초']].map(function (u) {
        return h('option', { value: u[0], text: u[1] });
      }));
      view.appendChild(h('h2', { text: '샌드박스 시계' }));
      view.appendChild(box);
      view.appendChild(panel('시간 흐름', [h('form', { onsubmit: function (e) { e.preventDefault(); } }, [
        h('button', { id: 'clock-freeze', type: 'button', onclick: function () { act(api('POST', '/sandbox/clock/freeze'), '시계를 멈췄습니다.'); }, text: '멈추기' }),
        h('button', { id: 'clock-resume', type: 'button', onclick: function () { act(api('POST', '/sandbox/clock/resume'), '시계가 다시 흐릅니다.'); }, text: '다시 흐르게' }),
      ])]));
      view.appendChild(panel('시간 앞당기기', [h('form', { id: 'advance-form', onsubmit: function (e) {
        e.preventDefault();
        var body = {}; body[unit.value] = Number(amount.value);
        act(api('POST', '/sandbox/clock/advance', body), function (c) { return '시계를 ' + kst(c.now_unix) + '(으)로 옮겼습니다.'; });
      } }, [field('양', amount), field('단위', unit), h('button', { class: 'primary', type: 'submit', id: 'advance', text: '앞당기기' })]),
      h('p', { class: 'muted', text: '그 사이에 예정된 예약결제, 웹훅 재시도, 가상계좌 입금기한이 시각 순서대로 처리됩니다.' })]));
      return function () {
        return api('GET', '/sandbox/clock').then(function (c) {
          clear(box).appendChild(panel(null, [details([['현재 시각 (KST)', kst(c.now_unix)], ['UTC', c.iso], ['상태', badge(c.frozen ? 'frozen' : 'running')]])]));
        });
      };
    },

    scripts: function () {
      var outcomes = h('div'), faults = h('div');
      var target = h('select', { id: 'o-target', 'aria-label': '대상 종류' }, [h('option', { value: 'customer_uid', text: 'customer_uid' }), h('option', { value: 'card', text: '카드번호(끝 4자리 가능)' })]);
      var result = h('select', { id: 'o-result' }, [['decline', '거절'], ['approve', '승인'], ['unreachable', 'PG 통신장애']].map(function (r) { return h('option', { value: r[0], text: r[1] }); }));
      view.appendChild(h('h2', { text: '시나리오 결과와 장애 주입' }));
      view.appendChild(panel('다음 결제 결과 지정', [h('form', { id: 'outcome-form', onsubmit: function (e) {
        e.preventDefault();
        var body = { result: result.value, times: Number(value('o-times') || 1) };
        body[target.value] = value('o-value');
        if (value('o-merchant')) body.merchant = value('o-merchant');
        if (result.value === 'decline' && value('o-reason')) body.reason = value('o-reason');
        act(api('POST', '/sandbox/outcomes', body), '결과를 지정했습니다.');
      } }, [field('가맹점', merchantSelect('o-merchant', '모든 가맹점')), field('대상', target), field('값', h('input', { id: 'o-value', required: true })),
        field('결과', result), field('거절 사유 코드', h('input', { id: 'o-reason', placeholder: 'limit_exceeded' })),
        field('횟수', h('input', { id: 'o-times', type: 'number', min: '1', value: '1', inputmode: 'numeric' })),
        h('button', { class: 'primary', type: 'submit', text: '추가' })]), outcomes]));
      var ops = h('datalist', { id: 'operation-ids' }, OPERATION_IDS.map(function (o) { return h('option', { value: o }); }));
      view.appendChild(panel('장애 주입 (벤더 API)', [ops, h('form', { id: 'fault-form', onsubmit: function (e) {
        e.preventDefault();
        var body = {};
        [['latency_ms', 'f-latency'], ['error_rate', 'f-error-rate'], ['error_status', 'f-error-status'], ['drop_rate', 'f-drop-rate']].forEach(function (f) {
          if (value(f[1]) !== '') body[f[0]] = Number(value(f[1]));
        });
        act(api('PUT', '/sandbox/faults/' + encodeURIComponent(value('f-operation')), body), '장애를 설정했습니다.');
      } }, [field('operationId 또는 *', h('input', { id: 'f-operation', list: 'operation-ids', required: true })),
        field('지연 (ms)', h('input', { id: 'f-latency', type: 'number', min: '0', inputmode: 'numeric' })),
        field('오류 비율 (0–1)', h('input', { id: 'f-error-rate', type: 'number', min: '0', max: '1', step: '0.05' })),
        field('오류 HTTP 상태', h('input', { id: 'f-error-status', type: 'number', min: '500', max: '599', placeholder: '500' })),
        field('연결 끊기 비율 (0–1)', h('input', { id: 'f-drop-rate', type: 'number', min: '0', max: '1', step: '0.05' })),
        h('button', { class: 'primary', type: 'submit', text: '설정' })]), faults]));
      return function () {
        return Promise.all([api('GET', '/sandbox/outcomes'), api('GET', '/sandbox/faults')]).then(function (both) {
          clear(outcomes).appendChild(table(['가맹점', '대상', '결과', '사유', '남은 횟수'], both[0].map(function (o) {
            return [o.merchant || '전체', o.customer_uid || o.card, o.result, o.reason, String(o.remaining)];
          }), '지정된 결과가 없습니다.'));
          if (both[0].length) outcomes.appendChild(h('button', { id: 'outcomes-clear', class: 'danger', type: 'button', text: '모두 지우기',
            onclick: function () { act(api('DELETE', '/sandbox/outcomes'), '지정한 결과를 지웠습니다.'); } }));
          clear(faults).appendChild(table(['operation', '지연', '오류 비율', '상태', '끊기 비율', ''], both[1].map(function (f) {
            return [f.operation, f.latency_ms + 'ms', String(f.error_rate), String(f.error_status), String(f.drop_rate),
              h('button', { type: 'button', class: 'danger', 'data-fault': f.operation, text: '제거',
                onclick: function () { act(api('DELETE', '/sandbox/faults/' + encodeURIComponent(f.operation)), '장애를 제거했습니다.'); } })];
          }), '주입된 장애가 없습니다.'));
        });
      };
    },

    state: function () {
      view.appendChild(h('h2', { text: '초기화와 내보내기' }));
      view.appendChild(panel('초기화', [h('form', { id: 'reset-form', onsubmit: function (e) {
        e.preventDefault();
        var merchant = value('reset-merchant');
        if (!window.confirm(merchant ? merchant + ' 가맹점의 데이터를 모두 지울까요?' : '모든 데이터를 지울까요?')) return;
        act(api('POST', '/sandbox/reset', merchant ? { merchant: merchant } : {}), '초기화했습니다.');
      } }, [field('대상', merchantSelect('reset-merchant', '전체 (장애 주입 포함)')), h('button', { class: 'danger', type: 'submit', id: 'reset', text: '초기화' })])]));
      view.appendChild(panel('내보내기', [h('p', { class: 'muted', text: 'GET /sandbox/state 의 결과를 JSON 파일로 받습니다 (PUT /sandbox/state 와 --data 파일이 받는 형식).' }),
        h('button', { id: 'export', type: 'button', class: 'primary', text: 'JSON 내려받기', onclick: function () {
          act(api('GET', '/sandbox/state').then(function (snapshot) {
            var url = URL.createObjectURL(new Blob([JSON.stringify(snapshot, null, 2)], { type: 'application/json' }));
            var a = h('a', { href: url, download: 'iamport-sandbox-state.json' });
            document.body.appendChild(a); a.click(); a.remove();
            setTimeout(function () { URL.revokeObjectURL(url); }, 1000);
            return snapshot;
          }), function (s) { return '결제 ' + s.payments.length + '건, 빌링키 ' + s.billing_keys.length + '건을 내보냈습니다.'; });
        } })]));
      return function () { return Promise.resolve(); };
    },
  };

  function paymentTable(list, empty) {
    // The columns a phone shows without scrolling come first.
    return table(['imp_uid', '상태', '금액', 'merchant_uid', '수단', '시작', '가맹점'], list.map(function (p) {
      return [link('payments/' + encodeURIComponent(p.imp_uid), p.imp_uid), badge(p.status), won(p.amount), p.merchant_uid, METHOD[p.pay_method] || p.pay_method, kst(p.started_at), p.merchant];
    }), empty);
  }

  function scheduleTable(list) {
    return table(['예약 시각', 'merchant_uid', 'customer_uid', '금액', '상태', '결제', '실패 사유', ''], list.map(function (s) {
      return [kst(s.schedule_at), s.merchant_uid, link('billing-keys/' + encodeURIComponent(s.customer_uid), s.customer_uid), won(s.amount), badge(s.schedule_status),
        s.imp_uid ? link('payments/' + encodeURIComponent(s.imp_uid), STATUS[s.payment_status] || s.payment_status) : '-', s.fail_reason,
        s.schedule_status === 'scheduled' ? h('button', { type: 'button', 'data-run': s.merchant_uid, text: '지금 실행', onclick: function () {
          act(api('POST', '/sandbox/clock/set', { at: Math.max(s.schedule_at, clock ? clock.now_unix : 0) }), s.merchant_uid + ' 예약 시각으로 시계를 옮겼습니다.');
        } }) : ''];
    }), '예약결제가 없습니다.');
  }

  function deliveryPanel(d) {
    var attempts = table(['시각', '계기', '응답 상태', '오류'], d.attempts.map(function (a) {
      return [kst(a.at), { event: '이벤트', retry: '재시도', resend: '재전송' }[a.trigger] || a.trigger, a.status === null ? '응답 없음' : String(a.status), a.error];
    }), '아직 시도하지 않았습니다.');
    return h('div', { class: 'panel delivery', 'data-delivery': d.id }, [
      h('h3', {}, [badge(d.state), ' ', d.body.status + ' · ', link('payments/' + encodeURIComponent(d.body.imp_uid), d.body.imp_uid)]),
      details([['가맹점', d.merchant], ['URL', d.url], ['형식', d.content_type === 'form' ? 'form (x-www-form-urlencoded)' : 'JSON'], ['재시도 설정', d.retry ? '켜짐' : '꺼짐'],
        ['다음 시도', d.next_attempt_at ? kst(d.next_attempt_at) : undefined]]),
      h('pre', { text: JSON.stringify(d.body, null, 2), 'aria-label': '요청 본문' }), attempts,
      h('button', { type: 'button', 'data-resend': d.id, text: '다시 보내기', onclick: function () {
        act(api('POST', '/sandbox/webhooks/' + encodeURIComponent(d.id) + '/resend'), function (r) {
          var last = r.attempts[r.attempts.length - 1];
          return '다시 보냈습니다: ' + (last && last.status !== null ? 'HTTP ' + last.status : (last && last.error) || '응답 없음');
        });
      } }),
    ]);
  }

  function paymentDetail(impUid) {
    var box = h('div');
    view.appendChild(h('p', {}, [link('payments', '← 결제 목록')]));
    view.appendChild(h('h2', { text: '결제 ' + impUid }));
    view.appendChild(box);
    return function () {
      return Promise.all([api('GET', '/sandbox/payments'), api('GET', '/sandbox/webhooks')]).then(function (both) {
        var p = both[0].filter(function (x) { return x.imp_uid === impUid; })[0];
        clear(box);
        if (!p) { box.appendChild(h('p', { class: 'empty', text: '이 결제는 없습니다 (초기화되었을 수 있습니다).' })); return; }
        var rest = p.amount - p.cancel_amount;
        box.appendChild(panel(null, [details([
          ['상태', badge(p.status)], ['가맹점', p.merchant], ['merchant_uid', p.merchant_uid], ['상품명', p.name], ['결제수단', METHOD[p.pay_method] || p.pay_method],
          ['금액', won(p.amount)], ['취소된 금액', won(p.cancel_amount)], ['PG', p.pg_provider + '.' + p.pg_id], ['채널', p.channel],
          ['customer_uid', p.customer_uid ? link('billing-keys/' + encodeURIComponent(p.customer_uid), p.customer_uid) : null],
          ['카드', p.card_name ? p.card_name + ' ' + (p.card_number || '') + (p.card_quota ? ' (' + p.card_quota + '개월)' : '') : undefined],
          ['은행', p.bank_name || undefined],
          ['가상계좌', p.vbank_num ? p.vbank_name + ' ' + p.vbank_num + ' (예금주 ' + p.vbank_holder + ', 기한 ' + kst(p.vbank_date) + ')' : undefined],
          ['승인번호', p.apply_num], ['거래번호', p.pg_tid], ['시작', kst(p.started_at)], ['결제', kst(p.paid_at)], ['실패', kst(p.failed_at)],
          ['실패 사유', p.fail_reason || undefined], ['영수증', p.receipt_url ? h('a', { href: p.receipt_url, target: '_blank', rel: 'noopener', text: '영수증 보기' }) : null],
        ])]));
        var actions = [];
        if ((p.status === 'paid' || p.status === 'cancelled') && rest > 0) {
          actions.push(h('form', { id: 'cancel-form', onsubmit: function (e) {
            e.preventDefault();
            var body = { reason: value('cancel-reason') || undefined, enable_webhook: document.getElementById('cancel-webhook').checked };
            if (value('cancel-amount')) body.amount = Number(value('cancel-amount'));
            act(api('POST', '/sandbox/payments/' + encodeURIComponent(impUid) + '/cancel', body), function (r) { return won(r.cancel_amount) + ' 취소되었습니다.'; });
          } }, [field('취소 금액 (비우면 남은 ' + won(rest) + ' 전액)', h('input', { id: 'cancel-amount', type: 'number', min: '1', max: String(rest), inputmode: 'numeric' })),
            field('사유', h('input', { id: 'cancel-reason' })),
            h('label', {}, [h('span', { text: '웹훅 보내기' }), h('input', { id: 'cancel-webhook', type: 'checkbox' })]),
            h('button', { class: 'danger', type: 'submit', id: 'cancel-payment', text: '결제 취소' })]));
        }
        if (p.pay_method === 'vbank' && p.status === 'ready') {
          actions.push(h('button', { class: 'primary', type: 'button', id: 'deposit', text: '입금 처리', onclick: function () {
            act(api('POST', '/sandbox/vbanks/' + encodeURIComponent(impUid) + '/deposit'), '입금되었습니다.');
          } }));
        }
        if (actions.length) box.appendChild(panel('작업', actions));
        box.appendChild(panel('취소 내역', [table(['시각', '금액', '사유', 'cancellation_id'], p.cancel_history.map(function (c) {
          return [kst(c.cancelled_at), won(c.amount), c.reason, c.cancellation_id];
        }), '취소 내역이 없습니다.')]));
        var sent = both[1].filter(function (d) { return d.body.imp_uid === impUid; });
        var hooks = panel('이 결제의 웹훅', sent.length ? [] : [h('p', { class: 'empty', text: '보낸 웹훅이 없습니다.' })]);
        sent.forEach(function (d) { hooks.appendChild(deliveryPanel(d)); });
        box.appendChild(hooks);
      });
    };
  }

  function billingKeyDetail(customerUid) {
    var box = h('div');
    view.appendChild(h('p', {}, [link('billing-keys', '← 빌링키 목록')]));
    view.appendChild(h('h2', { text: '빌링키 ' + customerUid }));
    view.appendChild(box);
    return function () {
      return Promise.all([api('GET', '/sandbox/billing-keys'), api('GET', '/sandbox/payments'), api('GET', '/sandbox/schedules')]).then(function (all) {
        var k = all[0].filter(function (x) { return x.customer_uid === customerUid; })[0];
        clear(box);
        if (k) {
          box.appendChild(panel(null, [details([['가맹점', k.merchant], ['카드', k.card_name], ['카드번호', k.card_number], ['PG', k.pg_provider + '.' + k.pg_id],
            ['고객', k.customer_name], ['전화', k.customer_tel], ['이메일', k.customer_email], ['발급', kst(k.inserted)], ['변경', kst(k.updated)]])]));
        } else box.appendChild(h('p', { class: 'empty', text: '이 빌링키는 지금 없습니다 (삭제되었거나 초기화되었습니다).' }));
        var payments = all[1].filter(function (p) { return p.customer_uid === customerUid; }).reverse();
        box.appendChild(panel('결제', [paymentTable(payments, '이 빌링키의 결제가 없습니다.')]));
        box.appendChild(panel('예약결제', [scheduleTable(all[2].filter(function (s) { return s.customer_uid === customerUid; }))]));
      });
    };
  }

  function route() {
    var hash = location.hash.replace(/^#/, '');
    var slash = hash.indexOf('/');
    var name = slash === -1 ? hash : hash.slice(0, slash);
    var id = slash === -1 ? '' : decodeURIComponent(hash.slice(slash + 1));
    if (!views[name]) { name = 'payments'; id = ''; }
    document.querySelectorAll('nav a').forEach(function (a) {
      if (a.getAttribute('data-view') === name) a.setAttribute('aria-current', 'page'); else a.removeAttribute('aria-current');
    });
    clear(view);
    say('');
    refreshView = views[name](id);
    view.setAttribute('data-view', name);
    return refresh();
  }

  function refresh() {
    if (!refreshView) return Promise.resolve();
    return refreshView().then(function () { view.setAttribute('data-version', String(version)); })
      .catch(function (error) { say(error.message, true); });
  }

  // Polls the cheap change counter; the open view reloads only when something changed.
  function poll() {
    return api('GET', '/sandbox/changes').then(function (c) {
      clock = c.clock;
      document.getElementById('clock-now').textContent = kst(c.clock.now_unix) + ' KST';
      var state = document.getElementById('clock-state');
      state.textContent = c.clock.frozen ? '멈춤' : '흐르는 중';
      state.className = 'badge' + (c.clock.frozen ? ' s-frozen' : '');
      if (version !== null && c.version !== version) { version = c.version; return refresh(); }
      version = c.version;
    }).catch(function () { document.getElementById('clock-state').textContent = '연결 끊김'; });
  }

  window.addEventListener('hashchange', route);
  api('GET', '/sandbox/merchants').then(function (list) { merchants = list; })
    .catch(function (error) { say(error.message, true); })
    .then(poll).then(route).then(function () { setInterval(poll, POLL_MS); });
})();
`;
