/** What the importers read out of another tool's files, before it is placed in the dataset. */

export interface ImportedClaim {
  /** Where it came from, for messages: `file.ann:T3`, `export.jsonl:4 span 2`. */
  origin: string;
  /** The article's path as the source names it (dataset path, file name or stem), when it does. */
  article: string | undefined;
  /** The text the source's offsets count in, when it carries one (to match the article by content). */
  text?: string;
  id: string | undefined;
  actor: string;
  commitment: string;
  stance: string;
  condition: string | undefined;
  fields: Array<[string, unknown]>;
  speaker: string | undefined;
  annotator: string | undefined;
  note: string | undefined;
  /** Code-point offsets, as every format here counts. */
  quote: { exact: string; prefix?: string; suffix?: string; start?: number; end?: number };
  /** Labels the source gives for ids the codebook may not have (used by --add-to-codebook). */
  labels?: { actor?: string; commitment?: string; stance?: string };
}

export interface ImportProblem {
  origin: string;
  message: string;
}
