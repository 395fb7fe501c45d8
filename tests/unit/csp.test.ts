/**
 * The Content Security Policy (src/security/csp.mjs): strict where the issue
 * asks, the same in the page's <meta>, the generated `_headers` and the nginx
 * snippet of docs/deploy.md.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CSP_DIRECTIVES, HEADER_ONLY_DIRECTIVES, META_POLICY, headerPolicy } from '../../src/security/csp.mjs';
import { metaPolicy, pathsOf } from '../../src/security/headers-integration.mjs';

/** A policy as a map of directive name → its sources. */
function parse(policy: string): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const part of policy.split(';').map((p) => p.trim()).filter(Boolean)) {
    const [name, ...sources] = part.split(/\s+/);
    expect(map.has(name), `${name} stated twice`).toBe(false);
    map.set(name, sources);
  }
  return map;
}

describe('the policy', () => {
  const policy = parse(META_POLICY);

  it('loads scripts only from the site itself: no inline script, no eval', () => {
    expect(policy.get('script-src')).toEqual(["'self'"]);
    expect(META_POLICY).not.toMatch(/unsafe-inline|unsafe-eval|strict-dynamic/);
  });

  it('loads nothing from another origin', () => {
    expect(policy.get('default-src')).toEqual(["'self'"]);
    expect(policy.get('connect-src')).toEqual(["'self'"]);
    for (const sources of policy.values()) for (const source of sources) expect(source).toMatch(/^('self'|'none'|data:)$/);
  });

  it("lets the map's same-origin worker start, and nothing else run as a worker", () => {
    expect(policy.get('worker-src')).toEqual(["'self'"]);
  });

  it('shuts plugins, base and form targets', () => {
    expect(policy.get('object-src')).toEqual(["'none'"]);
    expect(policy.get('base-uri')).toEqual(["'self'"]);
    expect(policy.get('form-action')).toEqual(["'none'"]);
  });

  it('says nothing a <meta> cannot carry; the header adds frame-ancestors so any site may embed the pages', () => {
    expect(policy.has('frame-ancestors')).toBe(false);
    const header = parse(headerPolicy(META_POLICY));
    expect(header.get('frame-ancestors')).toEqual(['*']);
    expect([...header.keys()]).toEqual([...CSP_DIRECTIVES.map((d) => d.split(' ')[0]), ...HEADER_ONLY_DIRECTIVES.map((d) => d.split(' ')[0])]);
  });
});

describe('the generated _headers', () => {
  it('reads the policy back from a page, entities and all', () => {
    const html = `<head><meta charset="utf-8"><meta http-equiv="content-security-policy" content="${META_POLICY.replace(/'/g, '&#39;')}"></head>`;
    expect(metaPolicy(html)).toBe(META_POLICY);
    expect(metaPolicy('<head></head>')).toBeUndefined();
  });

  it('gives a page both of its addresses', () => {
    expect(pathsOf('index.html')).toEqual(['/', '/index.html']);
    expect(pathsOf('fr/educators/index.html')).toEqual(['/fr/educators/', '/fr/educators/index.html']);
    expect(pathsOf('404.html')).toEqual(['/404.html']);
  });
});

describe('docs/deploy.md', () => {
  const doc = readFileSync('docs/deploy.md', 'utf8');

  it('states the <meta> policy as the pages do', () => {
    expect(doc).toContain(META_POLICY);
  });

  it("gives nginx the header's policy", () => {
    const nginx = /~\^text\/html "([^"]+)"/.exec(doc)?.[1];
    expect(nginx).toBeDefined();
    expect(parse(nginx!)).toEqual(parse(headerPolicy(META_POLICY)));
  });
});
