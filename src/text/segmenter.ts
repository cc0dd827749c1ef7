// Chinese word segmentation: the platform's own (ICU, through Intl.Segmenter), one instance for
// every reader — the cross-linker's terms, the search vocabulary, the search page's short forms
// and a term's words. Pure: runs in Node and in the browser.

/** A text's words, as Intl.Segmenter gives them: where each begins (UTF-16 code units of the text). */
export type Segment = (text: string) => Iterable<{ index: number; segment: string; isWordLike?: boolean | undefined }>;

let zhSegmenter: Intl.Segmenter | undefined;

/** Chinese word segmentation; undefined where Intl.Segmenter is missing (an old browser). */
export function chineseWords(): Segment | undefined {
  if (typeof Intl.Segmenter !== 'function') return undefined;
  zhSegmenter ??= new Intl.Segmenter('zh', { granularity: 'word' });
  const segmenter = zhSegmenter;
  return (text) => segmenter.segment(text);
}

/** chineseWords() where it must exist (the build: Node has had Intl.Segmenter since version 16). */
export function requireChineseWords(): Segment {
  const segment = chineseWords();
  if (segment === undefined) throw new Error('This JavaScript runtime has no Intl.Segmenter; the build needs Node 20 or later.');
  return segment;
}
