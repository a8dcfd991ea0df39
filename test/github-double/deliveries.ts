// Webhook deliveries for end-to-end tests: real example payloads from @octokit/webhooks-examples,
// patched to match the double's state, serialized once and signed like GitHub signs them.
import { createHmac, randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';

export interface WebhookDelivery {
  /** The X-GitHub-Delivery GUID; a redelivery reuses it. */
  id: string;
  /** The X-GitHub-Event name (`pull_request`, `issue_comment`, ...). */
  name: string;
  payload: Record<string, unknown>;
  /** The exact bytes sent: the signature covers this string, not a re-serialization. */
  body: string;
  /** `sha256=` + HMAC-SHA256(secret, body) for the secret the delivery was built with. */
  signature: string;
}

/** Which example to start from: an action (`'opened'`), an index into the event's examples, or a predicate. */
export type ExamplePick = string | number | ((payload: Record<string, unknown>) => boolean);

/** A deep patch: objects merge key by key, arrays and scalars replace, `undefined` deletes the key. */
export type PayloadPatch = Record<string, unknown>;

interface WebhookDefinition {
  name: string;
  actions: string[];
  examples: Record<string, unknown>[];
}

/** The secret buildDelivery signs with unless told otherwise. */
export const DEFAULT_WEBHOOK_SECRET = 'design-review-test-secret';

let definitions: WebhookDefinition[] | undefined;

function examplesFor(eventName: string): Record<string, unknown>[] {
  definitions ??= createRequire(import.meta.url)('@octokit/webhooks-examples') as WebhookDefinition[];
  const definition = definitions.find((d) => d.name === eventName);
  if (definition === undefined) {
    throw new Error(`No webhook examples for event "${eventName}"; known events: ${definitions.map((d) => d.name).join(', ')}`);
  }
  return definition.examples;
}

/** `sha256=<hex>`: the X-Hub-Signature-256 GitHub sends for `body` with `secret`. */
export function signDelivery(body: string, secret: string): string {
  return `sha256=${createHmac('sha256', secret).update(body, 'utf8').digest('hex')}`;
}

/**
 * Builds a delivery from a real example payload, e.g.
 * `buildDelivery('pull_request', 'opened', { number: 7, installation: { id: 42 } })`.
 */
export function buildDelivery(
  eventName: string,
  pick: ExamplePick,
  patch: PayloadPatch = {},
  options: { secret?: string; id?: string } = {},
): WebhookDelivery {
  const examples = examplesFor(eventName);
  const example =
    typeof pick === 'number'
      ? examples[pick]
      : typeof pick === 'function'
        ? examples.find(pick)
        : // Prefer an example that carries an installation, since an App always receives one.
          (examples.find((e) => e['action'] === pick && 'installation' in e) ?? examples.find((e) => e['action'] === pick));
  if (example === undefined) {
    const actions = [...new Set(examples.map((e) => String(e['action'] ?? '(none)')))].join(', ');
    throw new Error(`No "${eventName}" example matches ${String(pick)}; actions with examples: ${actions}`);
  }
  const payload = deepMerge(structuredClone(example), patch);
  const body = JSON.stringify(payload);
  return { id: options.id ?? randomUUID(), name: eventName, payload, body, signature: signDelivery(body, options.secret ?? DEFAULT_WEBHOOK_SECRET) };
}

/** Merges `patch` into `target` in place and returns it (see PayloadPatch). */
export function deepMerge(target: Record<string, unknown>, patch: PayloadPatch): Record<string, unknown> {
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined) {
      delete target[key];
    } else if (isPlainObject(value) && isPlainObject(target[key])) {
      deepMerge(target[key] as Record<string, unknown>, value);
    } else {
      target[key] = structuredClone(value);
    }
  }
  return target;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * POSTs a delivery the way GitHub does, signed with `secret`; `forge: true` sends a signature
 * made with a different secret, which the app must reject.
 */
export async function sendDelivery(
  url: string,
  delivery: WebhookDelivery,
  secret: string,
  options: { forge?: boolean } = {},
): Promise<Response> {
  const signature = signDelivery(delivery.body, options.forge ? `${secret}-forged` : secret);
  return fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'user-agent': 'GitHub-Hookshot/design-review-double',
      'x-github-event': delivery.name,
      'x-github-delivery': delivery.id,
      'x-hub-signature-256': signature,
      'x-github-hook-installation-target-type': 'integration',
    },
    body: delivery.body,
  });
}
