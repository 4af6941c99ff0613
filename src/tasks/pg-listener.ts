/**
 * One dedicated PostgreSQL connection that LISTENs for task changes. When the connection drops (a
 * database restart, a network cut) it reconnects with a growing delay and, once back, calls
 * `onReconnect` so the process re-checks what it may have missed (idle workers look at the queue,
 * the webhook dispatcher looks at the outbox).
 *
 * @example
 *   const listener = new PgListener(url, (payload) => console.log(payload));
 *   await listener.start(); … await listener.stop();
 */
import pg from 'pg';
import type { Logger } from 'pino';

export const TASKS_CHANNEL = 'moviola_tasks';

export class PgListener {
  private client: pg.Client | undefined;
  private stopped = false;
  private retryTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly url: string,
    private readonly onPayload: (payload: string) => void,
    private readonly options: { logger?: Pick<Logger, 'info' | 'warn' | 'error'>; onReconnect?: () => void } = {},
  ) {}

  async start(): Promise<void> {
    await this.connect();
  }

  private async connect(): Promise<void> {
    const client = new pg.Client({ connectionString: this.url, connectionTimeoutMillis: 10_000 });
    client.on('notification', (message) => message.payload && this.onPayload(message.payload));
    client.on('error', (error) => this.lost(client, error));
    client.on('end', () => this.lost(client));
    await client.connect();
    await client.query(`LISTEN ${TASKS_CHANNEL}`);
    this.client = client;
  }

  private lost(client: pg.Client, error?: Error): void {
    if (this.stopped || this.client !== client) return;
    this.client = undefined;
    client.removeAllListeners('end');
    client.end().catch(() => {});
    this.options.logger?.warn({ err: error }, 'postgres: LISTEN connection lost; reconnecting');
    this.retry(100);
  }

  private retry(delayMs: number): void {
    this.retryTimer = setTimeout(() => {
      this.connect().then(() => {
        this.options.logger?.info('postgres: LISTEN connection back');
        this.options.onReconnect?.();
      }, () => !this.stopped && this.retry(Math.min(delayMs * 2, 2000)));
    }, delayMs);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.retryTimer);
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => {});
  }
}
