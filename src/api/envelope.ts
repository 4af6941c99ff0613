/**
 * WaveSpeed's response envelope: `{ code, message, data }`, `code` the HTTP status.
 *
 * @example
 *   reply.send(ok({ balance: 12.5 })) // → { code: 200, message: 'success', data: { balance: 12.5 } }
 */
export function ok<T>(data: T): { code: 200; message: 'success'; data: T } {
  return { code: 200, message: 'success', data };
}

export function failure(status: number, message: string, errorCode: string): { code: number; message: string; data: { error: string } } {
  return { code: status, message, data: { error: errorCode } };
}
