// The picture of a document's plans: every domain with its numbers of goals, measures and
// quantified targets, as marks and figures, equal to what /data/clauses.json and /data/targets.json
// hold (counted here, never written down), with a table saying the same, readable on a phone and
// on paper. On a site of one document it is on the home page; in a library, on each document's page
// (the home page lists the documents).
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { docSlugOf, planIdOf } from '../../src/model/ids';

interface Clause {
  id: string;
  url: string;
  kind: string;
  planTitle: string | null;
  domain: string | null;
}

interface Figures {
  planTitle: string;
  name: string;
  url: string;
  goals: number;
  measures: number;
  targets: number;
}

/** Per domain ID (a goal's or measure's ID without its last part): its plan, page and numbers. */
async function expected(request: APIRequestContext): Promise<Map<string, Figures>> {
  const clauses = (await (await request.get('/data/clauses.json')).json()) as Clause[];
  const targets = (await (await request.get('/data/targets.json')).json()) as { clauseId: string }[];
  const domains = new Map<string, Figures>();
  const domainOf = (id: string) => id.slice(0, id.lastIndexOf('.'));
  for (const c of clauses) {
    if (c.kind !== 'goal' && c.kind !== 'measure') continue;
    const id = domainOf(c.id);
    const d = domains.get(id) ?? { planTitle: c.planTitle ?? '', name: c.domain ?? '', url: c.url.replace(/[^/]+\/$/, ''), goals: 0, measures: 0, targets: 0 };
    if (c.kind === 'goal') d.goals++;
    else d.measures++;
    domains.set(id, d);
  }
  for (const t of targets) {
    const d = domains.get(domainOf(t.clauseId));
    if (d === undefined) throw new Error(`target of ${t.clauseId}, which is no goal or measure`);
    d.targets++;
  }
  return domains;
}


/** The site's documents in order, and where each one's pictures are. */
function placesOf(want: Map<string, Figures>): { doc: string; url: string; plans: string[] }[] {
  const docs = [...new Set([...want.keys()].map(docSlugOf))];
  return docs.map((doc) => ({ doc, url: docs.length > 1 ? `/${doc}/` : '/', plans: [...new Set([...want.keys()].filter((id) => docSlugOf(id) === doc).map(planIdOf))] }));
}

const pictures = (page: Page) => page.getByRole('main').getByRole('img', { name: /各发展领域的主要目标、策略措施和量化目标/ });

test('the picture shows each domain’s goals, measures and targets as counted from clauses.json and targets.json, and so does its table', async ({ page, request }) => {
  const want = await expected(request);
  expect(want.size).toBeGreaterThan(0);
  const places = placesOf(want);
  if (places.length > 1) {
    await page.goto('/');
    await expect(pictures(page), 'a library’s home page lists the documents; their pictures are on their pages').toHaveCount(0);
  }
  for (const place of places) {
    await page.goto(place.url);
    await expect(pictures(page)).toHaveCount(place.plans.length);
    for (const plan of place.plans) {
      const mine = [...want].filter(([id]) => planIdOf(id) === plan);
      const planTitle = mine[0]?.[1].planTitle ?? '';
      const total = (k: 'goals' | 'measures' | 'targets') => mine.reduce((s, [, d]) => s + d[k], 0);
      const picture = page.getByRole('img', { name: new RegExp(`^${planTitle.replace(/[()（）]/g, '.')}`) });
      await expect(picture).toHaveAccessibleDescription(new RegExp(`${mine.length}个发展领域，共${total('goals')}项主要目标、${total('measures')}项策略措施、${total('targets')}项量化目标`));

      // The picture: per domain, the figure written and the marks drawn, and where the pointer layer
      // under it links. The picture itself holds no link (an image's content is presentational).
      await expect(picture.locator('a')).toHaveCount(0);
      const hrefs = new Map(
        await picture.locator('xpath=..').locator('svg.links a[data-domain-id]').evaluateAll((links) => links.map((a) => [a.getAttribute('data-domain-id') ?? '', a.getAttribute('href')] as const)),
      );
      const drawn = await picture.locator('[data-domain-id]').evaluateAll((blocks) =>
        blocks.map((b) => {
          const count = (k: string) => ({ written: Number(b.querySelector(`[data-count="${k}"]`)?.textContent), marks: b.querySelectorAll(`.mark.${k}`).length });
          return { id: b.getAttribute('data-domain-id') ?? '', goals: count('goals'), measures: count('measures'), targets: count('targets') };
        }),
      );
      expect(drawn.map((d) => d.id), `domains in the picture of ${planTitle}`).toEqual(mine.map(([id]) => id));
      expect([...hrefs.keys()], `links under the picture of ${planTitle}`).toEqual(mine.map(([id]) => id));
      for (const d of drawn) {
        const w = want.get(d.id)!;
        expect(hrefs.get(d.id), d.id).toBe(w.url);
        for (const k of ['goals', 'measures', 'targets'] as const) {
          expect(d[k], `${d.id} ${k}: figure and marks in the picture`).toEqual({ written: w[k], marks: w[k] });
        }
      }

      // The text alternative: a table with the same numbers and a link to each domain.
      const table = page.getByRole('table', { name: new RegExp(`^${planTitle.replace(/[()（）]/g, '.')}`) });
      const rows = await table.locator('tbody tr').evaluateAll((trs) =>
        trs.map((tr) => ({
          href: tr.querySelector('th a')?.getAttribute('href') ?? '',
          cells: Array.from(tr.querySelectorAll('td'), (td) => Number(td.textContent)),
        })),
      );
      expect(rows).toEqual(mine.map(([, d]) => ({ href: d.url, cells: [d.goals, d.measures, d.targets] })));
      await expect(table.locator('tfoot td')).toHaveText([String(total('goals')), String(total('measures')), String(total('targets'))]);
    }
  }
});

