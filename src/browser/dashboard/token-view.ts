import { readState } from './control-api.js';
import { clear, h, table } from './dom.js';
import { kst } from './format.js';
import { session } from './session.js';
import type { Refill } from './view.js';

// The access tokens issued (POST /users/getToken), newest first. A token is a credential: only its first
// characters are shown, enough to tell one from another.

const PREFIX = 8;
const seconds = (ms: number) => Math.floor(ms / 1000);

export function tokensView(view: HTMLElement): Refill {
  const box = h('div');
  const note = '토큰은 앞 8자리만 보여 줍니다. 시각은 한국 시간(KST)입니다.';
  view.append(h('h2', { text: '액세스 토큰' }), h('p', { class: 'muted', text: note }), box);
  return async () => {
    const { tokens } = await readState();
    const now = session.clock ? session.clock.now : Date.now();
    const rows = tokens
      .slice()
      .sort((a, b) => b.issued_at - a.issued_at)
      .map((t) => [h('code', { text: `${t.token.slice(0, PREFIX)}…` }), t.merchant, kst(seconds(t.issued_at)), kst(seconds(t.expires_at)), t.expires_at > now ? '유효' : '만료']);
    clear(box).appendChild(table(['토큰 (앞부분)', '가맹점', '발급 (KST)', '만료 (KST)', '상태'], rows, '발급된 토큰이 없습니다.'));
  };
}
