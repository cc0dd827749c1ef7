// The Content-Security-Policy every page carries as <meta http-equiv> (src/layouts/Base.astro).
//
// The site is plain files, so the policy travels in the page. Every script and stylesheet the
// build emits is a file of this origin (astro.config.ts: nothing inlined), so 'self' covers them
// and no hash or 'unsafe-inline' is needed, for scripts or for styles. Nothing compiles code at
// run time: the search page reads the index with plain scripts (no WebAssembly, no eval).
// tests/e2e/csp.spec.ts fails on any violation and on any inline script or on* attribute.

/** Directive name → its sources, in the order they are written. */
export const cspDirectives = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'style-src': ["'self'"],
  'img-src': ["'self'"],
  'connect-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'self'"],
  // DOM sinks that turn a string into markup or script (innerHTML, script.src = …) take no strings
  // at all: the site's scripts build nodes and set textContent.
  'require-trusted-types-for': ["'script'"],
  'trusted-types': ["'none'"],
} as const satisfies Record<string, readonly string[]>;

/**
 * Directives a browser ignores (with a console error) when the policy comes in a <meta> element:
 * they work only as an HTTP header, which a static host must send itself (README, "Security").
 */
export const headerOnlyDirectives = ['frame-ancestors', 'report-uri', 'report-to', 'sandbox'] as const;

/** The policy as the content of <meta http-equiv="Content-Security-Policy">. */
export function contentSecurityPolicy(directives: Readonly<Record<string, readonly string[]>> = cspDirectives): string {
  return Object.entries(directives)
    .map(([name, sources]) => {
      if ((headerOnlyDirectives as readonly string[]).includes(name)) {
        throw new Error(`CSP directive ${name} has no effect in a <meta> element; send it as an HTTP header from the host instead.`);
      }
      return [name, ...sources].join(' ');
    })
    .join('; ');
}
