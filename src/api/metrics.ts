/**
 * Prometheus metrics (prom-client): queue depth, prediction durations, counts by final status and
 * HTTP latencies. Served at GET /metrics.
 *
 * @example
 *   const metrics = createMetrics(() => store.queueDepth());
 *   metrics.finished('completed', 'kwaivgi/kling-v2.6-pro/image-to-video', 4.2);
 */
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

export interface ServiceMetrics {
  registry: Registry;
  finished(status: string, model: string, seconds: number): void;
  submitted(model: string): void;
  started(waitSeconds: number): void;
  http(method: string, route: string, status: number, seconds: number): void;
  /** a submitted image was analysed (identical images arriving together count once) */
  analysed(): void;
}

export function createMetrics(queueDepth: () => Promise<{ created: number; processing: number }>): ServiceMetrics {
  const registry = new Registry();
  // prom-client's default metrics are already named process_* / nodejs_*: the prefix adds only our
  // namespace (moviola_process_cpu_seconds_total, not moviola_process_process_…)
  collectDefaultMetrics({ register: registry, prefix: 'moviola_' });
  new Gauge({
    name: 'moviola_queue_depth', help: 'predictions waiting (created) or rendering (processing)', labelNames: ['status'], registers: [registry],
    async collect() {
      const depth = await queueDepth();
      this.set({ status: 'created' }, depth.created);
      this.set({ status: 'processing' }, depth.processing);
    },
  });
  const submittedTotal = new Counter({ name: 'moviola_predictions_submitted_total', help: 'predictions accepted', labelNames: ['model'], registers: [registry] });
  const finishedTotal = new Counter({ name: 'moviola_predictions_total', help: 'predictions by final status', labelNames: ['status', 'model'], registers: [registry] });
  const duration = new Histogram({
    name: 'moviola_prediction_duration_seconds', help: 'render time from lease to terminal state', labelNames: ['status', 'model'],
    buckets: [1, 2, 5, 10, 20, 40, 80, 160, 320], registers: [registry],
  });
  const wait = new Histogram({
    name: 'moviola_queue_wait_seconds', help: 'time from submit to processing', buckets: [0.01, 0.05, 0.1, 0.5, 1, 5, 30, 120, 600], registers: [registry],
  });
  const http = new Histogram({
    name: 'moviola_http_request_duration_seconds', help: 'HTTP request latency', labelNames: ['method', 'route', 'status'],
    buckets: [0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1, 5, 30], registers: [registry],
  });
  const analyses = new Counter({ name: 'moviola_image_analyses_total', help: 'submitted images analysed (identical images arriving together count once)', registers: [registry] });
  return {
    registry,
    analysed() {
      analyses.inc();
    },
    finished(status, model, seconds) {
      finishedTotal.inc({ status, model });
      duration.observe({ status, model }, seconds);
    },
    submitted(model) {
      submittedTotal.inc({ model });
    },
    started(waitSeconds) {
      wait.observe(waitSeconds);
    },
    http(method, route, status, seconds) {
      http.observe({ method, route, status: String(status) }, seconds);
    },
  };
}
