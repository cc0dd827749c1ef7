// How people ask, as terms the plans can hold. A question (产假有几天, 女生上大学的比例是多少) is
// mostly words the plans never write next to what is asked: its filler and question words (吗,
// 什么, 多少, 怎么, 有没有, 能不能, 规定, 要求, 政策 …), the plans' horizon years (2025年, 2030年)
// and the place they are for (洛阳市) need not occur. `understand` cuts a query's terms at them and
// keeps what is left, each run of other words as one term (母婴式在哪里 → 母婴式: a word the
// segmenter does not know stays whole). Pure.
import { chineseWords } from '../text/segmenter';
import type { Glossary } from './glossary';
import { parseQuery, type Query } from './query';

/**
 * Words a question is made of that say nothing of what it asks: particles, question words,
 * modal verbs, and the words people add to a topic when they look for a rule (规定, 政策, 目标 …).
 * Matched against whole words of the browser's segmentation, never inside a word.
 */
export const fillerWords: ReadonlySet<string> = new Set([
  // particles and function words
  ...'吗 呢 吧 啊 呀 嘛 么 哦 哈 的 地 得 了 过 着 是 有 在 和 跟 与 及 或 都 也 就 还 又 才 被 把 给 让 这 那 这个 那个 这些 那些 这样 那样 这种 那种 这类 还是 或者 以及 并且 而且 越来越'.split(' '),
  // (之, 以, 于, 为, 其 are not here: they are characters of words as often, 儿童之家, 以上.)
  // question words
  ...'什么 啥 多少 几 几个 几天 几年 几岁 几次 几项 几成 多久 多长 多大 多高 多远 多少钱 怎么 怎样 怎么样 怎么办 办 如何 为什么 为何 为啥 咋 咋办 哪 哪些 哪个 哪里 哪儿 哪种 哪类 哪年 何时 什么时候 啥时候'.split(' '),
  // yes-no questions and modal verbs
  ...'有没有 有无 没有 是不是 是否 能不能 能否 可不可以 可否 会不会 要不要 该不该 需不需要 可以 能 会 要 该 应该 应当 需要 必须 得到'.split(' '),
  // asking and the asker
  ...'请问 问 问一下 想问 我想 想 想知道 知道 了解 查 查询 查一下 看看 一下 我 我们 我家 我的 你 你们 咱们 他们 她们 大家 谁'.split(' '),
  // what people add to a topic when they look for the rule on it
  ...'规定 要求 政策 相关 有关 关于 方面 问题 情况 内容 具体 目标 指标 措施 办法 规划 文件 条文 条款 提到 提出 说 讲 写 达到 实现'.split(' '),
]);

/** A year of the plans' horizon (2021–2035), with or without 年 and the words that frame it (到, 前, 底). */
const horizonYear = /(?:到|至|截至)?20(?:2\d|3[0-5])年?(?:前|底|末|时)?/gu;

/** What `understand` made of a query. */
export interface Understood {
  /** The query with only the words that carry what is asked. */
  readonly query: Query;
  /** What was left out, as typed (for the sentence that says so). */
  readonly dropped: readonly string[];
}

/**
 * The query without what need not occur (see the top of this file), or null when nothing was left
 * out or nothing would be left. Quoted terms are kept as they are. `places`: the names of the
 * place the plans are for (洛阳市, 洛阳), which need not occur either.
 */
export function understand(query: Query, glossary: Glossary | null, places: readonly string[] = []): Understood | null {
  const segment = chineseWords();
  const dropped: string[] = [];
  const kept: string[] = [];
  for (const term of query.terms) {
    if (term.quoted) {
      kept.push(`“${term.text}”`);
      continue;
    }
    // A term that is a glossary term is what is asked, whatever its characters (有奖, 能力 …).
    if (glossary?.byTerm.has(term.text) === true) {
      kept.push(term.text);
      continue;
    }
    const runs = contentRuns(term.text, segment, places, dropped);
    kept.push(...runs);
  }
  if (dropped.length === 0 || kept.length === 0) return null;
  return { query: parseQuery(kept.join(' '), glossary), dropped: [...new Set(dropped)] };
}

/**
 * A term's runs of words that carry meaning: cut at filler words, horizon years and place names
 * (each added to `dropped`). Without a segmenter, only years and places are cut.
 */
function contentRuns(text: string, segment: ReturnType<typeof chineseWords>, places: readonly string[], dropped: string[]): string[] {
  const cut = '\u0000';
  let marked = text.replace(horizonYear, (year) => {
    dropped.push(year);
    return cut;
  });
  for (const place of [...places].sort((a, b) => b.length - a.length)) {
    if (marked.includes(place)) {
      dropped.push(place);
      marked = marked.split(place).join(cut);
    }
  }
  const pieces: string[] = [];
  for (const part of marked.split(cut)) {
    if (part === '') continue;
    if (segment === undefined) {
      pieces.push(part, cut);
      continue;
    }
    for (const s of segment(part)) {
      if (fillerWords.has(s.segment) || s.isWordLike !== true) {
        if (s.isWordLike === true) dropped.push(s.segment);
        pieces.push(cut);
      } else pieces.push(s.segment);
    }
    pieces.push(cut);
  }
  return pieces
    .join('')
    .split(cut)
    .filter((run) => run !== '' && !(run.length === 1 && !/\d/.test(run)));
}

/**
 * The names of the place a document's plans are for, from their titles (洛阳市妇女发展规划 → 洛阳市,
 * 洛阳): what precedes 妇女/儿童发展规划, with and without its 市/县/区/省.
 */
export function placesOf(planTitles: readonly string[]): string[] {
  const out = new Set<string>();
  for (const title of planTitles) {
    const m = /^(.+?)(?:妇女|儿童)发展(?:规划|纲要)/u.exec(title);
    const place = m?.[1];
    if (place === undefined || place.length < 2) continue;
    out.add(place);
    const bare = place.replace(/(?:市|县|区|省|自治区|自治州)$/u, '');
    if (bare.length >= 2) out.add(bare);
  }
  return [...out];
}
