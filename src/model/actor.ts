// The bodies the plans name and what the plans ask of them: what the build's actor index
// (build/06-analysis/actors.ts) finds, carried in content/actors.json to the /actors/ pages, and
// in public form as dist/data/actors.json (docs/contracts.md).

export interface Mention {
  readonly clauseId: string;
  /** The sentence (the unit's text split after 。 and ； and at line ends) naming the body, verbatim. */
  readonly sentence: string;
  /** Offsets (UTF-16) of the body's name in `sentence`. */
  readonly start: number;
  readonly end: number;
  /** The duty verb tied to the body (各级统计部门牵头组织… → 牵头), or null. */
  readonly duty: string | null;
}

export interface Actor {
  readonly slug: string;
  readonly name: string;
  readonly aliases: string[];
  readonly group: string;
  /** Units naming the body, in unit order, each once. */
  readonly clauseIds: string[];
  readonly mentions: Mention[];
}

export interface Division {
  /** What the body does, in the plan's words: 牵头组织开展年度监测, 向同级妇儿工委报告…, 监测组牵头. */
  readonly role: string;
  /** The body as the sentence names it, with its level: 各级统计部门, 下级妇儿工委. */
  readonly actor: string;
  readonly slug: string;
  readonly clauseId: string;
  readonly sentence: string;
}

export type MentionContent = Mention & { readonly url: string; readonly label: string; readonly planTitle: string; readonly domain: string | null };
export type ActorContent = Omit<Actor, 'mentions'> & { readonly mentions: MentionContent[] };
export interface ActorsContent {
  readonly actors: ActorContent[];
  readonly division: Division[];
}
