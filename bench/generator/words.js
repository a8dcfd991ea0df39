/**
 * Word banks for the corpus prose. Kept apart from the sentence templates so
 * the templates stay readable. Vocabulary follows what real ADRs talk about:
 * services, stores, queues, teams, metrics, costs.
 */

export const DOMAINS = [
  'order', 'payment', 'billing', 'invoice', 'search', 'identity', 'notification', 'inventory',
  'catalog', 'analytics', 'audit', 'reporting', 'checkout', 'shipping', 'pricing', 'ledger',
  'account', 'subscription', 'recommendation', 'media', 'upload', 'messaging', 'session',
  'profile', 'fraud', 'tax', 'loyalty', 'booking', 'routing', 'telemetry', 'consent', 'export',
];

export const COMPONENTS = [
  'service', 'worker', 'gateway', 'pipeline', 'scheduler', 'API', 'queue', 'cache', 'database',
  'index', 'store', 'cluster', 'consumer', 'producer', 'proxy', 'job', 'endpoint', 'module',
  'library', 'dashboard', 'monolith', 'backend', 'frontend', 'SDK', 'CLI', 'webhook handler',
];

export const TECH = [
  'PostgreSQL', 'MySQL', 'DynamoDB', 'MongoDB', 'Cassandra', 'Kafka', 'RabbitMQ', 'SQS', 'SNS',
  'NATS', 'Redis', 'Memcached', 'Elasticsearch', 'OpenSearch', 'Kubernetes', 'ECS', 'Lambda',
  'gRPC', 'GraphQL', 'REST', 'Terraform', 'Pulumi', 'GitHub Actions', 'Jenkins', 'Prometheus',
  'Grafana', 'Datadog', 'OpenTelemetry', 'Vault', 'Envoy', 'NGINX', 'React', 'Vue', 'Svelte',
  'TypeScript', 'Go', 'Rust', 'Kotlin', 'Java', 'Python', 'S3', 'BigQuery', 'Snowflake',
  'ClickHouse', 'Temporal', 'Airflow', 'Keycloak', 'Auth0', 'Istio', 'Linkerd', 'Helm',
  'Argo CD', 'Flux', 'SQLite', 'CockroachDB', 'Spanner', 'Pub/Sub', 'Kinesis', 'Flink',
  'Spark', 'dbt', 'Sentry', 'Honeycomb', 'Cloudflare', 'Fastly', 'Vite', 'Webpack', 'pnpm',
];

export const PRACTICES = [
  'trunk-based development', 'feature flags', 'contract testing', 'blue-green deployments',
  'canary releases', 'event sourcing', 'CQRS', 'the outbox pattern', 'semantic versioning',
  'conventional commits', 'infrastructure as code', 'structured logging', 'mutation testing',
  'a monorepo', 'polyrepos', 'API-first design', 'domain events', 'a service mesh',
  'short-lived branches', 'pair programming', 'architecture decision records', 'SLO-based alerting',
  'zero-downtime migrations', 'schema registries', 'idempotency keys', 'row-level security',
];

export const ADJECTIVES = [
  'stateless', 'eventually consistent', 'idempotent', 'synchronous', 'asynchronous', 'read-heavy',
  'write-heavy', 'multi-tenant', 'regional', 'managed', 'self-hosted', 'legacy', 'versioned',
  'append-only', 'partitioned', 'encrypted', 'batched', 'rate-limited', 'horizontally scaled',
  'single-region', 'shared', 'dedicated', 'internal', 'public', 'hot', 'cold', 'brittle',
];

export const VERBS_3RD = [
  'stores', 'publishes', 'consumes', 'validates', 'caches', 'replicates', 'throttles', 'batches',
  'serialises', 'exposes', 'depends on', 'owns', 'retries', 'indexes', 'aggregates', 'schedules',
  'proxies', 'audits', 'transforms', 'deduplicates', 'reconciles', 'signs', 'archives', 'polls',
];

export const VERBS_BASE = [
  'store', 'publish', 'consume', 'validate', 'cache', 'replicate', 'throttle', 'batch',
  'serialise', 'expose', 'own', 'retry', 'index', 'aggregate', 'schedule', 'proxy', 'audit',
  'transform', 'deduplicate', 'reconcile', 'sign', 'archive', 'migrate', 'shard', 'split',
];

export const DATA = [
  'order events', 'payment intents', 'invoices', 'audit records', 'user profiles', 'session tokens',
  'search documents', 'price lists', 'stock levels', 'webhook deliveries', 'feature flag rules',
  'tenant settings', 'shipping labels', 'ledger entries', 'media thumbnails', 'consent records',
  'API keys', 'job results', 'metrics', 'trace spans', 'email templates', 'exchange rates',
];

