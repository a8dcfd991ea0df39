import { queryRefusal, type MetricAllowList } from '../core/reminders/metric-allow-list.js';
import { isBreach, type PrometheusCondition } from '../core/reminders/prometheus-trigger.js';

/**
 * Instant queries against Prometheus' HTTP API (`GET /api/v1/query`), for the
 * ADRs' metric revisit triggers. Bounded: a timeout per query and a cap on
 * the answer's size, so a slow or hostile endpoint cannot hold the sweep.
 * With the operator's PROMETHEUS_QUERY_ALLOW, a query naming a metric it
 * does not allow is refused here, before any request, whoever the caller.
 */

/** Where Prometheus is; credentials in the URL (`https://user:pass@host`) become a Basic header. */
export interface PrometheusSettings {
  url: string;
  timeoutMs?: number;
  /** PROMETHEUS_QUERY_ALLOW: the metrics a query may name; without it any query runs. */
  allow?: MetricAllowList;
}

/** Default time allowed per query. */
export const PROMETHEUS_TIMEOUT_MS = 10_000;
/** Largest answer read, in bytes: an instant value is a few hundred bytes, a huge vector is a bad query. */
export const MAX_PROMETHEUS_BYTES = 1024 * 1024;

/** A reading, or why there is none (`refused`: the allow-list kept the query from being sent). */
export type PrometheusReading = { value: number } | { error: string; timedOut?: true; refused?: true };

interface QueryAnswer {
  status?: string;
  error?: string;
  data?: { resultType?: string; result?: unknown };
}

/**
 * Evaluate `condition.query` as an instant query. A vector answers with the
 * first series that breaches the condition (any series over the threshold is
 * a breach), else its first series; an empty vector is no data (NaN).
 */
export async function queryPrometheus(settings: PrometheusSettings, condition: PrometheusCondition): Promise<PrometheusReading> {
  if (settings.allow !== undefined) {
    const refusal = queryRefusal(condition.query, settings.allow);
    if (refusal !== undefined) return { error: `refused: ${refusal}`, refused: true };
  }
  let url: URL;
  try {
    url = new URL('api/v1/query', settings.url.endsWith('/') ? settings.url : `${settings.url}/`);
  } catch {
    return { error: 'PROMETHEUS_URL is not a URL' };
  }
  const headers: Record<string, string> = { accept: 'application/json' };
  if (url.username || url.password) {
    headers.authorization = `Basic ${Buffer.from(`${decodeURIComponent(url.username)}:${decodeURIComponent(url.password)}`).toString('base64')}`;
    url.username = '';
    url.password = '';
  }
  url.searchParams.set('query', condition.query);
  let text: string;
  try {
    const response = await fetch(url, { headers, signal: AbortSignal.timeout(settings.timeoutMs ?? PROMETHEUS_TIMEOUT_MS), redirect: 'error' });
    text = await readCapped(response, MAX_PROMETHEUS_BYTES);
    if (!response.ok && !text.trimStart().startsWith('{')) return { error: `Prometheus answered HTTP ${response.status}` };
  } catch (error) {
    const name = (error as { name?: string }).name;
    if (name === 'TimeoutError' || name === 'AbortError') return { error: `no answer from Prometheus within ${settings.timeoutMs ?? PROMETHEUS_TIMEOUT_MS} ms`, timedOut: true };
    return { error: `Prometheus unreachable: ${(error as Error).message}` };
  }
  let answer: QueryAnswer;
  try {
    answer = JSON.parse(text) as QueryAnswer;
  } catch {
    return { error: 'Prometheus answered something that is not JSON' };
  }
  if (answer.status !== 'success') return { error: `Prometheus: ${typeof answer.error === 'string' ? answer.error.slice(0, 200) : 'query failed'}` };
  return readResult(answer.data, condition);
}

function readResult(data: QueryAnswer['data'], condition: PrometheusCondition): PrometheusReading {
  const result = data?.result;
  switch (data?.resultType) {
    case 'scalar':
      return { value: sampleValue(result) };
    case 'vector': {
      if (!Array.isArray(result)) return { error: 'Prometheus answered a vector without a result list' };
      const values = result.map((series) => sampleValue((series as { value?: unknown }).value));
      if (values.length === 0) return { value: Number.NaN };
      return { value: values.find((v) => isBreach(condition, v)) ?? values[0]! };
    }
    default:
      return { error: `the query returns a ${String(data?.resultType)}; a revisit trigger needs an instant vector or a scalar` };
  }
}

// A sample is `[ <unix time>, "<value>" ]`; Prometheus writes values as strings ("NaN", "+Inf" included).
function sampleValue(sample: unknown): number {
  if (!Array.isArray(sample) || typeof sample[1] !== 'string') return Number.NaN;
  const text = sample[1];
  if (text === '+Inf') return Number.POSITIVE_INFINITY;
  if (text === '-Inf') return Number.NEGATIVE_INFINITY;
  return Number(text);
}

async function readCapped(response: Response, limit: number): Promise<string> {
  if (!response.body) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      throw new Error(`the answer is larger than ${limit} bytes`);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}
