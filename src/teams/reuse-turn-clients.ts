import {
  AuthenticationConstants,
  BotFrameworkAuthentication,
  ConnectorFactory,
  type AuthenticateRequestResult,
  type ClaimsIdentity,
  type ConnectorClient,
  type UserTokenClient,
} from 'botframework-connector';
import type { Activity } from 'botbuilder';
import { createClientCache, type ClientCache } from './client-cache';
import { useCompiledSerializer } from './use-compiled-serializer';

/** The bot's own app id, as botbuilder reads it from an inbound identity. */
const appIdOf = (identity: ClaimsIdentity) =>
  identity.getClaimValue(AuthenticationConstants.AudienceClaim) ??
  identity.getClaimValue(AuthenticationConstants.AppIdClaim) ??
  '';

class ReusingConnectorFactory extends ConnectorFactory {
  constructor(
    private readonly inner: ConnectorFactory,
    private readonly appId: string,
    private readonly cache: ClientCache<ConnectorClient>,
  ) {
    super();
  }

  create(serviceUrl: string, audience?: string): Promise<ConnectorClient> {
    const key = JSON.stringify([this.appId, serviceUrl, audience ?? null]);
    return this.cache(key, () => this.inner.create(serviceUrl, audience).then(useCompiledSerializer));
  }
}

/**
 * botbuilder's CloudAdapter builds a new ConnectorClient and UserTokenClient,
 * each with its own HTTP pipeline, for every incoming activity — about a sixth
 * of a simple turn's CPU. The clients hold no per-turn state (tokens are
 * cached by the credentials, per app id and audience), so refleks keeps one per
 * app id, service URL and audience, as it already does for proactive sends,
 * and has them serialise replies with compiled mappers (use-compiled-serializer).
 * Everything else is botbuilder's own authentication, unchanged.
 */
export class ReusingBotFrameworkAuthentication extends BotFrameworkAuthentication {
  private readonly connectors = createClientCache<ConnectorClient>();
  private readonly userTokenClients = createClientCache<UserTokenClient>();

  constructor(private readonly inner: BotFrameworkAuthentication) {
    super();
  }

  async authenticateRequest(activity: Activity, authHeader: string): Promise<AuthenticateRequestResult> {
    return this.reusing(await this.inner.authenticateRequest(activity, authHeader));
  }

  async authenticateStreamingRequest(authHeader: string, channelIdHeader: string): Promise<AuthenticateRequestResult> {
    return this.reusing(await this.inner.authenticateStreamingRequest(authHeader, channelIdHeader));
  }

  /** Outside a turn (proactive sends) callers keep their own clients, so this one is not shared. */
  createConnectorFactory(claimsIdentity: ClaimsIdentity): ConnectorFactory {
    return this.inner.createConnectorFactory(claimsIdentity);
  }

  createUserTokenClient(claimsIdentity: ClaimsIdentity): Promise<UserTokenClient> {
    return this.userTokenClients(appIdOf(claimsIdentity), () => this.inner.createUserTokenClient(claimsIdentity));
  }

  override createBotFrameworkClient() {
    return this.inner.createBotFrameworkClient();
  }

  override getOriginatingAudience(): string {
    return this.inner.getOriginatingAudience();
  }

  override authenticateChannelRequest(authHeader: string): Promise<ClaimsIdentity> {
    return this.inner.authenticateChannelRequest(authHeader);
  }

  private reusing(result: AuthenticateRequestResult): AuthenticateRequestResult {
    const factory = result.connectorFactory;
    if (!factory) return result;
    const appId = appIdOf(result.claimsIdentity);
    return { ...result, connectorFactory: new ReusingConnectorFactory(factory, appId, this.connectors) };
  }
}
