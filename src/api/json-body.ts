/**
 * The JSON body parser: Fastify's own (secure-json-parse, so `__proto__` and
 * `constructor.prototype` keys are refused — error-handler.ts names them), plus two rules:
 * an empty body is an empty object (body-less routes such as cancel just work, as many HTTP clients
 * send `Content-Type: application/json` with nothing; a route that needs fields names the first
 * missing one), and nesting deeper than MAX_DEPTH is a 400 rather than work for the validators.
 *
 * @example
 *   jsonBodyParser(app); // before the routes are registered
 */
import type { FastifyInstance } from 'fastify';
import { apiError } from './errors.js';

/** deeper than any request of ours (a voice_list entry is 3 levels) */
export const MAX_DEPTH = 32;

export function jsonBodyParser(app: FastifyInstance): void {
  const parse = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    const text = body as string;
    if (text.trim() === '') return done(null, {});
    // a quick bracket count refuses absurd nesting before JSON.parse spends seconds on it
    if (bracketDepth(text) > MAX_DEPTH) return done(apiError('BODY_TOO_DEEP', { limit: MAX_DEPTH }), undefined);
    parse(request, text, (error, value) => {
      if (error) return done(isPlainJson(text) ? apiError('BODY_FORBIDDEN_KEY') : error, undefined);
      done(null, value);
    });
  });
}

/** valid JSON to a plain parser: Fastify's refusal was then its prototype-poisoning protection */
function isPlainJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/** the deepest [ / { nesting outside strings, stopping early once past MAX_DEPTH (strings are skipped with indexOf, so a large base64 image costs little) */
function bracketDepth(text: string): number {
  let depth = 0;
  let max = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) {
      // jump to the closing quote: one not preceded by an odd number of backslashes
      for (;;) {
        const end = text.indexOf('"', i + 1);
        if (end < 0) return max;
        let slashes = 0;
        while (text.charCodeAt(end - 1 - slashes) === 92) slashes++;
        i = end;
        if (slashes % 2 === 0) break;
      }
    } else if (c === 123 || c === 91) {
      if (++depth > max && (max = depth) > MAX_DEPTH) return max;
    } else if (c === 125 || c === 93) depth--;
  }
  return max;
}
