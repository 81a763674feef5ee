/**
 * Where a proactive message to one user goes: the parts of a Bot Framework
 * conversation reference that refleks needs, without names or e-mail addresses.
 * The Teams edge builds it from an activity and turns it back into a reference.
 */
export interface ConversationAddress {
  serviceUrl: string;
  channelId: string;
  conversationId: string;
  conversationType?: string;
  tenantId?: string;
  botId: string;
  /** The channel-specific user id (29:…), needed to address the user. */
  userId: string;
  aadObjectId?: string;
}
