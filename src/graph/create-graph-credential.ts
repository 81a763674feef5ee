import { readFileSync } from 'node:fs';
import {
  ClientCertificateCredential,
  ClientSecretCredential,
  ManagedIdentityCredential,
  type TokenCredential,
} from '@azure/identity';
import type { GraphSettings } from '../config/report-config';
import { StartupError } from '../startup-error';

/** A PEM with the private key and the certificate, as @azure/identity expects; checked at start-up. */
function checkCertificateFile(file: string): void {
  let pem: string;
  try {
    pem = readFileSync(file, 'utf8');
  } catch {
    throw new StartupError(
      `GRAPH_CERTIFICATE_PATH: the file ${file} cannot be read. Check the path and its permissions.`,
    );
  }
  if (!/-----BEGIN (RSA |EC |ENCRYPTED )?PRIVATE KEY-----/.test(pem) || !pem.includes('-----BEGIN CERTIFICATE-----')) {
    throw new StartupError(
      `GRAPH_CERTIFICATE_PATH: ${file} must be one PEM file with both the private key and the certificate (cat key.pem cert.pem > graph.pem).`,
    );
  }
}

/**
 * The identity refleks uses towards Microsoft Graph, chosen by GRAPH_AUTH.
 * Token retries are switched off: the outbox owns retries and counts them.
 * A custom authority host (a sovereign cloud, or a local stand-in) is not in
 * Microsoft's instance list, so instance discovery is skipped for it.
 */
export function createGraphCredential(settings: GraphSettings): TokenCredential {
  const common = {
    retryOptions: { maxRetries: 0 },
    ...(settings.authorityHost ? { authorityHost: settings.authorityHost, disableInstanceDiscovery: true } : {}),
  };
  const tenant = settings.tenantId ?? '';
  const client = settings.clientId ?? '';
  switch (settings.auth) {
    case 'secret':
      return new ClientSecretCredential(tenant, client, settings.clientSecret ?? '', common);
    case 'certificate':
      checkCertificateFile(settings.certificatePath ?? '');
      return new ClientCertificateCredential(
        tenant,
        client,
        { certificatePath: settings.certificatePath ?? '' },
        common,
      );
    case 'managed-identity':
      return settings.clientId
        ? new ManagedIdentityCredential({ clientId: settings.clientId, retryOptions: { maxRetries: 0 } })
        : new ManagedIdentityCredential({ retryOptions: { maxRetries: 0 } });
  }
}
