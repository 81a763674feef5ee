import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface TlsMaterial {
  dir: string;
  /** PEM of the certificate: give it to Node as NODE_EXTRA_CA_CERTS. */
  certPath: string;
  cert: string;
  key: string;
}

/**
 * A throw-away certificate for 127.0.0.1 and localhost, made with openssl.
 * Microsoft's libraries only talk https to an authority (MSAL refuses
 * http://) and only sign https Graph requests, so the stand-ins use TLS, and
 * the service trusts them through NODE_EXTRA_CA_CERTS.
 */
export function makeSelfSignedTls(dir = mkdtempSync(path.join(os.tmpdir(), 'refleks-tls-'))): TlsMaterial {
  mkdirSync(dir, { recursive: true });
  const keyPath = path.join(dir, 'key.pem');
  const certPath = path.join(dir, 'cert.pem');
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-sha256',
      '-days',
      '2',
      '-subj',
      '/CN=localhost',
      '-addext',
      'subjectAltName=IP:127.0.0.1,DNS:localhost',
      '-addext',
      'basicConstraints=critical,CA:TRUE',
      '-keyout',
      keyPath,
      '-out',
      certPath,
    ],
    { stdio: 'ignore' },
  );
  const key = readFileSync(keyPath, 'utf8');
  const cert = readFileSync(certPath, 'utf8');
  writeFileSync(path.join(dir, 'key-and-cert.pem'), key + cert);
  return { dir, certPath, cert, key };
}
