/**
 * Settings every process shares (e.g. the upload-URL signing key): the first process to ask creates
 * the value, all others read the same one (`ON CONFLICT DO NOTHING`, then read).
 *
 * @example
 *   const key = await sharedSetting(sdb, 'upload_signing_key', () => randomBytes(32).toString('base64'));
 */
import type { StoreDb } from './store-db.js';

export async function sharedSetting({ db }: StoreDb, name: string, create: () => string): Promise<string> {
  await db.insertInto('settings').values({ name, value: create() }).onConflict((oc) => oc.column('name').doNothing()).execute();
  const row = await db.selectFrom('settings').select('value').where('name', '=', name).executeTakeFirstOrThrow();
  return row.value;
}
