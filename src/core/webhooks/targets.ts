/**
 * Where webhooks may go. A notice_url comes from whoever calls the payment window or the API, so a sandbox that
 * others can reach would post to any address they name (SSRF): `--webhook-allow` narrows it. Entries are hosts
 * (`hooks.test`, or `hooks.test:8443` for one port) or URL prefixes (`https://hooks.test/in/`: same origin, path
 * under it). No list: anywhere, for local development.
 */
export type WebhookTargets = (url: string) => boolean;

export const anyWebhookTarget: WebhookTargets = () => true;

export function webhookTargets(allow: readonly string[]): WebhookTargets {
  const prefixes = allow.filter((entry) => entry.includes('://')).map((entry) => new URL(entry));
  const hosts = new Set(allow.filter((entry) => !entry.includes('://')).map((entry) => entry.toLowerCase()));
  return (url) => {
    if (!URL.canParse(url)) return false;
    const target = new URL(url);
    if (hosts.has(target.hostname) || hosts.has(target.host)) return true;
    return prefixes.some((prefix) => target.origin === prefix.origin && target.pathname.startsWith(prefix.pathname));
  };
}
