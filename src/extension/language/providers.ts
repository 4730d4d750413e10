/**
 * Completion, hover, definition, references, rename and outline in sidecars and the codebook.
 * The logic is in `src/core/language` and `src/core/edit`; this file converts to VS Code types.
 */
import * as vscode from 'vscode';
import { LineMap, commitmentLineage, type Codebook } from '../../core';
import { codebookCompletions, codebookSymbols, occurrenceAt, sidecarCompletions, sidecarSymbols, yamlContextAt, type CandidateKind, type IdOccurrence, type SymbolData } from '../../core/language';
import { renameEdits } from '../../core/edit';
import type { CodebookFile, SidecarFile } from '../../core';
import { addEdits } from '../convert';
import { changedFiles, changedMessage } from '../guardedEdit';
import { LanguageState, type YamlState } from './state';

const KIND: Record<CandidateKind, vscode.CompletionItemKind> = {
  actor: vscode.CompletionItemKind.User,
  commitment: vscode.CompletionItemKind.EnumMember,
  stance: vscode.CompletionItemKind.Constant,
  field: vscode.CompletionItemKind.Field,
  key: vscode.CompletionItemKind.Property,
  value: vscode.CompletionItemKind.Value,
};

export class ClaimbookYamlProviders
  implements vscode.CompletionItemProvider, vscode.HoverProvider, vscode.DefinitionProvider, vscode.ReferenceProvider, vscode.RenameProvider, vscode.DocumentSymbolProvider
{
  constructor(private readonly state: LanguageState) {}

  provideCompletionItems(doc: vscode.TextDocument, position: vscode.Position): vscode.CompletionItem[] | undefined {
    const s = this.state.of(doc);
    const codebook = s?.codebook?.model;
    if (!s || !codebook) return undefined;
    const text = doc.getText();
    const ctx = yamlContextAt(text, doc.offsetAt(position));
    if (!ctx) return undefined;
    const candidates = s.kind === 'sidecar' ? sidecarCompletions(ctx, codebook) : codebookCompletions(ctx, codebook);
    const range = new vscode.Range(doc.positionAt(ctx.start), doc.positionAt(Math.max(ctx.end, ctx.start)));
    return candidates.map((c) => {
      const item = new vscode.CompletionItem({ label: c.label, description: c.detail }, KIND[c.kind]);
      item.insertText = (ctx.needsSpace ? ' ' : '') + c.insertText;
      item.range = range;
      item.detail = c.detail;
      if (c.documentation) item.documentation = new vscode.MarkdownString(c.documentation);
      item.sortText = c.sortText;
      item.filterText = c.filterText ?? c.label;
      return item;
    });
  }

  provideHover(doc: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    const s = this.state.of(doc);
    const o = s && occurrenceAt(s.occurrences, doc.offsetAt(position));
    const codebook = s?.codebook?.model;
    if (!s || !o || !codebook) return undefined;
    const md = new vscode.MarkdownString(describe(o, codebook, this.referenceCount(s, o)));
    return new vscode.Hover(md, new vscode.Range(doc.positionAt(o.start), doc.positionAt(o.end)));
  }

  provideDefinition(doc: vscode.TextDocument, position: vscode.Position): vscode.Location | undefined {
    const s = this.state.of(doc);
    const o = s && occurrenceAt(s.occurrences, doc.offsetAt(position));
    if (!s || !o) return undefined;
    for (const f of this.state.allFiles(s)) {
      const def = f.occurrences.find((x) => x.definition && x.kind === o.kind && x.id === o.id);
      if (def) return location(f.uri, f.file.text, def);
    }
    return undefined;
  }

  provideReferences(doc: vscode.TextDocument, position: vscode.Position, context: vscode.ReferenceContext): vscode.Location[] | undefined {
    const s = this.state.of(doc);
    const o = s && occurrenceAt(s.occurrences, doc.offsetAt(position));
    if (!s || !o) return undefined;
    return this.state
      .allFiles(s)
      .flatMap((f) => f.occurrences.filter((x) => x.kind === o.kind && x.id === o.id && (context.includeDeclaration || !x.definition)).map((x) => location(f.uri, f.file.text, x)));
  }

  prepareRename(doc: vscode.TextDocument, position: vscode.Position): vscode.Range | { range: vscode.Range; placeholder: string } {
    const s = this.state.of(doc);
    const o = s && occurrenceAt(s.occurrences, doc.offsetAt(position));
    if (!s || !o) throw new Error('Claimbook renames actor, commitment and stance ids: put the cursor on one');
    return { range: new vscode.Range(doc.positionAt(o.start), doc.positionAt(o.end)), placeholder: o.id };
  }

  async provideRenameEdits(doc: vscode.TextDocument, position: vscode.Position, newName: string): Promise<vscode.WorkspaceEdit> {
    const s = this.state.of(doc);
    const o = s && occurrenceAt(s.occurrences, doc.offsetAt(position));
    if (!s || !o) throw new Error('Claimbook renames actor, commitment and stance ids: put the cursor on one');
    const files = this.state.allFiles(s);
    const codebook = files.find((f) => f.file.path === 'claimbook.yaml')?.file as CodebookFile | undefined;
    const model = codebook?.model;
    const taken = new Set(model ? [...(o.kind === 'actor' ? model.actors : o.kind === 'commitment' ? model.commitments : model.stances).keys()] : []);
    const result = renameEdits(files, o.kind, o.id, newName.trim(), taken);
    // The editor shows a thrown error's message to the user, which is how a rename says no.
    if (!result.ok) throw new Error(`Claimbook: ${result.problem.message}`);
    const edit = new vscode.WorkspaceEdit();
    const expected: Array<{ uri: vscode.Uri; text: string }> = [];
    for (const f of files) {
      const edits = result.edits.get(f.file.path);
      if (!edits) continue;
      addEdits(edit, f.uri, f.file.text, edits);
      expected.push({ uri: f.uri, text: f.file.text });
    }
    // Files not open come from the last validation: one written on disk since would get edits
    // positioned for its old text. VS Code applies the rename itself, right after this returns.
    const changed = await changedFiles(expected);
    if (changed.length > 0) throw new Error(`Claimbook: ${changedMessage(changed)}`);
    return edit;
  }

  provideDocumentSymbols(doc: vscode.TextDocument): vscode.DocumentSymbol[] | undefined {
    const s = this.state.of(doc);
    if (!s) return undefined;
    const symbols = s.kind === 'sidecar' ? sidecarSymbols(s.file as SidecarFile, s.codebook?.model) : codebookSymbols(s.file as CodebookFile);
    const lines = LineMap.of(s.file.text);
    const range = (a: number, b: number) => {
      const x = lines.position(a);
      const y = lines.position(b);
      return new vscode.Range(x.line, x.character, y.line, y.character);
    };
    const convert = (d: SymbolData): vscode.DocumentSymbol => {
      const symbol = new vscode.DocumentSymbol(d.name, d.detail, SYMBOL[d.kind], range(d.start, d.end), range(d.selectionStart, d.selectionEnd));
      symbol.children = d.children.map(convert);
      return symbol;
    };
    return symbols.map(convert);
  }

  private referenceCount(s: YamlState, o: IdOccurrence): number {
    let n = 0;
    for (const f of this.state.allFiles(s)) if (f.file.path !== 'claimbook.yaml') n += f.occurrences.filter((x) => x.kind === o.kind && x.id === o.id).length;
    return n;
  }
}

