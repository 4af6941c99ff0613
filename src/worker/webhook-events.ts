/**
 * The webhook events before the end (`webhook_events_filter`: start, progress): one signed POST of
 * the prediction when its render starts and as its progress passes each quarter, best effort (one
 * try; the `completed` event goes through the store's outbox with retries). The URL and the events
 * are in the task's input (`event_webhook`), set at submit.
 *
 * @example
 *   const events = new WebhookEvents(store, storage);
 *   events.started(task); events.progress(task, 51);
 */
import type { Logger } from 'pino';
import { presentPrediction } from '../api/present-prediction.js';
import type { BlobStorage } from '../storage/types.js';
import { newId } from '../tasks/ids.js';
import type { Prediction, TaskStore } from '../tasks/types.js';
import type { FetchLike } from '../api/outbound/guarded-fetch.js';
import { postSigned } from './post-signed.js';

/** the progress steps that send an event */
const QUARTERS = [25, 50, 75];

export interface EventWebhook { url: string; events: string[] }

export function eventWebhookOf(task: Prediction): EventWebhook | null {
  const hook = task.input.event_webhook as EventWebhook | undefined;
  return hook && typeof hook.url === 'string' && Array.isArray(hook.events) ? hook : null;
}

export class WebhookEvents {
  /** the last quarter sent, per task */
  private readonly sent = new Map<string, number>();

  constructor(
    private readonly store: TaskStore,
    private readonly storage: BlobStorage,
    private readonly logger?: Pick<Logger, 'warn'>,
    /** how to POST: the service passes its outbound guard */
    private readonly fetch?: FetchLike,
  ) {}

  started(task: Prediction): void {
    if (eventWebhookOf(task)?.events.includes('start')) void this.send(task, 'processing', 0);
  }

  progress(task: Prediction, percent: number): void {
    if (!eventWebhookOf(task)?.events.includes('progress')) return;
    const quarter = QUARTERS.filter((q) => percent >= q).pop();
    if (quarter === undefined || (this.sent.get(task.id) ?? 0) >= quarter) return;
    this.sent.set(task.id, quarter);
    void this.send(task, 'processing', quarter);
  }

  finished(task: Prediction): void {
    this.sent.delete(task.id);
  }

  private async send(task: Prediction, status: 'processing', progress: number): Promise<void> {
    const hook = eventWebhookOf(task)!;
    try {
      const account = await this.store.account(task.accountId);
      if (!account) return;
      const wire = { ...presentPrediction({ ...task, status, progress }, this.storage, task.baseUrl, { includePlan: false }) };
      const status_ = await postSigned(hook.url, account.webhookSecret, `msg_${newId()}`, JSON.stringify(wire), { fetch: this.fetch });
      if (status_ < 200 || status_ >= 300) this.logger?.warn({ prediction: task.id, url: hook.url, status: status_ }, 'webhook event: not accepted');
    } catch (error) {
      this.logger?.warn({ err: error, prediction: task.id, url: hook.url }, 'webhook event: not delivered');
    }
  }
}
