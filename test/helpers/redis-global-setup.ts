// Vitest global setup: says once per run, before any file, that the Redis suites are skipped
// and how to run them (each file skips on its own through describeWithRedis).
import { machineRedisDecision } from './redis-requirement.js';

// Both projects list this setup; the main process imports it once, so the line is printed once.
let told = false;

/** Prints the missing-redis-server line once when the Redis suites will be skipped. */
export default function setup(): void {
  if (told) return;
  told = true;
  const decision = machineRedisDecision();
  if (decision.action === 'skip') process.stderr.write(`${decision.message}\n`);
}
