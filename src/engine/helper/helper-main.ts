/**
 * The helper thread's body (built by `npm run build:bundles`, see bundles/entries.ts): starts one task per message, in
 * the order they arrive (an asynchronous task lets the next one start while it waits), and answers
 * each with its result or its error.
 *
 * Messages in: { id, task, input }. Out: { id, result } | { id, error: { message, stack } }.
 */
import { parentPort } from 'node:worker_threads';
import { HELPER_TASKS, transferables, type HelperTask } from './tasks.js';

const port = parentPort!;

port.on('message', async (msg: { id: number; task: HelperTask; input: never }) => {
  try {
    const result = await HELPER_TASKS[msg.task](msg.input);
    port.postMessage({ id: msg.id, result }, transferables(result));
  } catch (err) {
    const error = err instanceof Error ? err : new Error(String(err));
    port.postMessage({ id: msg.id, error: { message: error.message, stack: error.stack } });
  }
});
