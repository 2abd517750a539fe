import { TOPICS, type Topic } from '../../shared/taxonomy.ts';

/**
 * "Most used at this point on this tablet first": topics by how often they
 * were logged, ties and unused ones in the taxonomy's order, every topic once.
 */
export function rankTopics(used: readonly (readonly string[])[]): Topic[] {
  const counts = new Map<string, number>();
  for (const topics of used) for (const topic of topics) counts.set(topic, (counts.get(topic) ?? 0) + 1);
  const order = TOPICS.map((term, index) => ({ code: term.code, index, count: counts.get(term.code) ?? 0 }));
  return order.sort((a, b) => b.count - a.count || a.index - b.index).map((entry) => entry.code);
}
