import { effective, intValue, shown } from '../../src/facts.js';
import { REF } from '../../src/kafka/references.js';
import { defineRule } from '../../src/rule.js';

/** The smallest default session.timeout.ms across client versions (10000 in Java ≤ 2.8 and librdkafka 1.0–1.6; 45000 later). */
const MIN_DEFAULT_SESSION_MS = 10_000;
/** kafkajs' sessionTimeout default (catalog §4); its rebalanceTimeout is the max.poll.interval.ms analogue. */
const KAFKAJS_SESSION_MS = 30_000;

export default defineRule({
  id: 'EH505',
  name: 'max-poll-interval',
  area: 'client-config',
  level: 'warning',
  precision: 'high',
  summary: 'The poll interval (max.poll.interval.ms) is not above the session timeout.',
  why: 'Event Hubs uses max.poll.interval.ms as the rebalance timeout, and it must be greater than session.timeout.ms; otherwise group members are evicted while they still process. Keep the 300000 default unless processing takes longer.',
  fix: 'Keep max.poll.interval.ms (default 300000) above session.timeout.ms.',
  reference: REF.configurations,
  messages: {
    notAbove: '{spelling}={value} is not above session.timeout.ms ({session} ms{source}); Event Hubs uses it as the rebalance timeout, so keep it above the session timeout (default 300000).',
  },
  check({ facts, report }) {
    for (const config of facts.configs) {
      const poll = effective(config, 'max.poll.interval.ms', { scopes: ['common', 'consumer'] });
      const pollMs = intValue(poll);
      if (!poll || pollMs === undefined) continue;
      const session = effective(config, 'session.timeout.ms', { scopes: ['common', 'consumer'] });
      const fallback = config.library === 'kafkajs' ? KAFKAJS_SESSION_MS : MIN_DEFAULT_SESSION_MS;
      const sessionMs = session ? intValue(session) : fallback;
      if (sessionMs === undefined || pollMs > sessionMs) continue;
      const source = session ? '' : config.library === 'kafkajs' ? ", kafkajs' default" : ', the lowest client default';
      report('notAbove', poll.location, { spelling: poll.spelling, value: shown(poll), session: sessionMs, source });
    }
  },
});
