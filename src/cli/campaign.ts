/**
 * The campaign from the command line, on the same store as the service:
 *   npm run campaign -- status [--json]
 *   npm run campaign -- preview <theme-id> --to <aad-object-id>
 *   npm run campaign -- preview pulse before|after --to <aad-object-id>
 *   npm run campaign -- send <theme-id> [--json]
 *   npm run campaign -- send pulse before|after [--json]
 *   npm run campaign -- pause | resume
 * Exit codes: 0 done, 1 failed, 2 wrong usage.
 */
import { isPulsePhase, PULSE_PHASES } from '../content/pulse-schema';
import { isThemeId } from '../content/theme-library';
import { THEME_IDS } from '../content/theme-schema';
import { StartupError } from '../startup-error';
import { openCampaignTools, type CampaignTools } from './open-campaign-tools';
import { printStatus } from './print-status';

const USAGE = `usage: npm run campaign -- status [--json]
       npm run campaign -- preview <theme-id> --to <aad-object-id>
       npm run campaign -- preview pulse ${PULSE_PHASES.join('|')} --to <aad-object-id>
       npm run campaign -- send <theme-id> [--json]
       npm run campaign -- send pulse ${PULSE_PHASES.join('|')} [--json]
       npm run campaign -- pause | resume
theme ids: ${THEME_IDS.join(', ')}`;

class UsageError extends Error {}

function themeArgument(value: string | undefined) {
  if (!isThemeId(value)) throw new UsageError(`unknown theme "${value ?? ''}"`);
  return value;
}

function phaseArgument(value: string | undefined) {
  if (!isPulsePhase(value)) throw new UsageError(`the pulse needs a phase: ${PULSE_PHASES.join(' or ')}`);
  return value;
}

async function run(tools: CampaignTools, args: string[]): Promise<number> {
  const [command, argument, phase] = args;
  const pulse = argument === 'pulse';
  const json = args.includes('--json');
  const now = new Date();
  switch (command) {
    case 'status':
      printStatus(await tools.campaign.status(now), tools, json);
      return 0;
    case 'pause':
    case 'resume':
      await tools.campaign.setPaused(command === 'pause', now);
      console.log(command === 'pause' ? 'campaign paused' : 'campaign resumed');
      return 0;
    case 'preview': {
      const to = args[args.indexOf('--to') + 1];
      if (!args.includes('--to') || !to) throw new UsageError('preview needs --to <aad-object-id>');
      const outcomes = pulse
        ? await tools.previewPulse(phaseArgument(phase), to)
        : await tools.preview(themeArgument(argument), to);
      if (outcomes.length === 0)
        throw new StartupError(`no recipient with Entra object id ${to}: they must have refleks installed`);
      console.log(JSON.stringify({ to, outcomes }));
      return outcomes.every((o) => o.status === 'sent') ? 0 : 1;
    }
    case 'send': {
      const summary = pulse
        ? await tools.sendPulseAndWait(phaseArgument(phase))
        : await tools.sendAndWait(themeArgument(argument));
      console.log(
        json
          ? JSON.stringify(summary)
          : `${summary.messageId}: ${summary.sent} sent, ${summary.failed} failed, ${summary.skipped} not reached`,
      );
      return summary.pending === 0 ? 0 : 1;
    }
    default:
      throw new UsageError(command ? `unknown command "${command}"` : 'no command given');
  }
}

async function main(): Promise<void> {
  (await import('dotenv')).config({ quiet: true });
  let tools: CampaignTools | undefined;
  try {
    tools = openCampaignTools(process.env);
    process.exitCode = await run(tools, process.argv.slice(2));
  } catch (error) {
    if (error instanceof UsageError) console.error(`${error.message}\n${USAGE}`);
    else console.error(error instanceof StartupError ? error.message : error);
    process.exitCode = error instanceof UsageError ? 2 : 1;
  } finally {
    await tools?.close();
  }
}

void main();
