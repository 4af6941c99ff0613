/**
 * Server-sent events for one prediction: an `event: status` with the prediction object whenever its
 * status or progress changes, ending after the terminal one.
 *
 * @example (client)
 *   curl -N -H "Authorization: Bearer $KEY" http://127.0.0.1:8080/api/v3/predictions/$ID/events
 *   // event: status
 *   // data: {"id":"…","status":"processing","progress":42,…}
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { baseUrlOf, type ServiceContext } from '../context.js';
import { presentPrediction } from '../present-prediction.js';
import { TERMINAL, type Prediction } from '../../tasks/types.js';

const HEARTBEAT_MS = 15_000;

export function streamEvents(ctx: ServiceContext, request: FastifyRequest, reply: FastifyReply, first: Prediction): void {
  reply.hijack();
  const res = reply.raw;
  res.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache, no-transform',
    connection: 'keep-alive',
    'x-accel-buffering': 'no',
  });
  const base = baseUrlOf(ctx, request);
  let last = '';
  let closed = false;
  let pending = false;

  const send = (p: Prediction) => {
    const wire = presentPrediction(p, ctx.storage, base, { includeInput: false, includePlan: TERMINAL.has(p.status) });
    const signature = `${wire.status}:${wire.progress}`;
    if (signature === last) return;
    last = signature;
    res.write(`event: status\nid: ${Date.now()}\ndata: ${JSON.stringify(wire)}\n\n`);
    if (TERMINAL.has(p.status)) close();
  };
  const refresh = async () => {
    if (closed || pending) return;
    pending = true;
    try {
      const p = await ctx.store.get(first.id);
      if (!p) {
        res.write(`event: deleted\ndata: ${JSON.stringify({ id: first.id })}\n\n`);
        close();
      } else if (!closed) send(p);
    } finally {
      pending = false;
    }
  };
  const off = ctx.events.on(first.id, () => void refresh());
  const heartbeat = setInterval(() => res.write(': keep-alive\n\n'), HEARTBEAT_MS);
  // a slow poll too, in case a change happened in another process
  const poll = setInterval(() => void refresh(), 2000);
  function close() {
    if (closed) return;
    closed = true;
    off();
    offShutdown();
    clearInterval(heartbeat);
    clearInterval(poll);
    res.end();
  }
  request.raw.on('close', close);
  // graceful shutdown: the current state, then a final `event: shutdown` telling the client to poll
  const offShutdown = ctx.shutdown.on(() => {
    void ctx.store.get(first.id).then((p) => {
      if (closed) return;
      if (p) send(p);
      if (closed) return;
      res.write(`event: shutdown\ndata: ${JSON.stringify({ id: first.id, message: 'the server is shutting down; the prediction goes on: poll urls.get or reconnect' })}\n\n`);
      close();
    }, () => close());
  });
  send(first);
}
