// Fidelity: prove that every character of the source lands in exactly one unit of the model, by
// rebuilding each non-blank source line from the model's `Line`s and comparing.
import { onPart, type Document, type Line, type PartHandlers } from '../../model/document';
import type { DecodedFile } from '../02-decode/decode';
import { PlanError, quote } from '../errors';

export interface FidelityReport {
  /** Non-blank source lines, each rebuilt from exactly one Line of the model. */
  readonly lines: number;
  /** Characters in those lines (without leading/trailing whitespace), all accounted for. */
  readonly characters: number;
}

/** Every Line the model holds, in document order. */
export function linesOf(doc: Document): Line[] {
  const n = doc.notice;
  const notice = n === null ? [] : [n.docNumber, n.issuer, ...n.title, n.addressees, ...n.body, n.date];
  const plans = doc.plans.flatMap((plan) => [plan.title, plan.preambleHeading, ...plan.preamble, ...plan.parts.flatMap((part) => [part.heading, ...onPart(part, partLines)])]);
  return [...notice, ...plans].filter((l) => l !== null);
}

/** The Lines under a part's heading, in order, by its role. */
const partLines: PartHandlers<(Line | null)[]> = {
  general: ({ guidance, principles, aims }) => [
    guidance?.heading ?? null, ...(guidance?.lines ?? []),
    principles?.heading ?? null, ...(principles?.principles ?? []).flatMap((p) => p.lines),
    aims?.heading ?? null, ...(aims?.lines ?? []),
  ],
  domains: ({ domains }) => domains.flatMap((d) => [d.heading, d.goalsHeading, ...d.goals.flatMap((g) => g.lines), d.measuresHeading, ...d.measures.flatMap((m) => m.lines)]),
  projects: ({ projects }) => projects.flatMap((p) => p.lines),
  implementation: ({ items }) => items.flatMap((i) => i.lines),
  monitoring: ({ items }) => items.flatMap((i) => i.lines),
};

/** Throws a PlanError at the first source line the model loses, doubles or alters. */
export function checkFidelity(decoded: DecodedFile, doc: Document): FidelityReport {
  const owners = new Map<number, Line[]>();
  for (const l of linesOf(doc)) owners.set(l.line, [...(owners.get(l.line) ?? []), l]);
  let lines = 0;
  let characters = 0;
  decoded.lines.forEach((raw, i) => {
    const n = i + 1;
    const source = raw.replace(/^[\s\ufeff]+|\s+$/gu, '');
    const held = owners.get(n) ?? [];
    owners.delete(n);
    const where = { file: decoded.file, line: n };
    if (source === '') {
      if (held.length > 0) throw new PlanError('fidelity', where, 'no unit on a blank line', `${held.length}`);
      return;
    }
    if (held.length !== 1) {
      throw new PlanError('fidelity', where, `${quote(source)} in exactly one unit`, `it in ${held.length}`);
    }
    const [line] = held;
    const rebuilt = line === undefined ? '' : line.marker + line.text;
    if (rebuilt !== source) throw new PlanError('fidelity', where, quote(source), quote(rebuilt));
    lines++;
    characters += [...source].length;
  });
  const [stray] = owners.keys();
  if (stray !== undefined) throw new PlanError('fidelity', { file: decoded.file, line: stray }, 'a line of the source', 'a line number past the end');
  return { lines, characters };
}
