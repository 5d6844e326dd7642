export type Params = Record<string, string>;

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A Fastify path compiled once into the exact matcher find-my-way is: case-sensitive, no optional trailing
 * slash, a parameter is any run of characters but `/` (even none), percent-decoded. msw's own string
 * patterns are looser (case-insensitive, trailing slash optional) and throw on a malformed escape, so they
 * would answer requests the server refuses.
 */
export function pathMatcher(path: string): (pathname: string) => Params | null {
  const names: string[] = [];
  const source = path
    .split('/')
    .map((segment) => {
      if (!segment.startsWith(':')) return escapeRegExp(segment);
      names.push(segment.slice(1));
      return '([^/]*)';
    })
    .join('/');
  const pattern = new RegExp(`^${source}$`);
  return (pathname) => {
    const found = pattern.exec(pathname);
    if (!found) return null;
    const params: Params = {};
    try {
      names.forEach((name, i) => (params[name] = decodeURIComponent(found[i + 1]!)));
    } catch {
      // A malformed escape is not this route's to answer: the fallback refuses the whole path.
      return null;
    }
    return params;
  };
}

/** Whether a path percent-decodes; the server refuses one that does not before routing it. */
export function decodes(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return true;
  } catch {
    return false;
  }
}

/**
 * Orders paths as find-my-way prefers them when two could match one URL: at the first segment where they
 * differ in kind, a static segment wins over a parameter. msw takes the first handler that matches.
 */
export function byPrecedence(a: { path: string }, b: { path: string }): number {
  const rank = (path: string) => path.split('/').map((segment) => (segment.startsWith(':') ? '1' : '0')).join('');
  const [ra, rb] = [rank(a.path), rank(b.path)];
  return ra < rb ? -1 : ra > rb ? 1 : 0;
}
