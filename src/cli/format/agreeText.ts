/** `claimbook agree` as text: the overall line, then tables per label, attribute, pair and article. */
import type { AgreementReport } from '../../core';
import { printable } from './printable';

export const number = (x: number | null): string => (x === null ? '—' : x.toFixed(3));

function table(head: string[], rows: string[][]): string {
  const widths = head.map((h, c) => Math.max(h.length, ...rows.map((r) => (r[c] ?? '').length)));
  const line = (cells: string[]) => cells.map((cell, c) => (c === 0 ? cell.padEnd(widths[c] as number) : cell.padStart(widths[c] as number))).join('  ').trimEnd();
  return [line(head), ...rows.map(line)].join('\n');
}

export function formatAgreementText(r: AgreementReport): string {
  const o = r.overall;
  const parts = [
    `Agreement of ${r.sources.length} sources (${r.sources.map(printable).join(', ')}) over ${r.articles} article${r.articles === 1 ? '' : 's'}; units labelled by ${r.label}.`,
    `Overall: alpha_u ${number(o.alpha_u)}  F1 exact ${number(o.f1_exact)}  F1 overlap ${number(o.f1_overlap)}  precision ${number(o.precision_overlap)}  recall ${number(o.recall_overlap)}`,
  ];
  const labels = Object.entries(r.labels);
  if (labels.length > 0)
    parts.push(
      table(
        ['Label', 'alpha_u', 'F1 exact', 'F1 overlap', ...r.sources.map(printable)],
        labels.map(([id, m]) => [printable(id), number(m.alpha_u), number(m.f1_exact), number(m.f1_overlap), ...r.sources.map((s) => String(m.units[s] ?? 0))]),
      ),
    );
  const attributes = Object.entries(r.attributes);
  if (attributes.length > 0) parts.push(table(['Attribute (matched units)', 'kappa', 'alpha', 'matched'], attributes.map(([id, m]) => [id, number(m.kappa), number(m.alpha), String(m.matched)])));
  if (r.pairs.length > 1)
    parts.push(
      table(
        ['Pair (reference → other)', 'F1 exact', 'F1 overlap', 'precision', 'recall'],
        r.pairs.map((p) => [`${printable(p.reference)} → ${printable(p.other)}`, number(p.f1_exact), number(p.f1_overlap), number(p.precision_overlap), number(p.recall_overlap)]),
      ),
    );
  if (r.articles_detail.length > 0)
    parts.push(table(['Article', 'alpha_u', 'F1 overlap', 'disagreements'], r.articles_detail.map((a) => [printable(a.article), number(a.alpha_u), number(a.f1_overlap), String(a.disagreements)])));
  if (r.left_out.length > 0) parts.push(['Left out:', ...r.left_out.map((l) => `  ${printable(l.article)}: ${printable(l.reason)}`)].join('\n'));
  if (r.notes.length > 0) parts.push(['Notes:', ...r.notes.map((n) => `  - ${printable(n)}`)].join('\n'));
  return `${parts.join('\n\n')}\n`;
}
