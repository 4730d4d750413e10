/**
 * What the language providers work on: the YAML file under the cursor parsed from the buffer as
 * it is now (the validation may lag behind typing), the codebook, and every YAML file of the
 * dataset for references and rename (open buffers win over what the validation read).
 */
import * as vscode from 'vscode';
import { loadCodebookFile, loadSidecarFile, type CodebookFile, type SidecarFile, type YamlFile } from '../../core';
import { occurrencesIn, type IdOccurrence } from '../../core/language';
import type { ValidationController, Validation } from '../controller';
import { uriOf } from '../datasets';

export interface YamlState {
  v: Validation;
  path: string;
  kind: 'codebook' | 'sidecar';
  file: YamlFile;
  /** The codebook as the validation saw it, or the current buffer when that is the codebook. */
  codebook: CodebookFile | undefined;
  occurrences: IdOccurrence[];
}

export class LanguageState {
  /** One parse per document version, shared by hover, definition and friends. */
  private readonly cache = new Map<string, { version: number; state: YamlState }>();

  constructor(private readonly controller: ValidationController) {}

  of(doc: vscode.TextDocument): YamlState | undefined {
    const v = this.controller.validationFor(doc.uri);
    if (!v) return undefined;
    const path = v.located.path;
    const kind = path === 'claimbook.yaml' ? 'codebook' : path.endsWith('.claims.yaml') ? 'sidecar' : undefined;
    if (!kind) return undefined;
    const key = doc.uri.toString();
    const hit = this.cache.get(key);
    if (hit && hit.version === doc.version && hit.state.v.result === v.result) return hit.state;
    const text = doc.getText();
    let codebook = v.result.codebook;
    let file: YamlFile;
    if (kind === 'codebook') {
      file = codebook && codebook.text === text ? codebook : loadCodebookFile(path, text);
      codebook = file as CodebookFile;
    } else {
      const validated = v.result.sidecars.find((s) => s.sidecar.path === path)?.sidecar;
      file = validated && validated.text === text ? validated : loadSidecarFile(path, text);
    }
    const state: YamlState = { v, path, kind, file, codebook, occurrences: occurrencesIn(file, codebook) };
    this.cache.set(key, { version: doc.version, state });
    // Only a handful of documents are ever being looked at: keep the cache small.
    if (this.cache.size > 16) this.cache.delete(this.cache.keys().next().value as string);
    return state;
  }

  /** Every YAML file of the dataset with its id occurrences, open buffers first. */
  allFiles(state: YamlState): Array<{ uri: vscode.Uri; file: YamlFile; occurrences: IdOccurrence[] }> {
    const v = state.v;
    const open = new Map(vscode.workspace.textDocuments.map((d) => [d.uri.toString(), d]));
    const current = (file: YamlFile, load: (path: string, text: string) => YamlFile): YamlFile => {
      const doc = open.get(uriOf(v.root, file.path).toString());
      return doc && doc.getText() !== file.text ? load(file.path, doc.getText()) : file;
    };
    const codebook = v.result.codebook ? (current(v.result.codebook, loadCodebookFile) as CodebookFile) : undefined;
    const files: YamlFile[] = [...(codebook ? [codebook] : []), ...v.result.sidecars.map((s) => current(s.sidecar, loadSidecarFile) as SidecarFile)];
    return files.map((file) => ({ uri: uriOf(v.root, file.path), file, occurrences: occurrencesIn(file, codebook) }));
  }
}
