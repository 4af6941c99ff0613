/**
 * Unguessable ids: 128 random bits as 32 hex characters (the shape of WaveSpeed's prediction ids).
 *
 * @example
 *   newId() // → '5c0e2f1a9b7d4e3f8a6c1b2d3e4f5a6b'
 */
import { randomBytes } from 'node:crypto';

export function newId(): string {
  return randomBytes(16).toString('hex');
}
