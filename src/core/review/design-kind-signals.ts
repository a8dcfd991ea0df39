/**
 * The vocabulary the design-kind classifier counts (design-kind.ts). Two
 * families of families: words of running a system (deploying it, its traffic,
 * its cloud services and datastores, its costs, who is paged) and words of
 * changing a language, library, API, file format or process (syntax, methods,
 * protocols, implementations, compatibility and feature gates). A family is a
 * group of near-synonyms, so that one topic written five ways counts once
 * per distinct word, and at most `FAMILY_CAP` times.
 *
 * Words that both kinds use all the time are left out on purpose: "service",
 * "API", "cluster", "node", "function", "schema", "spec", "stable",
 * "container", "python"… A KEP talks about clusters and a Lambda design about
 * functions; neither word tells them apart.
 */

/** A named group of cues (lower case, matched on word boundaries, plurals included). */
export interface SignalFamily {
  id: string;
  cues: readonly string[];
}

/** How many distinct words of one family count: breadth says more than repetition. */
export const FAMILY_CAP = 3;

/** Words of designing a running system: a service, a pipeline, infrastructure. */
export const SYSTEM_FAMILIES: readonly SignalFamily[] = [
  {
    id: 'deploy',
    cues: ['deploy', 'deployed', 'deploying', 'redeploy', 'deployment pipeline', 'continuous deployment', 'blue-green', 'canary release'],
  },
  { id: 'production', cues: ['in production', 'production environment', 'production traffic', 'staging environment', 'staging', 'prod'] },
  { id: 'traffic', cues: ['traffic', 'requests per second', 'rps', 'qps', 'peak load', 'load balancer'] },
  { id: 'latency', cues: ['latency', 'latencies', 'p99', 'p95', 'response time', 'throughput'] },
  {
    id: 'availability',
    cues: ['slo', 'sla', 'uptime', 'error budget', 'high availability', 'availability zone'],
  },
  {
    id: 'cloud',
    cues: [
      'aws',
      'gcp',
      'azure',
      'google cloud',
      'ec2',
      'ecs',
      'eks',
      'gke',
      'fargate',
      'lambda',
      's3',
      'cloudfront',
      'api gateway',
      'dynamodb',
      'rds',
      'sqs',
      'sns',
      'kinesis',
      'step functions',
      'cloudwatch',
      'cloud run',
      'bigquery',
      'heroku',
    ],
  },
  {
    id: 'datastore',
    cues: [
      'database',
      'postgres',
      'postgresql',
      'mysql',
      'elasticsearch',
      'opensearch',
      'redis',
      'mongodb',
      'cassandra',
      'datastore',
      'data store',
      'data warehouse',
    ],
  },
  { id: 'region', cues: ['region', 'multi-region', 'data center', 'data centre', 'datacenter'] },
  {
    id: 'on-call',
    cues: ['on-call', 'pager', 'pagerduty', 'runbook', 'incident', 'outage', 'downtime', 'postmortem', 'post-mortem'],
  },
  { id: 'monitoring', cues: ['alerts', 'alerting', 'dashboard', 'monitoring', 'logs', 'logging'] },
  {
    id: 'cost',
    cues: ['running cost', 'cost to run', 'per month', 'monthly cost', 'budget', 'billing', 'cloud spend', 'cost estimate', 'cost'],
  },
  { id: 'infrastructure', cues: ['infrastructure', 'terraform', 'cloudformation', 'pulumi', 'ansible', 'vpc', 'subnet', 'cdn'] },
  {
    id: 'pipeline',
    cues: ['pipeline', 'ingest', 'ingestion', 'ingestor', 'etl', 'batch job', 'cron', 'queue', 'worker', 'scheduled job'],
  },
  { id: 'scaling', cues: ['autoscaling', 'capacity', 'scale up', 'scale out', 'scale down', 'scaling', 'reindex'] },
  { id: 'recovery', cues: ['backup', 'restore', 'disaster recovery', 'failover', 'replication'] },
  {
    id: 'ownership',
    cues: [
      'our service',
      'our infrastructure',
      'our platform',
      'our account',
      'our stack',
      'our pipeline',
      'our cluster',
      'our database',
      'our website',
      'our system',
      'we run',
      'we deploy',
      'we host',
      'we operate',
    ],
  },
];

/** Words of changing a language, library, API, file format or process. */
export const CHANGE_FAMILIES: readonly SignalFamily[] = [
  {
    id: 'language',
    cues: [
      'syntax',
      'grammar',
      'keyword',
      'compiler',
      'rustc',
      'type system',
      'type checker',
      'trait',
      'generic',
      'macro',
      'lifetime',
      'crate',
      'stdlib',
      'standard library',
      'closure',
      'expression',
      'lint',
      'language feature',
      'borrow checker',
      'edition',
    ],
  },
  {
    id: 'code',
    cues: [
      'method',
      'struct',
      'enum',
      'interface',
      'signature',
      'return type',
      'return value',
      'callback',
      'constructor',
      'header file',
      'overload',
      'api surface',
      'public api',
      'type parameter',
    ],
  },
  {
    id: 'format',
    cues: [
      'specification',
      'protocol',
      'wire format',
      'protobuf',
      'proto',
      'message field',
      'semantic convention',
      'rfc 2119',
      'file format',
      'serialization',
      'serialisation',
    ],
  },
  {
    id: 'implementers',
    cues: ['implementations', 'implementers', 'implementors', 'sdk', 'language implementations', 'all languages', 'client library', 'client libraries', 'bindings'],
  },
  {
    id: 'compatibility',
    cues: [
      'backward compatible',
      'backwards compatible',
      'backward compatibility',
      'backwards compatibility',
      'breaking change',
      'deprecate',
      'deprecated',
      'deprecation',
      'semver',
      'semantic versioning',
      'major version',
      'feature gate',
      'alpha',
      'beta',
      'graduation',
      'stabilization',
      'stabilize',
      'experimental',
      'version skew',
    ],
  },
  { id: 'command-line', cues: ['command line', 'cli', 'kubectl', 'subcommand'] },
  {
    id: 'users',
    cues: ['users can', 'users will', 'user-facing', 'end users', 'developers can', 'application developers', 'existing users', 'existing code', 'existing programs'],
  },
];

/**
 * Section headings of the public change-proposal templates (KEP, Rust RFC,
 * Go proposal, OTEP, gRFC, OpenShift enhancement), normalised as
 * `normalizeHeading` does. Each one found is a change signal; at most
 * `FAMILY_CAP` count, as for a family.
 */
export const CHANGE_TEMPLATE_HEADINGS: ReadonlySet<string> = new Set([
  'graduation criteria',
  'version skew strategy',
  'upgrade / downgrade strategy',
  'feature enablement and rollback',
  'drawbacks',
  'prior art',
  'guide-level explanation',
  'reference-level explanation',
  'unresolved questions',
  'rationale and alternatives',
  'compatibility',
  'backwards compatibility',
  'backward compatibility',
  'specification',
  'api changes',
  'api extensions',
  'future possibilities',
  'how we teach this',
  'temporary environment variable protection',
  'trade-offs and mitigations',
  'prior art and alternatives',
  'internal details',
]);
