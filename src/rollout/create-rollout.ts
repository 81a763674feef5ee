import type { CampaignConfig } from '../config/load-config';
import type { ProactiveSender } from '../domain/proactive';
import type { Logger } from '../log/create-logger';
import type { ClaimedDelivery, DeliveryStore } from '../stores/delivery-store';
import type { Reply } from '../domain/turn';
import { createCampaignService, type CampaignService } from './campaign-service';
import { createDeliveryEngine, type DeliveryEngine } from './delivery-engine';
import { newLeaseHolder } from '../domain/lease-holder';
import { sendRetryBudget } from './retry-budget';

export interface Rollout {
  campaign: CampaignService;
  engine: DeliveryEngine;
}

/** The engine and the campaign service, built the same way by the service and the CLI. */
export function createRollout(
  config: CampaignConfig,
  store: DeliveryStore,
  sender: ProactiveSender,
  compose: (delivery: ClaimedDelivery) => Reply,
  log: Logger,
): Rollout {
  const engine = createDeliveryEngine({
    store,
    sender,
    compose,
    ratePerSecond: config.ratePerSecond,
    concurrency: config.concurrency,
    leaseTtlMs: config.leaseTtlMs,
    sendTimeoutMs: config.sendTimeoutMs,
    retry: sendRetryBudget(config),
    // Unique per process, so a restarted process never mistakes a dead sender's claims for its own.
    holder: newLeaseHolder(),
    log,
  });
  const campaign = createCampaignService({
    store,
    engine,
    settings: config.schedule,
    catchUpMs: config.catchUpMs,
    log,
  });
  return { campaign, engine };
}
