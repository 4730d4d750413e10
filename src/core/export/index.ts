/** Export and import converters (DESIGN §6): one module per format, over a checked dataset. */
import type { CheckResult } from '../dataset/check';
import { exportBrat } from './brat';
import { exportCsv } from './csv';
import { exportJsonl } from './jsonl';
import type { ExportOutput } from './output';
import { newCounts, type ExportCounts, type ExportOptions } from './record';
import { exportSpans } from './spans';
import { exportW3c } from './w3c';

export const EXPORT_FORMATS = ['jsonl', 'csv', 'w3c', 'brat', 'spans'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
export const IMPORT_FORMATS = ['w3c', 'brat', 'spans'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

/** What each format is for and what it leaves out: the CLI's help and the editor's quick pick. */
export const EXPORT_FORMAT_INFO: Record<ExportFormat, { label: string; detail: string; extension: string; folder: boolean }> = {
  jsonl: { label: 'JSON Lines', detail: 'one claim per line, every field — pandas, jq, BigQuery', extension: 'jsonl', folder: false },
  csv: { label: 'CSV', detail: 'one claim per row, fields.* columns — Excel, R, SPSS', extension: 'csv', folder: false },
  w3c: { label: 'W3C Web Annotation', detail: 'JSON-LD AnnotationCollection — Web Annotation clients', extension: 'jsonld', folder: false },
  brat: { label: 'brat standoff', detail: '.txt + .ann per article and annotation.conf (a folder) — brat and NLP tools', extension: '', folder: true },
  spans: { label: 'Spans', detail: 'one article per line with code-point spans — spaCy, Prodigy, doccano', extension: 'jsonl', folder: false },
};

export function exportDataset(result: CheckResult, format: ExportFormat, options: ExportOptions = {}, counts: ExportCounts = newCounts()): ExportOutput {
  switch (format) {
    case 'jsonl':
      return exportJsonl(result, options, counts);
    case 'csv':
      return exportCsv(result, options, counts);
    case 'w3c':
      return exportW3c(result, options, counts);
    case 'brat':
      return exportBrat(result, options, counts);
    case 'spans':
      return exportSpans(result, options, counts);
  }
}

export { exportArticles, exportSeverities, newCounts, fieldNames, type ExportArticle, type ExportClaim, type ExportCounts, type ExportOptions } from './record';
export { parseExportFilter, matchesExportFilter, EXPORT_FILTER_KEYS, type ExportFilter } from './filter';
export type { ExportOutput, ExportFile } from './output';
export { csvField, csvRow } from './csv';
export { jsonlLine } from './jsonl';
export { importSpans } from './spans';
export { importW3c, articleIri, ANNO_CONTEXT, CLAIMBOOK_IRI } from './w3c';
export { validateW3c } from './w3cValidate';
export { importBratAnn, annotationConf, annFile, bratTextPath, escapeNote, unescapeNote } from './brat';
export { planImport, type ImportOptions, type ImportPlan } from './importPlan';
export type { ImportedClaim, ImportProblem } from './importTypes';
