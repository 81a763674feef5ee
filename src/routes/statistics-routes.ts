import { statisticsCard } from '../cards/statistics-card';
import { localizePulse } from '../content/localize-pulse';
import { personOf } from '../engagement/record-event';
import { readStatistics } from '../engagement/read-statistics';
import { textsFor } from '../i18n/texts-for';
import { adminRoute } from './admin-routes';
import { matchCommand } from './match-command';

/** «statistikk»: an admin sees their own municipality only, in aggregate. */
export const showStatistics = adminRoute(
  'admin-statistics',
  (turn) => turn.kind === 'message' && matchCommand(turn.text) === 'statistics',
  async (turn, { services, language }) => {
    const { minGroupSize } = services.engagement;
    const { tenantId } = personOf(turn);
    const all = await readStatistics(services.engagement.events, minGroupSize);
    const own = all.find((stats) => stats.tenantId === tenantId);
    const t = textsFor(language, services.localRules);
    const pulse = localizePulse(services.pulse, language);
    const card = statisticsCard(services.cards, t, language, services.themes, own, minGroupSize, pulse);
    return { replies: [{ kind: 'card', card }] };
  },
);
