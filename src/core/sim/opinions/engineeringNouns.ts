/**
 * Domain nouns a persona may adopt as its private vocabulary (SPEC §4 `opinions.privateWords`).
 *
 * Policy: every noun is longer than two letters, is no stop word, no lexicon or stance word
 * (so private words never move an axis other than the semantic one), no round topic, and no
 * word of the sentence templates (so a text mentions one only when the persona owns it).
 * A test checks all of that.
 */
export const ENGINEERING_NOUNS: readonly string[] = Object.freeze([
  'latency', 'throughput', 'rollback', 'failover', 'sharding', 'replication',
  'telemetry', 'logging', 'alerting', 'quotas', 'backpressure', 'monitoring',
  'tracing', 'deployment', 'versioning', 'serialization', 'encryption', 'permissions',
  'concurrency', 'locking', 'batching', 'pagination', 'retries', 'idempotency',
  'checksums', 'snapshots', 'backups', 'compaction', 'compression', 'partitioning',
  'scheduling', 'provisioning', 'autoscaling', 'bandwidth', 'tenancy', 'onboarding',
  'documentation', 'benchmarks', 'dashboards', 'runbooks', 'secrets', 'certificates',
  'dependencies', 'upgrades', 'downtime', 'capacity', 'headroom', 'observability',
  'auditing', 'memory', 'storage', 'threads', 'queues', 'sockets',
  'routing', 'gateways', 'leases', 'heartbeats', 'migrations', 'profiling',
]);
