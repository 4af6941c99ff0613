/**
 * Uploads a picked image the way the official SDKs do: ask POST /api/v3/media/uploads for a ticket,
 * PUT the bytes to its signed URL, and use its `download_url` as the prediction's `image`. Falls back
 * to the older multipart POST /api/v3/media/upload/binary if the ticket route is missing.
 *
 * @example
 *   const url = await uploadImage(api, file); // → 'http://…/files/…/cat.png'
 */
import { Api, ApiFailure, unwrap } from './api.js';

interface Ticket {
  download_url: string;
  upload: { url: string; method?: string; headers?: Record<string, string> };
}

export async function uploadImage(api: Api, file: File): Promise<string> {
  let ticket: Ticket;
  try {
    ticket = await api.post<Ticket>('/api/v3/media/uploads', { filename: file.name || 'image', size: file.size, content_type: file.type || 'application/octet-stream' });
  } catch (e) {
    if (e instanceof ApiFailure && e.status === 404 && !e.errorCode?.startsWith('UPLOAD')) return uploadBinary(api, file);
    throw e;
  }
  const put = await fetch(ticket.upload.url, {
    method: ticket.upload.method ?? 'PUT',
    headers: ticket.upload.headers ?? { 'content-type': file.type },
    body: file,
  });
  if (!put.ok) await unwrap(put);
  return ticket.download_url;
}

async function uploadBinary(api: Api, file: File): Promise<string> {
  const body = new FormData();
  body.append('file', file, file.name || 'image');
  const response = await fetch('/api/v3/media/upload/binary', { method: 'POST', headers: api.headers(), body });
  const data = await unwrap<{ download_url: string }>(response);
  return data.download_url;
}
