import type { WebhookDispatcher } from "./events";
import type { Store } from "./store";

/** What handlers share: storage and how the emulator is reached from outside. */
export interface EmulatorContext {
  store: Store;
  /** Host name clients use for SFTP, e.g. 127.0.0.1. */
  sftpHost: string;
  sftpPort: number;
  /** Base URL of the HTTP port, for share-link URLs. */
  publicUrl: () => string;
  now: () => number;
  webhooks: WebhookDispatcher;
}
