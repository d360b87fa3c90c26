import { request } from 'node:http';
import { gunzipSync } from 'node:zlib';

/**
 * Small HTTP helpers for the bench: a GET/POST that keeps the raw (compressed) size,
 * and reading a server-action form's hidden fields the way a browser with JavaScript
 * off would post them back.
 */

export type Reply = { status: number; bytes: number; body: string; headers: Record<string, string | string[] | undefined> };

export function send(
  port: number,
  urlPath: string,
  options: { method?: string; headers?: Record<string, string>; body?: Buffer } = {},
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(
      // A fresh connection each time: a kept-alive one may be closed by the server just as it is reused.
      { host: '127.0.0.1', port, path: urlPath, method: options.method ?? 'GET', agent: false, headers: { 'accept-encoding': 'gzip', ...options.headers } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const raw = Buffer.concat(chunks);
          const body = res.headers['content-encoding'] === 'gzip' ? gunzipSync(raw).toString('utf8') : raw.toString('utf8');
          resolve({ status: res.statusCode ?? 0, bytes: raw.length, body, headers: res.headers });
        });
      },
    );
    req.on('error', reject);
    if (options.body) req.write(options.body);
    req.end();
  });
}

/** `name=value` pairs of every Set-Cookie of a reply, joined for a Cookie header. */
export function cookiesOf(reply: Reply): string {
  const set = reply.headers['set-cookie'];
  const list = Array.isArray(set) ? set : set ? [set] : [];
  return list
    .map((c) => c.split(';')[0])
    .filter((pair) => !/=$/.test(pair))
    .join('; ');
}

const ENTITIES: Record<string, string> = { quot: '"', amp: '&', lt: '<', gt: '>', apos: "'" };

function decodeEntities(value: string): string {
  return value.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, entity: string) => {
    if (entity[0] === '#') return String.fromCodePoint(entity[1] === 'x' || entity[1] === 'X' ? parseInt(entity.slice(2), 16) : Number(entity.slice(1)));
    return ENTITIES[entity.toLowerCase()] ?? whole;
  });
}

function attributes(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of tag.matchAll(/([^\s=/>]+)(?:="([^"]*)")?/g)) out[m[1].toLowerCase()] = decodeEntities(m[2] ?? '');
  return out;
}

/**
 * The hidden fields React renders into a server-action form (`$ACTION_REF_…`,
 * `$ACTION_…:0`, `$ACTION_KEY`, or `$ACTION_ID_…`) of the form in `html` that has a
 * field named `fieldName`: what a browser without JavaScript posts along with the inputs.
 */
export function actionFields(html: string, fieldName: string): [string, string][] {
  for (const form of html.matchAll(/<form\b[^>]*>([\s\S]*?)<\/form>/g)) {
    const inputs = [...form[1].matchAll(/<(?:input|textarea|select)\b[^>]*>/g)].map((m) => attributes(m[0]));
    if (!inputs.some((a) => a.name === fieldName)) continue;
    return inputs.filter((a) => a.name?.startsWith('$ACTION')).map((a) => [a.name, a.value ?? '']);
  }
  throw new Error(`no form with a field "${fieldName}" on the page`);
}

/** A multipart body as a browser would encode the form (the platform's own encoder). */
export async function multipart(form: FormData): Promise<{ body: Buffer; contentType: string }> {
  const req = new Request('http://127.0.0.1/', { method: 'POST', body: form });
  return { body: Buffer.from(await req.arrayBuffer()), contentType: req.headers.get('content-type')! };
}
