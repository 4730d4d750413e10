/**
 * Places imported claims in a dataset: finds each claim's article, anchors its quote with the
 * core's resolver, gives it its carried id when free (a fresh one otherwise), and turns the lot
 * into new sidecar texts: existing sidecars get canonical insertions (core/edit), missing ones a
 * canonical new file. Nothing already there is overwritten: a claim whose id or span + actor +
 * commitment + stance is already in the sidecar is skipped. Ids the codebook lacks are reported,
 * or with `addToCodebook` added to it.
 */
import type { CheckResult } from '../dataset/check';
import { loadCodebookFile, type ArticleFile, type CodebookFile, type SidecarFile } from '../dataset/files';
import { CODEBOOK_FILE } from '../dataset/host';
import { effectiveFields, type Codebook } from '../model/codebook';
import { applyEdits } from '../fixes/apply';
import { appendToMap, renderScalar } from '../fixes/yamlEdit';
import { resolveQuote, makeQuote } from '../anchor';
import { sha256Hex } from '../text/sha256';
import type { TextIndex } from '../text/textIndex';
import { addActor, articleNameFor, claimIdsIn, editRefusal, idProblem, insertClaims, newClaimId, newSidecarText, sidecarPathFor, type FieldValue, type NewClaim, type RandomSource } from '../edit';
import type { ImportedClaim, ImportProblem } from './importTypes';

export interface ImportOptions {
  addToCodebook?: boolean;
  random: RandomSource;
}

export interface ImportPlan {
  /** Files to write (dataset paths), sorted: the codebook when it grew, then sidecars. */
  writes: Array<{ path: string; text: string; created: boolean }>;
  imported: number;
  /** Claims already in the dataset (same id, or same span and ids). */
  existing: number;
  /** Claims not imported, and why. */
  skipped: ImportProblem[];
  /** Codebook entries added (`actor macron`, …). */
  added: string[];
}

type Kind = 'actor' | 'commitment' | 'stance';
const CLAIM_ID = /^[A-Za-z0-9][A-Za-z0-9_-]*$/;

