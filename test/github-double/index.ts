// The GitHub double's public surface for end-to-end tests.
export { startGitHubDouble, type GitHubDouble, type GitHubDoubleOptions } from './server.js';
export { GitHubState, type StateOptions } from './state.js';
export { primaryRateLimit, secondaryRateLimit, type FaultSpec } from './fault-injection.js';
export { buildDelivery, DEFAULT_WEBHOOK_SECRET, sendDelivery, signDelivery, type WebhookDelivery } from './deliveries.js';
export { issueCommentPatch, pullRequestPatch } from './delivery-patches.js';
export type { RecordedRequest } from './recording.js';
export type { Violation } from './violations.js';
