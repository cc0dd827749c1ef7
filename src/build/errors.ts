// The catalogue of everything that can be wrong with a seed document. Checks throw a `PlanError`;
// reporters (console, JSON) live elsewhere and only format what is here.

/** Each kind of problem, with the advice a person can act on. */
export const errorKinds = {
  undecodable: 'Save the file as UTF-8 (with or without BOM) or GBK/GB18030.',
  'no-plan': 'A plan starts with its title on a line of its own, e.g. 洛阳市妇女发展规划（2021—2030年）.',
  'missing-part': 'Each plan has its parts in order: 一、总体要求 (or 一、指导思想、基本原则和总体目标) 二、发展领域、主要目标和策略措施, then 三、组织实施 四、监测评估, or 三、重点工程 (重点项目) 四、组织实施 五、监测评估.',
  'unexpected-text': 'Check that this line belongs where it stands, or that a heading above it is spelled as the family expects.',
  'skipped-number': 'Renumber the items so they run 1, 2, 3… without gaps.',
  'repeated-number': 'Renumber the items so each number appears once.',
  'missing-goals': 'Each domain needs a 主要目标： heading followed by numbered goals.',
  'missing-measures': 'Each domain needs a 策略措施： heading followed by numbered measures.',
  'empty-section': 'A heading (主要目标, 策略措施, a part or a sub-head) must be followed by what it heads: at least one paragraph or numbered item.',
  'fidelity': 'This is a bug in the parser: a source line is not held by exactly one unit of the model.',
  'seeds': 'Put at least one plan document (*.txt) in seeds/.',
  'duplicate-document': 'Each document in seeds/ needs its own 文号: remove the copy, or correct the number in its notice or its metadata file.',
  'metadata': 'Correct the metadata file beside the seed (seeds/<slug>.yaml; its fields: docs/contracts.md, "Document metadata").',
} as const;

export type ErrorKind = keyof typeof errorKinds;

/** A problem in a seed, located at file:line, saying what was expected and what was found. */
export class PlanError extends Error {
  readonly kind: ErrorKind;
  readonly file: string;
  readonly line: number | null;
  readonly expected: string;
  readonly found: string;

  constructor(kind: ErrorKind, where: { file: string; line: number | null }, expected: string, found: string) {
    const at = where.line === null ? where.file : `${where.file}:${where.line}`;
    super(`${at}: expected ${expected}, found ${found}. ${errorKinds[kind]}`);
    this.name = 'PlanError';
    this.kind = kind;
    this.file = where.file;
    this.line = where.line;
    this.expected = expected;
    this.found = found;
  }
}

/** Quote a source line for an error message, shortened so the message stays on one screen line. */
export function quote(text: string, max = 40): string {
  const chars = [...text];
  return `“${chars.length > max ? `${chars.slice(0, max).join('')}…` : text}”`;
}
