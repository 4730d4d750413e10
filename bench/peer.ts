/**
 * The peer: yaml-language-server's programmatic language service validating sidecars against
 * schemas/claims.schema.json — what the YAML extension does for our `yamlValidation`
 * contribution. Schema validation only: a subset of our work.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { getLanguageService, type LanguageService } from 'yaml-language-server/lib/umd/languageservice/yamlLanguageService';
import { TextDocument } from 'vscode-languageserver-textdocument';

const ROOT = path.resolve(__dirname, '..', '..');

export class Peer {
  private readonly service: LanguageService;
  private version = 0;

  constructor() {
    const schema = JSON.parse(fs.readFileSync(path.join(ROOT, 'schemas', 'claims.schema.json'), 'utf8')) as object;
    this.service = getLanguageService({
      // The schema is given inline; nothing may be fetched.
      schemaRequestService: (uri) => Promise.reject(new Error(`no schema requests in the benchmark (${uri})`)),
      workspaceContext: { resolveRelativePath: (relative, resource) => new URL(relative, resource).toString() },
    });
    this.service.configure({
      validate: true,
      hover: false,
      completion: false,
      format: false,
      yamlVersion: '1.2',
      schemas: [{ uri: 'file:///claimbook/schemas/claims.schema.json', fileMatch: ['*.claims.yaml'], schema }],
    });
  }

  /** Validates one sidecar text as a new document version (the service caches by uri + version). */
  async validate(file: string, text: string): Promise<number> {
    const doc = TextDocument.create(`file://${file}`, 'yaml', ++this.version, text);
    const diagnostics = await this.service.doValidation(doc, false);
    return diagnostics.length;
  }
}
