// Where the window's result goes depends on the buyer's device, as in the vendor's v1 SDK: the Settle window guide
// says the result "PC의 경우 … callback 으로 수신되 모바일의 경우 m_redirect_url 로 리디렉션됩니다"
// (shared/seeds/settle-payment-window-guide.ko.mdx). Whether m_redirect_url was given does not decide it.

/** `pc`: the checkout opens as a layer over the merchant's page and answers the callback; `mobile`: the page goes. */
export type Device = 'pc' | 'mobile';

/**
 * A mobile browser is one whose user agent names a phone or tablet: `Mobi` (the token every mobile Chrome, Firefox
 * and Safari send), `Android` (tablets without `Mobi`), `iPhone`, `iPad`, `iPod`. Anything else, no user agent
 * included, is a PC. An iPad in desktop mode (iPadOS 13+ Safari, which sends a Mac's user agent) is a PC as well.
 */
const MOBILE_USER_AGENT = /Mobi|Android|iPhone|iPad|iPod/;

export const deviceOf = (userAgent: string | null): Device => (userAgent && MOBILE_USER_AGENT.test(userAgent) ? 'mobile' : 'pc');
