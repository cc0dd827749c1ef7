// The everyday topics of /topics/ (src/data/topics.json): checked, and each given the clauses whose
// text holds one of its terms. Another document may not hold every term, so a topic no clause
// touches is left out of the site; that every term is a wording of the seeds is a data check of the
// unit tests (tests/unit/topics.test.ts), as for the glossary.
import topicsData from '../../data/topics.json' with { type: 'json' };
import { slugPattern } from '../../model/ids';
import type { TopicContent } from '../../model/topic';
import type { Unit } from '../../model/unit';
import { normalize } from '../../text/normalize';
import { describe, isRecord, topLevelList } from '../data-file';

export class TopicError extends Error {
  override readonly name = 'TopicError';
}

export interface Topic {
  readonly slug: string;
  readonly name: string;
  readonly description: string;
  readonly terms: readonly string[];
}

/** The kinds of unit a topic lists: what the plans ask, not their framing. */
const listed = new Set(['goal', 'measure', 'implementation', 'monitoring']);

/** Validates topics.json: { "$comment"?, "topics": [ { slug, name, description, terms } ] }. */
export function loadTopics(json: unknown, file = 'src/data/topics.json'): Topic[] {
  const fail = (where: string, what: string): never => {
    throw new TopicError(`${file}: ${where}: ${what}`);
  };
  const slugs = new Set<string>();
  return topLevelList(json, 'topics', fail).list.map((raw: unknown, index) => {
    const at = `topics[${index}]`;
    if (!isRecord(raw)) return fail(at, `expected an object {slug, name, description, terms}, got ${describe(raw)}`);
    for (const key of Object.keys(raw)) if (!['slug', 'name', 'description', 'terms'].includes(key)) fail(at, `unknown key ${JSON.stringify(key)}`);
    const text = (key: string): string => {
      const v = raw[key];
      return typeof v === 'string' && v.trim() !== '' ? v.trim() : fail(`${at}.${key}`, `expected a non-empty string, got ${describe(v)}`);
    };
    const slug = text('slug');
    if (!slugPattern.test(slug)) fail(`${at}.slug`, `${JSON.stringify(slug)}: use lower-case letters, digits and single hyphens`);
    if (slugs.has(slug)) fail(`${at}.slug`, `${JSON.stringify(slug)} is the slug of another topic; slugs are addresses and must be unique`);
    slugs.add(slug);
    const terms = raw['terms'];
    if (!Array.isArray(terms) || terms.length === 0 || !terms.every((t) => typeof t === 'string' && [...t.trim()].length >= 2)) {
      return fail(`${at}.terms`, `expected a non-empty array of the plans' wordings (2 characters or more), got ${describe(terms)}`);
    }
    return { slug, name: text('name'), description: text('description'), terms: (terms as string[]).map((t) => t.trim()) };
  });
}

/** Each topic that some clause touches, with the clauses holding its terms, in document order. */
export function topicsContent(units: readonly Unit[], topics: readonly Topic[]): TopicContent[] {
  const texts = units.filter((u) => listed.has(u.kind)).map((u) => ({ unit: u, text: normalize(u.text).replace(/\s/gu, '') }));
  return topics.flatMap((topic) => {
    const clauses = texts.flatMap(({ unit, text }) => {
      const held = topic.terms.filter((t) => text.includes(normalize(t).replace(/\s/gu, '')));
      return held.length === 0 ? [] : [{ id: unit.id, url: unit.url, label: unit.label, shortTitle: unit.shortTitle, planTitle: unit.planTitle ?? '', domain: unit.domain, terms: held }];
    });
    return clauses.length === 0 ? [] : [{ ...topic, clauses }];
  });
}

/** The site's topics. */
export const topics: readonly Topic[] = loadTopics(topicsData);
