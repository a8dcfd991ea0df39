/**
 * REDIS_URL can carry a password (`redis://:secret@host:6379`), so it is never
 * logged as given: logs name the server by host, port and database only, and
 * connection errors are reduced to their message and code, with the password
 * cut out in case a driver ever echoes the URL.
 */

/** `redis://host:port/db` for logs: no user name, no password. */
export function redactRedisUrl(url: string): string {
  try {
    const parsed = new URL(url);
    // Only redis: URLs have a known shape; anything else is shown as malformed.
    if (parsed.protocol !== 'redis:' && parsed.protocol !== 'rediss:') return '(malformed REDIS_URL)';
    const db = parsed.pathname.length > 1 ? parsed.pathname : '';
    const auth = parsed.password !== '' || parsed.username !== '' ? '***@' : '';
    return `${parsed.protocol}//${auth}${parsed.host}${db}`;
  } catch {
    // Not a URL: it may still hold a secret, so say only that it is malformed.
    return '(malformed REDIS_URL)';
  }
}

/** The loggable part of a connection error: message (password removed) and code. */
export function redisErrorFields(error: unknown, url: string): { message: string; code?: string } {
  const raw = error instanceof Error ? error.message : String(error);
  let message = raw.split(url).join(redactRedisUrl(url));
  try {
    const { password } = new URL(url);
    if (password !== '') {
      message = message.split(password).join('***').split(decodeURIComponent(password)).join('***');
    }
  } catch {
    // A malformed URL has no password to cut out.
  }
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? { message, code } : { message };
}