const SYMBOL: Record<SymbolData['kind'], vscode.SymbolKind> = {
  section: vscode.SymbolKind.Namespace,
  claim: vscode.SymbolKind.Event,
  actor: vscode.SymbolKind.Class,
  commitment: vscode.SymbolKind.Interface,
  stance: vscode.SymbolKind.EnumMember,
  key: vscode.SymbolKind.Property,
};

function location(uri: vscode.Uri, text: string, o: IdOccurrence): vscode.Location {
  const m = LineMap.of(text);
  const a = m.position(o.start);
  const b = m.position(o.end);
  return new vscode.Location(uri, new vscode.Range(a.line, a.character, b.line, b.character));
}

function describe(o: IdOccurrence, cb: Codebook, uses: number): string {
  const count = `${uses} use${uses === 1 ? '' : 's'} in sidecars`;
  if (o.kind === 'actor') {
    const a = cb.actors.get(o.id);
    if (!a) return `Unknown actor \`${o.id}\``;
    const lines = [`**${a.name}** \`${a.id}\`${a.type ? ` · ${a.type}` : ''}`];
    const aliases = a.aliases.filter((x) => x !== a.name);
    if (aliases.length) lines.push(`Aliases: ${aliases.join(', ')}`);
    if (a.represents) lines.push(`Represents: ${cb.actors.get(a.represents)?.name ?? a.represents}`);
    if (a.wikidata) lines.push(`Wikidata: [${a.wikidata}](https://www.wikidata.org/wiki/${a.wikidata})`);
    lines.push(count);
    return lines.join('\n\n');
  }
  if (o.kind === 'commitment') {
    const c = cb.commitments.get(o.id);
    if (!c) return `Unknown commitment \`${o.id}\``;
    const lineage = commitmentLineage(cb, o.id).map((x) => x.label).reverse();
    const lines = [`**${c.label}** \`${c.id}\``];
    if (lineage.length > 1) lines.push(lineage.join(' › '));
    if (c.description) lines.push(`*${c.description}*`);
    if (c.fields.size) lines.push(`Fields: ${[...c.fields.values()].map((f) => `${f.name} (${f.type ?? '?'}${f.required ? ', required' : ''})`).join(', ')}`);
    lines.push(count);
    return lines.join('\n\n');
  }
  const st = cb.stances.get(o.id);
  if (!st) return `Unknown stance \`${o.id}\``;
  return [`**${st.label}** \`${st.id}\``, ...(st.description ? [`*${st.description}*`] : []), ...(st.requires.length ? [`Requires: ${st.requires.join(', ')}`] : []), count].join('\n\n');
}

/** Registers the providers for sidecars and the codebook. */
export function registerLanguageFeatures(state: LanguageState): vscode.Disposable[] {
  const selector: vscode.DocumentSelector = [{ pattern: '**/*.claims.yaml' }, { pattern: '**/claimbook.yaml' }];
  const p = new ClaimbookYamlProviders(state);
  return [
    vscode.languages.registerCompletionItemProvider(selector, p, ':', ' ', '{', ','),
    vscode.languages.registerHoverProvider(selector, p),
    vscode.languages.registerDefinitionProvider(selector, p),
    vscode.languages.registerReferenceProvider(selector, p),
    vscode.languages.registerRenameProvider(selector, p),
    vscode.languages.registerDocumentSymbolProvider(selector, p, { label: 'Claimbook' }),
  ];
}
