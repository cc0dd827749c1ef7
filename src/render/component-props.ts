// Checks on what the generated MDX hands the components (<Unit kind level>, <Section level>): a
// wrong value would silently break a page's outline or name, so it fails the build instead.
import { unitKindNames, type UnitKind } from '../model/unit';

/** The reader-facing name of a unit kind; fails the build on a kind the site does not know. */
export function unitKindName(kind: string, uid: string): string {
  if (Object.hasOwn(unitKindNames, kind)) return unitKindNames[kind as UnitKind];
  throw new Error(
    `<Unit uid="${uid}">: unknown kind "${kind}". Expected one of: ${Object.keys(unitKindNames).join(', ')}. ` +
      'Fix the page builder (src/build/07-content/page-bodies.ts) or add the kind to unitKindNames in src/model/unit.ts.',
  );
}

export type HeadingLevel = 1 | 2 | 3 | 4 | 5 | 6;

/** The heading level an MDX component was given (`level="3"`), checked. */
export function headingLevel(level: string | number, where: string, min: HeadingLevel = 2, max: HeadingLevel = 4): HeadingLevel {
  const n = typeof level === 'number' ? level : Number.parseInt(level, 10);
  if (!Number.isInteger(n) || String(n) !== String(level).trim() || n < min || n > max) {
    throw new Error(`${where}: level="${String(level)}" is not a heading level from ${min} to ${max}.`);
  }
  return n as HeadingLevel;
}
