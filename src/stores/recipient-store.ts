import type { Language } from '../content/languages';
import type { Recipient, RecipientSighting } from '../domain/recipient';

/**
 * Who the bot can reach. Async so that a network-backed store (Azure Storage)
 * can implement it without changing callers.
 */
export interface RecipientStore {
  /** Install or any activity from the user: create or refresh, and mark active. */
  recordSighting(sighting: RecipientSighting, at: Date): Promise<Recipient>;
  /** Uninstall: keep the row (for reinstall) but stop reaching the user. */
  markInactive(tenantId: string, aadObjectId: string, at: Date): Promise<Recipient | undefined>;
  get(tenantId: string, aadObjectId: string): Promise<Recipient | undefined>;
  /** The same Entra user in any tenant (for admin tools that only know the object id). */
  findByAadObjectId(aadObjectId: string): Promise<Recipient[]>;
  setLanguage(tenantId: string, aadObjectId: string, language: Language): Promise<void>;
  setPaused(tenantId: string, aadObjectId: string, paused: boolean): Promise<void>;
  countActive(): Promise<number>;
}

/** Lifecycle of the storage behind all stores. */
export interface StorageHealth {
  isReachable(): Promise<boolean>;
  close(): Promise<void>;
}
