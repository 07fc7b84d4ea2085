// Every rule, sorted by id. Hand-written on purpose (grep-able); test/catalog.test.ts keeps it in step with the files.
import type { Rule } from '../src/rule.js';
import EH101 from './security/EH101-plaintext-transport.js';
import EH102 from './security/EH102-ssl-client-certificate.js';
import EH103 from './security/EH103-unsupported-sasl-mechanism.js';
import EH104 from './security/EH104-acl-api.js';
import EH105 from './security/EH105-jaas-config-mismatch.js';
import EH106 from './security/EH106-tls-verification-disabled.js';
import EH107 from './security/EH107-hardcoded-connection-string.js';
import EH108 from './security/EH108-credential-admin-api.js';
import EH109 from './security/EH109-custom-truststore.js';
import EH110 from './security/EH110-sas-token-credential.js';
import EH201 from './durability/EH201-acks-zero.js';
import EH202 from './durability/EH202-replication-settings.js';
import EH203 from './durability/EH203-flush-settings.js';
import EH204 from './durability/EH204-retention-beyond-tier.js';
import EH205 from './durability/EH205-transactions.js';
import EH206 from './durability/EH206-exactly-once-streams.js';
import EH301 from './protocol/EH301-client-below-1-0.js';
import EH302 from './protocol/EH302-protocol-pinned-below-1-0.js';
import EH303 from './protocol/EH303-zookeeper-client.js';
import EH304 from './protocol/EH304-connection-address.js';
import EH305 from './protocol/EH305-compression-codec.js';
import EH306 from './protocol/EH306-max-request-size.js';
import EH307 from './protocol/EH307-schema-registry.js';
import EH308 from './protocol/EH308-librdkafka-too-old.js';
import EH401 from './partitioning/EH401-admin-topic-management.js';
import EH402 from './partitioning/EH402-partition-count-limit.js';
import EH403 from './partitioning/EH403-repartitioning.js';
import EH404 from './partitioning/EH404-auto-topic-creation.js';
import EH406 from './partitioning/EH406-compacted-topic.js';
import EH501 from './client-config/EH501-metadata-max-age.js';
import EH502 from './client-config/EH502-connections-max-idle.js';
import EH503 from './client-config/EH503-request-timeout.js';
import EH504 from './client-config/EH504-session-timeout-range.js';
import EH505 from './client-config/EH505-max-poll-interval.js';
import EH506 from './client-config/EH506-heartbeat-interval-changed.js';
import EH507 from './client-config/EH507-retries-disabled.js';
import EH508 from './client-config/EH508-socket-keepalive.js';
import EH509 from './client-config/EH509-idempotence-timeout.js';
import EH510 from './client-config/EH510-consumer-group-limits.js';
import EH000 from './ecosystem/EH000-basic-tier.js';
import EH601 from './ecosystem/EH601-kafka-streams.js';
import EH602 from './ecosystem/EH602-ksqldb.js';
import EH603 from './ecosystem/EH603-broker-config.js';
import EH604 from './ecosystem/EH604-quota-api.js';
import EH605 from './ecosystem/EH605-kafka-connect-mm2.js';

export const RULES: readonly Rule[] = [
  EH000, EH101, EH102, EH103, EH104, EH105, EH106, EH107, EH108, EH109, EH110,
  EH201, EH202, EH203, EH204, EH205, EH206,
  EH301, EH302, EH303, EH304, EH305, EH306, EH307, EH308,
  EH401, EH402, EH403, EH404, EH406,
  EH501, EH502, EH503, EH504, EH505, EH506, EH507, EH508, EH509, EH510,
  EH601, EH602, EH603, EH604, EH605,
] as Rule[];
