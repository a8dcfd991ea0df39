import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { appBaseUrl, readCredentials } from '../../src/cli/app-credentials.js';

const { privateKey: PEM } = generateKeyPairSync('rsa', { modulusLength: 1024, privateKeyEncoding: { type: 'pkcs1', format: 'pem' }, publicKeyEncoding: { type: 'spki', format: 'pem' } });

describe('remind credentials from the environment', () => {
  it('reads token mode from the Actions variables, defaulting the API URL', () => {
    expect(readCredentials({ GITHUB_TOKEN: 'ghs_x', GITHUB_REPOSITORY: 'acme/decisions' })).toEqual({
      mode: 'token',
      token: 'ghs_x',
      owner: 'acme',
      repo: 'decisions',
      baseUrl: 'https://api.github.com',
    });
    expect(readCredentials({ GITHUB_TOKEN: 'ghs_x', GITHUB_REPOSITORY: 'acme/d', GITHUB_API_URL: 'https://ghe.example/api/v3/' }).baseUrl).toBe('https://ghe.example/api/v3');
  });

  it('reads App mode with the key as PEM, as PEM with \\n escapes, or as base64, and the GHE base URL', () => {
    const escaped = PEM.replace(/\n/g, '\\n');
    const base64 = Buffer.from(PEM).toString('base64');
    for (const key of [PEM, escaped, base64]) {
      expect(readCredentials({ APP_ID: '12', PRIVATE_KEY: key, GHE_HOST: 'ghe.example', GHE_PROTOCOL: 'http' })).toEqual({
        mode: 'app',
        appId: '12',
        privateKey: PEM,
        baseUrl: 'http://ghe.example/api/v3',
      });
    }
    expect(appBaseUrl({})).toBe('https://api.github.com');
    expect(appBaseUrl({ GHE_HOST: 'ghe.example' })).toBe('https://ghe.example/api/v3');
  });

  it('names the missing or bad variable and never echoes a secret', () => {
    const cases: [Record<string, string>, RegExp][] = [
      [{}, /^GITHUB_TOKEN is not set/],
      [{ GITHUB_TOKEN: 'ghs_secret' }, /^GITHUB_REPOSITORY is not set/],
      [{ GITHUB_TOKEN: 'ghs_secret', GITHUB_REPOSITORY: 'nope' }, /^GITHUB_REPOSITORY must be owner\/name/],
      [{ PRIVATE_KEY: PEM }, /^APP_ID is not set/],
      [{ APP_ID: 'abc', PRIVATE_KEY: PEM }, /^APP_ID must be the numeric App ID/],
      [{ APP_ID: '1' }, /^PRIVATE_KEY or PRIVATE_KEY_PATH is not set/],
      [{ APP_ID: '1', PRIVATE_KEY: 'not-a-key-secret' }, /^PRIVATE_KEY does not hold a PEM private key/],
      [{ APP_ID: '1', PRIVATE_KEY_PATH: '/nonexistent/key.pem' }, /^PRIVATE_KEY_PATH cannot be read: ENOENT/],
      [{ APP_ID: '1', PRIVATE_KEY: PEM, GHE_HOST: 'h', GHE_PROTOCOL: 'ftp' }, /^GHE_PROTOCOL must be http or https/],
    ];
    for (const [env, message] of cases) {
      let error: Error | undefined;
      try {
        readCredentials(env);
      } catch (caught) {
        error = caught as Error;
      }
      expect(error?.name).toBe('UsageError');
      expect(error?.message).toMatch(message);
      expect(error?.message).not.toMatch(/ghs_secret|not-a-key-secret/);
      expect(error?.message).not.toContain(PEM.split('\n')[1]);
    }
  });
});
