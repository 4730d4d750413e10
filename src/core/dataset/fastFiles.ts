/**
 * `loadCodebookFile` / `loadSidecarFile` over the fast YAML path: the same files, built from
 * js-yaml's value when the text allows it, with the `yaml` Document made on demand.
 */
import { parseYamlFast } from './fastYaml';
import { sidecarDocument } from './sidecarBlocks';
import { codebookFileOf, sidecarFileOf, type CodebookFile, type SidecarFile } from './files';

export function loadCodebookFast(path: string, text: string): CodebookFile {
  return codebookFileOf(path, text, parseYamlFast(text));
}

export function loadSidecarFast(path: string, text: string): SidecarFile {
  // Rules ask where a few claims are: build the Document claim by claim, not the whole file.
  return sidecarFileOf(path, text, parseYamlFast(text, sidecarDocument));
}
