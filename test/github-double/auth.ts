// Reads the Authorization header the way GitHub distinguishes an App's JWT from an installation token.
import type { GitHubState, TokenRecord } from './state.js';

export type AuthScheme = 'none' | 'app-jwt' | 'installation-token' | 'unknown-token' | 'basic' | 'other';

export interface RequestAuth {
  scheme: AuthScheme;
  token: TokenRecord | undefined;
  /** Why the credentials would be refused, in GitHub's words where known. */
  problem: string | undefined;
}

/** Classifies and checks the credentials of a request (a JWT must look like the one Probot signs). */
export function readAuth(header: string | undefined, state: GitHubState): RequestAuth {
  if (header === undefined || header.trim() === '') return { scheme: 'none', token: undefined, problem: 'Requires authentication' };
  const [kind = '', credential = ''] = header.trim().split(/\s+/, 2);
  const lower = kind.toLowerCase();
  if (lower === 'basic') return { scheme: 'basic', token: undefined, problem: 'Bad credentials' };
  if (lower !== 'bearer' && lower !== 'token') return { scheme: 'other', token: undefined, problem: 'Bad credentials' };
  if (credential.split('.').length === 3) return { scheme: 'app-jwt', token: undefined, problem: checkJwt(credential, state) };
  const token = state.tokens.get(credential);
  if (token === undefined) return { scheme: 'unknown-token', token: undefined, problem: 'Bad credentials' };
  if (Date.parse(token.expiresAt) <= state.now().getTime()) return { scheme: 'installation-token', token, problem: 'Bad credentials' };
  return { scheme: 'installation-token', token, problem: undefined };
}

// GitHub verifies the RS256 signature with the app's public key; the double has no key, so it
// checks what a wrong setup would get wrong: shape, algorithm, issuer and a lifetime of at most
// ten minutes (checked as exp - iat, so a test clock does not fight the real one).
function checkJwt(jwt: string, state: GitHubState): string | undefined {
  const [header, payload] = jwt.split('.').map(decodeSegment);
  if (header === undefined || payload === undefined) return 'A JSON web token could not be decoded';
  if (header['alg'] !== 'RS256') return `'alg' must be RS256, got ${String(header['alg'])}`;
  if (String(payload['iss']) !== String(state.app.id)) return `'Issuer' claim ('iss') must be the App ID ${state.app.id}`;
  const iat = payload['iat'];
  const exp = payload['exp'];
  if (typeof iat !== 'number' || typeof exp !== 'number') return "'Expiration time' claim ('exp') must be a numeric value representing the future time at which the assertion expires";
  if (exp - iat > 660) return "'Expiration time' claim ('exp') is too far in the future";
  return undefined;
}

function decodeSegment(segment: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(Buffer.from(segment, 'base64url').toString('utf8'));
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** Whether an operation authenticates as the App (JWT) rather than as an installation. */
export function requiresAppJwt(operationId: string, template: string): boolean {
  return operationId.startsWith('apps/') && (template.startsWith('/app/') || template === '/app' || template.endsWith('/installation'));
}