export function planImport(result: CheckResult, claims: readonly ImportedClaim[], options: ImportOptions): ImportPlan {
  const plan: ImportPlan = { writes: [], imported: 0, existing: 0, skipped: [], added: [] };
  let codebookFile = result.codebook;
  if (!codebookFile) return { ...plan, skipped: [{ origin: CODEBOOK_FILE, message: 'no codebook' }] };
  const refusal = editRefusal(codebookFile);
  if (refusal) return { ...plan, skipped: claims.map((c) => ({ origin: c.origin, message: refusal.message })) };

  // Unknown ids: reported, or added to the codebook first (so the claims below are valid).
  const unknown = new Map<string, { kind: Kind; id: string; label: string | undefined }>();
  const known = (cb: Codebook, kind: Kind, id: string) => (kind === 'actor' ? cb.actors : kind === 'commitment' ? cb.commitments : cb.stances).has(id);
  const accepted: ImportedClaim[] = [];
  for (const c of claims) {
    const missing = (['actor', 'commitment', 'stance'] as const).filter((k) => !known(codebookFile!.model, k, c[k]));
    const bad = missing.find((k) => idProblem(c[k], new Set()) !== undefined);
    if (bad) {
      plan.skipped.push({ origin: c.origin, message: `${bad} '${c[bad]}' is not a codebook id (lower-kebab-case)` });
      continue;
    }
    if (missing.length > 0 && !options.addToCodebook) {
      plan.skipped.push({ origin: c.origin, message: `unknown ${missing.map((k) => `${k} '${c[k]}'`).join(', ')} (--add-to-codebook adds it)` });
      continue;
    }
    for (const k of missing) if (!unknown.has(`${k}:${c[k]}`)) unknown.set(`${k}:${c[k]}`, { kind: k, id: c[k], label: c.labels?.[k] });
    accepted.push(c);
  }
  for (const entry of [...unknown.values()].sort((a, b) => (a.kind + a.id < b.kind + b.id ? -1 : 1))) {
    const next = addEntry(codebookFile, entry);
    if (typeof next === 'string') return { ...plan, skipped: [...plan.skipped, ...accepted.map((c) => ({ origin: c.origin, message: `could not add ${entry.kind} '${entry.id}' to the codebook: ${next}` }))] };
    codebookFile = next;
    plan.added.push(`${entry.kind} ${entry.id}`);
  }
  if (plan.added.length > 0) plan.writes.push({ path: CODEBOOK_FILE, text: codebookFile.text, created: false });

  const articles = articleFinder(result);
  const byArticle = new Map<string, { article: ArticleFile & { index: TextIndex }; claims: NewClaim[]; origins: string[] }>();
  const sidecarOf = new Map<string, SidecarFile>();
  for (const s of result.sidecars) if (s.article?.path && sidecarPathFor(s.article.path) === s.sidecar.path) sidecarOf.set(s.article.path, s.sidecar);
  const seen = new Map<string, { ids: Set<string>; spans: Set<string> }>();
  const seenOf = (path: string) => {
    let entry = seen.get(path);
    if (!entry) {
      const ctx = result.sidecars.find((s) => s.sidecar === sidecarOf.get(path));
      entry = {
        ids: ctx ? claimIdsIn(ctx.sidecar) : new Set(),
        spans: new Set((ctx?.claims ?? []).flatMap(({ claim, anchor }) => (anchor && anchor.status !== 'orphaned' ? [spanKey(anchor.start, anchor.end, claim.actor, claim.commitment, claim.stance)] : []))),
      };
      seen.set(path, entry);
    }
    return entry;
  };

  for (const c of accepted) {
    const article = articles(c.article, c.text);
    if (!article) {
      plan.skipped.push({ origin: c.origin, message: `no article of the dataset matches '${c.article ?? '(none named)'}'` });
      continue;
    }
    const found = resolveQuote(c.quote, article.index);
    if (found.status !== 'exact' && found.status !== 'moved') {
      const why = found.status === 'orphaned' ? 'is not in the article' : found.status === 'ambiguous' ? 'matches several passages equally well' : `is only found approximately (similarity ${found.score.toFixed(2)})`;
      plan.skipped.push({ origin: c.origin, message: `the quote ${why} in ${article.path}` });
      continue;
    }
    const s = seenOf(article.path);
    const span = spanKey(found.start, found.end, c.actor, c.commitment, c.stance);
    if ((c.id !== undefined && s.ids.has(c.id)) || s.spans.has(span)) {
      plan.existing++;
      continue;
    }
    const id = c.id !== undefined && CLAIM_ID.test(c.id) ? c.id : newClaimId(s.ids, options.random);
    s.ids.add(id);
    s.spans.add(span);
    const entry = byArticle.get(article.path) ?? { article, claims: [], origins: [] };
    byArticle.set(article.path, entry);
    entry.origins.push(c.origin);
    entry.claims.push({
      id,
      actor: c.actor,
      commitment: c.commitment,
      stance: c.stance,
      ...(c.condition === undefined ? {} : { condition: c.condition }),
      fields: fieldValues(codebookFile.model, c.commitment, c.fields),
      ...(c.speaker === undefined ? {} : { speaker: c.speaker }),
      ...(c.annotator === undefined ? {} : { annotator: c.annotator }),
      ...(c.note === undefined ? {} : { note: c.note }),
      quote: makeQuote(article.index, found.start, found.end),
    });
  }

  for (const [path, entry] of [...byArticle].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    const existing = sidecarOf.get(path);
    const target = existing?.path ?? sidecarPathFor(path);
    if (existing) {
      const edit = insertClaims(existing, entry.claims);
      if (!edit.ok) {
        plan.skipped.push(...entry.origins.map((origin) => ({ origin, message: edit.problem.message })));
        continue;
      }
      plan.writes.push({ path: target, text: applyEdits(existing.text, edit.edits).text, created: false });
    } else {
      if (result.texts.has(target)) {
        plan.skipped.push(...entry.origins.map((origin) => ({ origin, message: `${target} exists but names another article; not touched` })));
        continue;
      }
      const hash = (entry.article.sha256Hex ?? sha256Hex)(entry.article.index.text);
      plan.writes.push({ path: target, text: newSidecarText({ article: articleNameFor(path), textSha256: hash, claims: entry.claims }), created: true });
    }
    plan.imported += entry.claims.length;
  }
  return plan;
}