test('a domain in the picture takes a pointer to its page; keyboards and screen readers use the table’s link', async ({ page, request }) => {
  const want = await expected(request);
  const [id, first] = [...want][0]!;
  await page.goto(placesOf(want)[0]!.url);
  const picture = pictures(page).first();
  // The picture's links are neither tab stops nor in the accessibility tree, so each domain has one link there.
  await expect(page.getByRole('main').getByRole('link', { name: new RegExp(`${first.name}$`) })).toHaveCount(1);
  // A click where the domain's title is drawn (the link layer under the picture takes it).
  const drawnTitle = picture.locator(`[data-domain-id="${id}"] .domain-title`);
  await drawnTitle.scrollIntoViewIfNeeded();
  const title = await drawnTitle.boundingBox();
  expect(title, 'the domain title in the picture').not.toBeNull();
  await page.mouse.click((title?.x ?? 0) + (title?.width ?? 0) / 2, (title?.y ?? 0) + (title?.height ?? 0) / 2);
  await expect(page).toHaveURL(first.url);
});

test('on a 360 px phone the pictures fit the screen, one above the other, with text of at least 11 px', async ({ page, request }) => {
  const [place] = placesOf(await expected(request));
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto(place!.url);
  const boxes = await pictures(page).evaluateAll((svgs) =>
    svgs.map((svg) => {
      const box = svg.getBoundingClientRect();
      const scale = box.width / (svg as SVGSVGElement).viewBox.baseVal.width;
      const smallest = Math.min(...Array.from(svg.querySelectorAll('text'), (t) => parseFloat(getComputedStyle(t).fontSize) * scale));
      return { left: box.left, right: box.right, top: box.top, bottom: box.bottom, smallest };
    }),
  );
  expect(boxes).toHaveLength(place!.plans.length);
  for (const b of boxes) {
    expect(b.left).toBeGreaterThanOrEqual(0);
    expect(b.right).toBeLessThanOrEqual(360);
    expect(b.smallest, 'smallest text in the picture, in CSS px').toBeGreaterThanOrEqual(11);
  }
  expect(boxes[1]!.top, 'the second plan below the first').toBeGreaterThan(boxes[0]!.bottom);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

  await page.setViewportSize({ width: 1280, height: 900 });
  const wide = await pictures(page).evaluateAll((svgs) => svgs.map((svg) => svg.getBoundingClientRect().top));
  expect(Math.abs(wide[0]! - wide[1]!), 'on a wide screen the two plans side by side').toBeLessThan(1);
});

test('the picture works without JavaScript, and on paper keeps its colours with text at AA contrast', async ({ browser, request }) => {
  const [place] = placesOf(await expected(request));
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.emulateMedia({ media: 'print' });
  await page.goto(place!.url);
  await expect(pictures(page)).toHaveCount(place!.plans.length);
  const paint = await pictures(page).first().evaluate((svg) => {
    const rgb = (c: string) => (c.match(/\d+(\.\d+)?/g) ?? []).slice(0, 3).map(Number);
    const luminance = (c: string) => {
      const [r = 0, g = 0, b = 0] = rgb(c).map((v) => v / 255).map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
      return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    const contrast = (c: string) => 1.05 / (luminance(c) + 0.05); // against white paper
    const texts = Array.from(svg.querySelectorAll('text'), (t) => contrast(getComputedStyle(t).fill));
    const marks = Array.from(svg.querySelectorAll('.mark'), (m) => ({ contrast: contrast(getComputedStyle(m).fill), adjust: getComputedStyle(m).printColorAdjust }));
    return { text: Math.min(...texts), mark: Math.min(...marks.map((m) => m.contrast)), adjust: [...new Set(marks.map((m) => m.adjust))], fills: new Set(Array.from(svg.querySelectorAll('.mark'), (m) => getComputedStyle(m).fill)).size };
  });
  expect(paint.text, 'lowest text contrast on white').toBeGreaterThanOrEqual(4.5);
  expect(paint.mark, 'lowest mark contrast on white').toBeGreaterThanOrEqual(3);
  expect(paint.adjust).toEqual(['exact']);
  expect(paint.fills, 'goals, measures and targets in three colours').toBe(3);
  await context.close();
});
