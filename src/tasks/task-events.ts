/**
 * In-process notifications of prediction changes: the store calls `emit` after every commit; SSE
 * streams, sync-mode requests and idle workers listen. (The distributed mode feeds the same events
 * from PostgreSQL's LISTEN/NOTIFY.)
 *
 * @example
 *   const events = new TaskEvents();
 *   const off = events.on(id, (status) => console.log(status));
 */
import { EventEmitter } from 'node:events';
import type { PredictionStatus } from './types.js';

export class TaskEvents {
  private readonly emitter = new EventEmitter();

  constructor() {
    this.emitter.setMaxListeners(0);
  }

  emit(id: string, status: PredictionStatus): void {
    this.emitter.emit(id, status);
    this.emitter.emit('*', id, status);
  }

  /** listens to one prediction; returns the unsubscribe function */
  on(id: string, listener: (status: PredictionStatus) => void): () => void {
    this.emitter.on(id, listener);
    return () => this.emitter.off(id, listener);
  }

  /** listens to every prediction */
  onAny(listener: (id: string, status: PredictionStatus) => void): () => void {
    this.emitter.on('*', listener);
    return () => this.emitter.off('*', listener);
  }
}