export const TEAMS = [
  'the platform team', 'the payments squad', 'SRE', 'the data team', 'the mobile team',
  'security', 'the API guild', 'on-call engineers', 'product', 'the architecture group',
  'finance', 'compliance', 'the checkout team', 'support', 'the search team', 'DBAs',
];

export const PEOPLE = [
  'Alice Martin', 'Bilal Haddad', 'Chen Wei', 'Dana Kowalski', 'Emeka Obi', 'Fatima Zahra',
  'Gustavo Lima', 'Hana Sato', 'Ivan Petrov', 'Julia Becker', 'Kofi Mensah', 'Lena Novak',
  'Mateo Rossi', 'Nadia Karim', 'Oscar Lindqvist', 'Priya Nair', 'Quentin Moreau', 'Rosa Diaz',
  'Sven Olsen', 'Tariq Aziz', 'Ursula Klein', 'Vikram Rao', 'Wen Li', 'Yara Haddad', 'Zoe Park',
];

export const HANDLES = [
  '@amartin', '@bhaddad', '@chenw', '@dkowalski', '@eobi', '@fzahra', '@glima', '@hsato',
  '@ipetrov', '@jbecker', '@kmensah', '@lnovak', '@mrossi', '@nkarim', '@olindqvist', '@pnair',
];

/** [metric, unit, min, max] used for numbers in prose and triggers. */
export const METRICS = [
  ['p99 latency', 'ms', 20, 2000],
  ['p95 latency', 'ms', 10, 900],
  ['throughput', 'requests per second', 50, 40000],
  ['write volume', 'writes per second', 10, 12000],
  ['storage', 'GB', 5, 9000],
  ['monthly cost', 'USD', 300, 90000],
  ['error rate', '%', 1, 9],
  ['cache hit rate', '%', 40, 99],
  ['queue depth', 'messages', 100, 500000],
  ['cold start time', 'ms', 80, 4000],
  ['build time', 'minutes', 2, 55],
  ['deploy frequency', 'deploys per week', 1, 60],
  ['on-call load', 'pages per month', 1, 40],
  ['replication lag', 'seconds', 1, 300],
];

export const CONCERNS = [
  'operational overhead', 'vendor lock-in', 'team familiarity', 'licence cost', 'latency',
  'consistency', 'data residency', 'blast radius', 'time to market', 'hiring', 'observability',
  'migration effort', 'backward compatibility', 'test coverage', 'cognitive load', 'security review',
];

export const LINK_HOSTS = [
  'https://github.com/acme/platform/issues/',
  'https://github.com/acme/platform/pull/',
  'https://wiki.acme.internal/display/ARCH/',
  'https://docs.example.com/guides/',
  'https://jira.acme.internal/browse/ARCH-',
  'https://martinfowler.com/articles/',
  'https://aws.amazon.com/architecture/',
  'https://cloud.google.com/architecture/',
];

export const EN_CONNECTORS = [
  'However,', 'In practice,', 'As a result,', 'For now,', 'In addition,', 'Historically,',
  'On the other hand,', 'In our experience,', 'Today,', 'At the same time,', 'Unfortunately,',
];

// French MADR prose: fewer templates, enough not to repeat every line.
export const FR_SUBJECTS = [
  'le service de commande', 'la passerelle de paiement', "l'équipe plateforme", 'le client mobile',
  'la base de données principale', "le pipeline d'ingestion", 'le module de facturation',
  "l'API publique", 'le cache partagé', "l'équipe d'exploitation", 'le moteur de recherche',
];
export const FR_VERBS = [
  'stocke', 'publie', 'consomme', 'valide', 'met en cache', 'réplique', 'limite', 'regroupe',
  'expose', 'dépend de', 'archive', 'indexe', 'agrège', 'planifie',
];
export const FR_OBJECTS = [
  'les événements de commande', 'les factures', "les journaux d'audit", 'les profils utilisateurs',
  'les jetons de session', 'les niveaux de stock', 'les règles de tarification', 'les métriques',
  'les notifications', 'les exports comptables', 'les données personnelles',
];
export const FR_CONCERNS = [
  "la charge d'exploitation", 'la dépendance au fournisseur', "la maîtrise de l'équipe",
  'le coût de licence', 'la latence', 'la cohérence des données', 'la résidence des données',
  "l'effort de migration", 'la compatibilité ascendante', 'la sécurité',
];
export const FR_CONNECTORS = [
  'Cependant,', 'En pratique,', 'Par conséquent,', "Pour l'instant,", 'De plus,', 'Aujourd’hui,',
];