function spanKey(start: number, end: number, actor: string | undefined, commitment: string | undefined, stance: string | undefined): string {
  return `${start}:${end}:${actor ?? ''}:${commitment ?? ''}:${stance ?? ''}`;
}

/**
 * The dataset article an imported claim names: its path; a `.txt` the exporter added (x.md.txt);
 * the same path with another extension; a unique article with the same file stem; else the
 * article whose text is the one the source carries.
 */
function articleFinder(result: CheckResult): (hint: string | undefined, text: string | undefined) => (ArticleFile & { index: TextIndex }) | undefined {
  const usable = result.articles.filter((a): a is ArticleFile & { index: TextIndex } => a.index !== undefined);
  const byPath = new Map(usable.map((a) => [a.path, a]));
  const stem = (p: string) => p.replace(/\.[^./]*$/, '');
  const base = (p: string) => stem(p.slice(p.lastIndexOf('/') + 1));
  const unique = <T>(items: T[]) => (items.length === 1 ? items[0] : undefined);
  let byText: Map<string, ArticleFile & { index: TextIndex }> | undefined;
  return (hint, text) => {
    if (hint !== undefined) {
      const direct = byPath.get(hint) ?? (hint.endsWith('.txt') ? byPath.get(hint.slice(0, -4)) : undefined);
      if (direct) return direct;
      const sameStem = unique(usable.filter((a) => stem(a.path) === stem(hint)));
      if (sameStem) return sameStem;
      const sameBase = unique(usable.filter((a) => base(a.path) === base(hint.endsWith('.txt') ? hint.slice(0, -4) : hint)));
      if (sameBase) return sameBase;
    }
    if (text === undefined) return undefined;
    byText ??= new Map(usable.map((a) => [a.index.text, a]));
    return byText.get(text.replace(/\r\n?/g, '\n'));
  };
}

/** Field values typed as the codebook declares them (brat and csv carry every value as text). */
function fieldValues(codebook: Codebook, commitment: string, fields: ReadonlyArray<[string, unknown]>): Array<[string, FieldValue]> {
  const specs = effectiveFields(codebook, commitment);
  return fields.map(([name, value]) => {
    const type = specs.get(name)?.type;
    if (type === 'number' && typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) return [name, Number(value)];
    if (type === 'boolean' && (value === 'true' || value === 'false')) return [name, value === 'true'];
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return [name, value];
    return [name, JSON.stringify(value)];
  });
}

/** One new codebook entry; the codebook reloaded after it (each edit's offsets are of the text before it). */
function addEntry(file: CodebookFile, entry: { kind: Kind; id: string; label: string | undefined }): CodebookFile | string {
  const label = entry.label?.trim() || entry.id;
  let edits;
  if (entry.kind === 'actor') {
    const r = addActor(file, { id: entry.id, name: label, type: file.model.actorTypes[0] ?? 'person', aliases: [] });
    if (!r.ok) return r.problem.message;
    edits = r.edits;
  } else {
    const section = entry.kind === 'commitment' ? 'commitments' : 'stances';
    const value = `{ label: ${renderScalar(label)} }`;
    const root = file.parsed.value as Record<string, unknown> | null;
    const present = root !== null && typeof root === 'object' && Object.prototype.hasOwnProperty.call(root, section) && root[section] !== null;
    if (!present) {
      const eol = file.text.includes('\r\n') ? '\r\n' : '\n';
      const lead = file.text.length === 0 || /[\r\n]$/.test(file.text) ? '' : eol;
      if (root !== null && typeof root === 'object' && Object.prototype.hasOwnProperty.call(root, section)) return `${section}: is empty; add the entry by hand`;
      edits = [{ start: file.text.length, end: file.text.length, newText: `${lead}${section}:${eol}  ${entry.id}: ${value}${eol}` }];
    } else {
      const keys = [...(entry.kind === 'commitment' ? file.model.commitments : file.model.stances).keys()];
      const edit = appendToMap(file, [section], keys, entry.id, value);
      if (!edit) return `${section}: is not a block map`;
      edits = [edit];
    }
  }
  return loadCodebookFile(file.path, applyEdits(file.text, edits).text);
}
