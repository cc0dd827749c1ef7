// sitemap.xml (https://www.sitemaps.org/protocol.html) for a list of absolute URLs.

function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);
}

/** A urlset listing each URL once, in the order given. */
export function sitemapXml(urls: readonly (URL | string)[]): string {
  const unique = [...new Set(urls.map(String))];
  const body = unique.map((url) => `  <url><loc>${escapeXml(url)}</loc></url>\n`).join('');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${body}</urlset>\n`;
}
