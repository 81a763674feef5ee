import type { BotFrameworkAuthentication } from 'botframework-connector';
import type { MemberLookup } from '../reports/delivery-ports';
import { createConnectorClients } from './connector-clients';
import { withDeadline } from '../domain/with-deadline';

/** What Teams returns for a member (TeamsChannelAccount); botbuilder types it as a plain ChannelAccount. */
interface TeamsMember {
  name?: string;
  email?: string;
  userPrincipalName?: string;
}

/**
 * The reporter's name and e-mail from the Teams roster of their own chat with
 * the bot (GET /v3/conversations/{id}/members/{userId}). It needs no Graph
 * permission, and refleks keeps neither: they go into the mail and are gone.
 * If Teams cannot answer, the mail names the user by Entra object id instead.
 */
export function createMemberLookup(auth: BotFrameworkAuthentication, appId: string, timeoutMs = 15000): MemberLookup {
  const clientFor = createConnectorClients(auth, appId);
  return {
    async lookup(address) {
      try {
        // The deadline covers the token too, so a hung token endpoint cannot hold the report worker.
        const member = (await withDeadline(timeoutMs, async (abortSignal) => {
          const client = await clientFor(address.serviceUrl);
          return client.conversations.getConversationMember(address.conversationId, address.userId, { abortSignal });
        })) as TeamsMember;
        return { name: member.name || undefined, email: member.email || member.userPrincipalName || undefined };
      } catch {
        return {};
      }
    },
  };
}
