import { GetSecretValueCommand, type SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import type { SigningKeys } from '../webhooks/ports';
import { parseSigningSecrets } from '../webhooks/signature';

export interface SecretsManagerSigningKeysOptions {
  client: SecretsManagerClient;
  /** A changed secret (a rotation) is used within this long. */
  ttlMs?: number;
  now?: () => number;
}

const DEFAULT_TTL_MS = 5 * 60 * 1000;

/**
 * Signing keys from Secrets Manager, cached per secret for a few minutes: one GetSecretValue per secret per
 * container and TTL, not one per delivery. Concurrent deliveries share one request; a failed request is not cached.
 * Neither the value nor the keys ever reach an error message or a log.
 */
export class SecretsManagerSigningKeys implements SigningKeys {
  private readonly cache = new Map<string, { expiresAt: number; keys: Promise<Buffer[]> }>();
  private readonly ttlMs: number;
  private readonly now: () => number;

  constructor(private readonly options: SecretsManagerSigningKeysOptions) {
    this.ttlMs = options.ttlMs ?? DEFAULT_TTL_MS;
    this.now = options.now ?? Date.now;
  }

  keysFor(secretName: string): Promise<Buffer[]> {
    const now = this.now();
    const cached = this.cache.get(secretName);
    if (cached && cached.expiresAt > now) return cached.keys;
    const keys = this.fetch(secretName);
    this.cache.set(secretName, { expiresAt: now + this.ttlMs, keys });
    keys.catch(() => {
      if (this.cache.get(secretName)?.keys === keys) this.cache.delete(secretName);
    });
    return keys;
  }

  private async fetch(secretName: string): Promise<Buffer[]> {
    const { SecretString } = await this.options.client.send(new GetSecretValueCommand({ SecretId: secretName }));
    if (!SecretString) throw new Error(`secret ${secretName} has no string value; store the whsec_ secret(s) as text`);
    try {
      return parseSigningSecrets(SecretString);
    } catch (error) {
      // parseSigningSecrets never quotes the value, so its message is safe to pass on.
      throw new Error(`secret ${secretName}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}
