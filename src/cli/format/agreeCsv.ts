/**
 * `claimbook agree --format csv`: one row per measured thing (overall, each label, attribute,
 * pair and article), the same columns for all, empty where a measure does not apply or is
 * undefined. RFC 4180 quoting.
 */
import type { AgreementReport } from '../../core';
import { printable } from './printable';

const COLUMNS = ['scope', 'id', 'alpha_u', 'f1_exact', 'f1_overlap', 'precision_overlap', 'recall_overlap', 'kappa', 'alpha', 'matched', 'disagreements'] as const;
type Row = Partial<Record<(typeof COLUMNS)[number], string | number | null>> & { units?: Record<string, number> };

function cell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  const text = printable(String(value));
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function formatAgreementCsv(r: AgreementReport): string {
  const rows: Row[] = [
    { scope: 'overall', id: '', ...r.overall },
    ...Object.entries(r.labels).map(([id, m]): Row => ({ scope: 'label', id, alpha_u: m.alpha_u, f1_exact: m.f1_exact, f1_overlap: m.f1_overlap, units: m.units })),
    ...Object.entries(r.attributes).map(([id, m]): Row => ({ scope: 'attribute', id, ...m })),
    ...r.pairs.map((p): Row => ({ scope: 'pair', id: `${p.reference} -> ${p.other}`, f1_exact: p.f1_exact, f1_overlap: p.f1_overlap, precision_overlap: p.precision_overlap, recall_overlap: p.recall_overlap })),
    ...r.articles_detail.map((a): Row => ({ scope: 'article', id: a.article, alpha_u: a.alpha_u, f1_overlap: a.f1_overlap, disagreements: a.disagreements })),
  ];
  const head = [...COLUMNS, ...r.sources.map((s) => `units:${s}`)].map(cell).join(',');
  const lines = rows.map((row) => [...COLUMNS.map((c) => cell(row[c])), ...r.sources.map((s) => cell(row.units?.[s]))].join(','));
  return `${[head, ...lines].join('\r\n')}\r\n`;
}
