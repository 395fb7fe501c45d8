#!/usr/bin/env node
/**
 * A static server for the built site, as real hosts serve it, for the
 * benchmark and the tests:
 *
 *   node scripts/serve.mjs [--dir dist] [--port 4321] [--host 127.0.0.1]
 *                          [--base /interactive/mali-blockade/]
 *                          [--gzip]       compress responses (gzip, as most hosts do)
 *                          [--headers]    apply the `_headers` file of the built site
 *                                         (Netlify/Cloudflare Pages format: the CSP, etc.)
 *
 * Files come from sirv; compression from the `compression` middleware.
 * Without --gzip, nothing is compressed (a plain static server).
 */
import { createServer } from 'node:http';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import sirv from 'sirv';
import compression from 'compression';

const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] && !args[i + 1].startsWith('--') ? args[i + 1] : fallback;
};
const flag = (name) => args.includes(`--${name}`);

const dir = opt('dir', 'dist');
const port = Number(opt('port', '4321'));
const host = opt('host', '127.0.0.1');
const base = opt('base', '/').replace(/\/?$/, '/');

/** Rules of a `_headers` file: [path pattern, [[name, value]…]] (patterns may end in `*`). */
function readHeaders(file) {
  if (!existsSync(file)) return [];
  const rules = [];
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line.trim() || line.trim().startsWith('#')) continue;
    if (!/^\s/.test(line)) rules.push([line.trim(), []]);
    else if (rules.length) {
      const i = line.indexOf(':');
      rules.at(-1)[1].push([line.slice(0, i).trim(), line.slice(i + 1).trim()]);
    }
  }
  return rules;
}
const headerRules = flag('headers') ? readHeaders(join(dir, '_headers')) : [];
const matches = (pattern, path) => (pattern.endsWith('*') ? path.startsWith(pattern.slice(0, -1)) : path === pattern);

const files = sirv(dir, { dev: true, etag: true, extensions: ['html'] });
const gzip = flag('gzip') ? compression({ threshold: 0 }) : (_req, _res, next) => next();

const server = createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://localhost');
  if (!url.pathname.startsWith(base)) {
    res.writeHead(404).end('not under the base path');
    return;
  }
  const path = `/${url.pathname.slice(base.length)}`;
  for (const [pattern, headers] of headerRules) if (matches(pattern, path)) for (const [name, value] of headers) res.setHeader(name, value);
  req.url = path + url.search;
  gzip(req, res, () =>
    files(req, res, () => {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
    }),
  );
});
server.listen(port, host, () => console.log(`serve: ${dir} at http://${host}:${port}${base}${flag('gzip') ? ' (gzip)' : ' (uncompressed)'}${headerRules.length ? ' with _headers' : ''}`));
