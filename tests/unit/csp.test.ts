import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, cspDirectives, headerOnlyDirectives } from '../../src/render/content-security-policy';

const directives = (policy: string) => new Map(policy.split(';').map((d) => d.trim().split(/\s+/)).map(([name = '', ...sources]) => [name, sources]));

describe('the Content-Security-Policy', () => {
  const policy = directives(contentSecurityPolicy());

  it('runs only this site’s script files: no inline script, no eval, no WebAssembly', () => {
    expect(policy.get('script-src')).toEqual(["'self'"]);
    expect(contentSecurityPolicy()).not.toMatch(/'unsafe-inline'|'unsafe-eval'|'unsafe-hashes'|'strict-dynamic'/);
  });

  it('loads everything from this site only, and no plugins', () => {
    for (const name of ['default-src', 'style-src', 'img-src', 'connect-src', 'base-uri', 'form-action']) expect(policy.get(name), name).toEqual(["'self'"]);
    expect(policy.get('object-src')).toEqual(["'none'"]);
    expect(contentSecurityPolicy()).not.toMatch(/\*|https?:|data:|blob:/);
  });

  it('refuses a directive that a <meta> policy cannot carry', () => {
    for (const name of headerOnlyDirectives) {
      expect(() => contentSecurityPolicy({ ...cspDirectives, [name]: ["'none'"] }), name).toThrow(/HTTP header/);
    }
  });
});
