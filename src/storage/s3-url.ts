/**
 * Parses MOVIOLA_STORAGE_URL for S3: `s3://bucket[/prefix]?endpoint=…&region=…&forcePathStyle=true`.
 * Credentials are not part of it: the AWS SDK reads the standard AWS_* environment variables.
 *
 * @example
 *   parseS3Url('s3://clips/prod?endpoint=http://minio:9000&region=us-east-1&forcePathStyle=true')
 *   // → { bucket: 'clips', prefix: 'prod/', endpoint: 'http://minio:9000', region: 'us-east-1', forcePathStyle: true }
 */
export interface S3Location {
  bucket: string;
  /** '' or a prefix ending in '/' */
  prefix: string;
  endpoint?: string;
  region: string;
  forcePathStyle: boolean;
}

const OPTIONS = new Set(['endpoint', 'region', 'forcePathStyle']);

export function parseS3Url(text: string): S3Location {
  const problem = (rule: string) => new Error(`MOVIOLA_STORAGE_URL: ${rule} (got "${text}")`);
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw problem('must be s3://bucket[/prefix]?endpoint=…&region=…&forcePathStyle=true');
  }
  if (url.protocol !== 's3:') throw problem('must start with s3://');
  if (!url.hostname) throw problem('must name a bucket: s3://bucket');
  for (const name of url.searchParams.keys()) {
    if (!OPTIONS.has(name)) throw problem(`unknown option "${name}" (known: ${[...OPTIONS].join(', ')})`);
  }
  const endpoint = url.searchParams.get('endpoint') ?? undefined;
  if (endpoint !== undefined && !/^https?:\/\/[^/]/.test(endpoint)) throw problem('endpoint must be an http(s) URL');
  const forcePathStyle = url.searchParams.get('forcePathStyle');
  if (forcePathStyle !== null && forcePathStyle !== 'true' && forcePathStyle !== 'false') throw problem('forcePathStyle must be true or false');
  const prefix = decodeURIComponent(url.pathname).replace(/^\/+|\/+$/g, '');
  return {
    bucket: url.hostname,
    prefix: prefix ? `${prefix}/` : '',
    endpoint,
    region: url.searchParams.get('region') ?? process.env.AWS_REGION ?? 'us-east-1',
    forcePathStyle: forcePathStyle === 'true',
  };
}
