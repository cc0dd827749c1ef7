// Site-wide wording that is not derived from the content: the site's name and the unit kinds' names.

/** Shown in the header, in every <title> and as the home page's h1. */
export const siteName = '妇女儿童发展规划参考版';

/** The kinds of citable unit a <Unit> may carry, with the name a reader sees. */
export const unitKindNames = {
  notice: '印发通知',
  preamble: '序言',
  guidance: '指导思想',
  principle: '基本原则',
  goal: '主要目标',
  measure: '策略措施',
  implementation: '组织实施',
  monitoring: '监测评估',
} as const;

export type UnitKind = keyof typeof unitKindNames;

/** The reader-facing name of a unit kind; fails the build on a kind the site does not know. */
export function unitKindName(kind: string, uid: string): string {
  if (Object.hasOwn(unitKindNames, kind)) return unitKindNames[kind as UnitKind];
  throw new Error(
    `<Unit uid="${uid}">: unknown kind "${kind}". Expected one of: ${Object.keys(unitKindNames).join(', ')}. ` +
      'Fix the writer (src/lib/write-content.ts) or add the kind to unitKindNames in src/lib/site-config.ts.',
  );
}

export type HeadingLevel = 1 | 2 | 3 | 4 | 5 | 6;

/**
 * The heading level an MDX component was given (`level="3"`), checked: a wrong level would silently
 * break the page's outline, so it fails the build instead.
 */
export function headingLevel(level: string | number, where: string, min: HeadingLevel = 2, max: HeadingLevel = 4): HeadingLevel {
  const n = typeof level === 'number' ? level : Number.parseInt(level, 10);
  if (!Number.isInteger(n) || String(n) !== String(level).trim() || n < min || n > max) {
    throw new Error(`${where}: level="${String(level)}" is not a heading level from ${min} to ${max}.`);
  }
  return n as HeadingLevel;
}
