// Everyday topics (/topics/): a topic gathers, across both plans, every clause whose text holds one
// of its terms (src/data/topics.json, build/06-analysis/topics.ts). Pure.

/** A clause a topic lists. */
export interface TopicClause {
  readonly id: string;
  readonly url: string;
  readonly label: string;
  readonly shortTitle: string | null;
  readonly planTitle: string;
  readonly domain: string | null;
  /** The topic's terms the clause holds. */
  readonly terms: readonly string[];
}

export interface TopicContent {
  readonly slug: string;
  readonly name: string;
  readonly description: string;
  readonly terms: readonly string[];
  /** In document order. */
  readonly clauses: readonly TopicClause[];
}

export const topicsUrl = '/topics/';
export const topicUrl = (slug: string): string => `${topicsUrl}${slug}/`;
