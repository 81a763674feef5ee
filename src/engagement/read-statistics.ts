import type { EventStore } from '../stores/event-store';
import { aggregate, type TenantStats } from './aggregate';

/** The one way to statistics, for the chat command and the CLI alike: suppressed before it leaves here. */
export async function readStatistics(events: EventStore, minGroupSize: number): Promise<TenantStats[]> {
  const [facts, reach, questions, reportMonths] = await Promise.all([
    events.themeFacts(),
    events.reachFacts(),
    events.questionFacts(),
    events.reportMonthFacts(),
  ]);
  return aggregate(facts, reach, minGroupSize, { questions, reportMonths });
}
