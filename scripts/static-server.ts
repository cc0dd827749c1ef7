// A static file server for the benchmarks (bench-pages.ts, bench-search.ts) and the tests that serve
// a build themselves: serves one folder on 127.0.0.1 (a free port) as a static host or CDN does —
// directories as their index.html, text types gzip-compressed when the browser accepts it, an hour
// of caching, optionally under a sub-path — and tells its caller about every response it sends,
// and whether any request is still on its way.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import { gzipSync } from 'node:zlib';

export const HOST = '127.0.0.1';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
};

/** Text types, sent gzip-compressed. Pagefind's own files are compressed already and go as they are. */
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.csv', '.txt', '.xml', '.svg']);

/** One response body the server sent. */
export interface Sent {
  /** The decoded URL path asked for. */
  path: string;
  /** The Content-Type sent. */
  type: string;
  /** Bytes of the file. */
  raw: number;
  /** Bytes sent (compressed for text types when the browser accepts gzip). */
  sent: number;
}

/** Whether anything is in flight, and since when nothing happened. */
export interface Activity {
  inflight: number;
  lastActivity: number;
}

export interface ServeOptions {
  /** Called for every response body sent (not for HEAD requests). */
  onSent?: (sent: Sent) => void;
  /** Serve this file (relative to the root) with status 404 for unknown paths, as hosts do; else a plain-text 404. */
  notFoundPage?: string;
  /** Redirect a directory asked for without its trailing slash (301), as hosts do; else serve its index.html. */
  redirectDirectories?: boolean;
  /**
   * Serve the folder under this path of the host (e.g. `/plans/`, for a site built with a SITE_URL
   * that has a path), as a host serving a site in a sub-folder does; any address outside it is 404.
   */
  mount?: string;
}

export interface StaticServer {
  server: Server;
  /** e.g. http://127.0.0.1:40123 */
  base: string;
  activity: Activity;
  close(): Promise<void>;
}

/** Serves `root` (an absolute, normalized path) until closed. */
export function serveStatic(root: string, options: ServeOptions = {}): Promise<StaticServer> {
  const activity: Activity = { inflight: 0, lastActivity: Date.now() };
  const gzipped = new Map<string, Buffer>();
  const server = createServer((req, res) => {
    activity.inflight++;
    activity.lastActivity = Date.now();
    res.on('close', () => {
      activity.inflight--;
      activity.lastActivity = Date.now();
    });
    let pathname: string;
    try {
      pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    } catch {
      res.writeHead(400).end();
      return;
    }
    const mount = options.mount ?? '/';
    if (!`${pathname}/`.startsWith(mount)) {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found (outside the site)');
      return;
    }
    let file = normalize(join(root, pathname.slice(mount.length - 1)));
    if (file !== root && !file.startsWith(root + sep)) {
      res.writeHead(403).end();
      return;
    }
    if (existsSync(file) && statSync(file).isDirectory()) {
      if (options.redirectDirectories === true && !pathname.endsWith('/')) {
        res.writeHead(301, { Location: `${pathname}/` }).end();
        return;
      }
      file = join(file, 'index.html');
    }
    let status = 200;
    if (!existsSync(file) || !statSync(file).isFile()) {
      if (options.notFoundPage === undefined) {
        res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
        return;
      }
      status = 404;
      file = join(root, options.notFoundPage);
    }
    const ext = extname(file).toLowerCase();
    const type = TYPES[ext] ?? 'application/octet-stream';
    const raw = readFileSync(file);
    let body: Buffer = raw;
    const headers: Record<string, string | number> = { 'Content-Type': type, 'Cache-Control': 'public, max-age=3600', Vary: 'Accept-Encoding' };
    if (COMPRESSIBLE.has(ext) && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))) {
      const z = gzipped.get(file) ?? gzipSync(raw, { level: 9 });
      gzipped.set(file, z);
      body = z;
      headers['Content-Encoding'] = 'gzip';
    }
    headers['Content-Length'] = body.length;
    res.writeHead(status, headers);
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    res.end(body);
    options.onSent?.({ path: pathname, type, raw: raw.length, sent: body.length });
  });
  return new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(0, HOST, () => {
      const { port } = server.address() as AddressInfo;
      ok({ server, base: `http://${HOST}:${port}`, activity, close: () => new Promise<void>((done) => server.close(() => done())) });
    });
  });
}

/** Resolves once nothing has been in flight for `quietMs`, or after `maxMs` in any case. */
export async function networkQuiet(activity: Activity, quietMs: number, maxMs: number): Promise<void> {
  const start = Date.now();
  while (Date.now() - start < maxMs) {
    if (activity.inflight <= 0 && Date.now() - activity.lastActivity >= quietMs) return;
    await new Promise((r) => setTimeout(r, 25));
  }
}
