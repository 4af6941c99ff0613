/**
 * Delivers webhooks from the store's outbox: POSTs the prediction object, signed per Standard
 * Webhooks (`webhook-id`, `webhook-timestamp`, `webhook-signature`) with the account's secret, and
 * retries non-2xx answers and network errors on a backoff schedule — at least once, surviving
 * restarts (the outbox is in the store).
 *
 * @example
 *   const d = new WebhookDispatcher({ store, storage, backoffMs: [5000, 30000] });
 *   d.start(); d.kick(); await d.stop();
 */
import type { Logger } from 'pino';
import { presentPrediction } from '../api/present-prediction.js';
import { postSigned } from './post-signed.js';
import type { BlobStorage } from '../storage/types.js';
import type { TaskStore, WebhookDelivery } from '../tasks/types.js';
import { OutboundRefusedError, type FetchLike } from '../api/outbound/guarded-fetch.js';

export interface WebhookDispatcherOptions {
  store: TaskStore;
  storage: BlobStorage;
  /** delay before retry n (n = 1, 2, …); after the last, the delivery is given up */
  backoffMs: number[];
  pollMs?: number;
  timeoutMs?: number;
  logger?: Pick<Logger, 'info' | 'warn' | 'error'>;
  /** how a delivery is POSTed: the service passes its outbound guard (default: the global fetch) */
  fetch?: FetchLike;
}

export class WebhookDispatcher {
  private stopping = false;
  private loopDone: Promise<void> | undefined;
  private wakeUp: (() => void) | undefined;

  constructor(private readonly options: WebhookDispatcherOptions) {}

  start(): void {
    this.loopDone = this.loop();
  }

  kick(): void {
    this.wakeUp?.();
  }

  async stop(): Promise<void> {
    this.stopping = true;
    this.kick();
    await this.loopDone;
  }

  private async loop(): Promise<void> {
    while (!this.stopping) {
      let due: WebhookDelivery[] = [];
      try {
        due = await this.options.store.dueDeliveries(new Date(), 20);
        await Promise.all(due.map((d) => this.deliver(d)));
      } catch (error) {
        this.options.logger?.error({ err: error }, 'webhooks: dispatch failed');
      }
      if (due.length === 0 && !this.stopping) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, this.options.pollMs ?? 500);
          this.wakeUp = () => {
            clearTimeout(timer);
            resolve();
          };
        });
      }
    }
  }

  private async deliver(delivery: WebhookDelivery): Promise<void> {
    const { store, storage, backoffMs, logger } = this.options;
    const prediction = await store.get(delivery.predictionId);
    const account = await store.account(delivery.accountId);
    if (!prediction || !account) {
      await store.deliveryDone(delivery.id);
      return;
    }
    const payload = JSON.stringify(presentPrediction(prediction, storage, prediction.baseUrl));
    let problem: string;
    try {
      const status = await postSigned(delivery.url, account.webhookSecret, delivery.id, payload, { timeoutMs: this.options.timeoutMs, fetch: this.options.fetch });
      if (status >= 200 && status < 300) {
        await store.deliveryDone(delivery.id);
        return;
      }
      problem = `HTTP ${status}`;
    } catch (error) {
      problem = error instanceof OutboundRefusedError ? 'refused: the URL is not an http(s) URL of a public address' : (error as Error).message;
    }
    const delay = backoffMs[delivery.attempts];
    await store.deliveryRetry(delivery.id, delay === undefined ? null : new Date(Date.now() + delay), problem);
    logger?.warn({ webhook: delivery.id, url: delivery.url, attempt: delivery.attempts + 1, problem }, delay === undefined ? 'webhook: giving up' : 'webhook: will retry');
  }
}
