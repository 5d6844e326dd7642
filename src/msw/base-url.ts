/** The vendor's hosts: the API and its fixed-outbound-IP twin that the Java SDK knows. */
export const defaultBaseUrls: readonly string[] = ['https://api.iamport.kr', 'https://static-api.iamport.kr'];

/**
 * The part of a request URL the route table is matched against, or null when the URL is under none of the
 * base URLs (another host or path, left to msw's unhandled-request policy).
 */
export function pathUnder(baseUrls: readonly string[]): (url: URL) => string | null {
  const bases = baseUrls.map((base) => {
    const url = new URL(base);
    return { origin: url.origin, prefix: url.pathname.replace(/\/+$/, '') };
  });
  return (url) => {
    for (const { origin, prefix } of bases) {
      if (url.origin !== origin) continue;
      if (prefix === '') return url.pathname;
      if (url.pathname.startsWith(`${prefix}/`)) return url.pathname.slice(prefix.length);
    }
    return null;
  };
}
