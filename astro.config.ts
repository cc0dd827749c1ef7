import mdx from '@astrojs/mdx';
import { defineConfig } from 'astro/config';
import { siteBase, siteUrl } from './src/model/ids';
import { rehypeNoBreak } from './src/render/rehype-no-break';

export default defineConfig({
  // The public address the site is served from (SITE_URL); used for sitemap.xml, canonical links and citations.
  site: siteUrl(process.env),
  // The path the site lives under on its host (SITE_URL's path, e.g. /fuer/; else /). Astro puts its
  // own assets under it; our links go through src/scripts/base.ts `withBase`.
  base: siteBase(process.env),
  trailingSlash: 'always',
  // Stylesheets ship as files, never inlined, so the Content-Security-Policy (src/render/content-security-policy.ts) needs
  // no 'unsafe-inline' or hashes for styles.
  build: { format: 'directory', inlineStylesheets: 'never' },
  // Clause text must reach the page unaltered: no curly quotes or dashes from smartypants, and no
  // GFM (a ~~ or a bare URL in a clause is text, not strikethrough or a link).
  markdown: { smartypants: false, gfm: false },
  // Ranges such as （2021—2030年） and 0—6岁 stay on one line (src/render/rehype-no-break.ts).
  integrations: [mdx({ smartypants: false, gfm: false, rehypePlugins: [rehypeNoBreak] })],
  server: { host: '127.0.0.1', port: 4321 },
  devToolbar: { enabled: false },
  // Scripts (and any asset) ship as files, never inlined, so the Content-Security-Policy can forbid inline script.
  vite: { build: { assetsInlineLimit: 0 } },
});
