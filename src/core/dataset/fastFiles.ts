/**
 * `loadCodebookFile` / `loadSidecarFile` over the fast YAML path: the same files, built from
 * js-yaml's value when the text allows it, with the `yaml` Document made on demand.
 */
import { validateCodebook, validateSidecar } from '../schema/validate';
import { buildCodebook } from '../model/codebook';
import { buildSidecar } from '../model/sidecar';
import { parseYamlFast } from './fastYaml';
import { sidecarDocument } from './sidecarBlocks';
import { dirname, joinPath, type CodebookFile, type SidecarFile } from './files';

export function loadCodebookFast(path: string, text: string): CodebookFile {
  const parsed = parseYamlFast(text);
  return { path, text, parsed, schema: validateCodebook(parsed), model: buildCodebook(parsed.problems.length === 0 ? parsed.value : undefined) };
}

export function loadSidecarFast(path: string, text: string): SidecarFile {
  // Rules ask where a few claims are: build the Document claim by claim, not the whole file.
  const parsed = parseYamlFast(text, sidecarDocument);
  const model = buildSidecar(parsed.problems.length === 0 ? parsed.value : undefined);
  return {
    path,
    text,
    parsed,
    schema: validateSidecar(parsed),
    model,
    articlePath: model.article === undefined ? undefined : joinPath(dirname(path), model.article),
  };
}
