// Language features in sidecars and the codebook, through VS Code's own provider commands:
// completion, hover, definition, references, rename across every file, and the outline.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ClaimbookApi } from '../../src/extension/api';
import { activateExtension, openInEditor, waitForDiagnostics, waitForEvent, workspaceRoot, revertDirtyDocuments } from './workspace';

let api: ClaimbookApi;
const decoder = new TextDecoder();
const SIDECAR = 'articles/2026-01-06-outcomes-of-the-paris-summit.claims.yaml';
const uri = (p: string) => vscode.Uri.joinPath(workspaceRoot(), ...p.split('/'));
const docOf = (u: vscode.Uri) => vscode.workspace.textDocuments.find((d) => d.uri.toString() === u.toString());
const bad = (u: vscode.Uri) => vscode.languages.getDiagnostics(u).filter((d) => d.source === 'claimbook' && d.severity <= vscode.DiagnosticSeverity.Warning);

/** Position inside the first `key: value` of a document (after the value's second character). */
function at(doc: vscode.TextDocument, key: string, value?: string): { position: vscode.Position; value: string } {
  const m = new RegExp(`^\\s+${key}: (${value ?? '[a-z-]+'})$`, 'm').exec(doc.getText());
  assert.ok(m, `${key}: in ${doc.uri.path}`);
  const start = m.index + m[0].indexOf(m[1] as string, m[0].indexOf(':'));
  return { position: doc.positionAt(start + 2), value: m[1] as string };
}

async function sidecars(): Promise<vscode.Uri[]> {
  return (await vscode.workspace.findFiles('**/*.claims.yaml')).sort((a, b) => a.path.localeCompare(b.path));
}

describe('language: sidecars and the codebook', () => {
  before(async () => {
    api = await activateExtension<ClaimbookApi>();
    await api.validateAll();
  });

  afterEach(async () => {
    await revertDirtyDocuments();
    await api.validateAll();
  });

  it('completes an actor with every codebook actor, names in the details', async () => {
    const doc = (await openInEditor(uri(SIDECAR))).document;
    const { position } = at(doc, 'actor');
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, position);
    const ours = list.items.filter((i) => i.kind === vscode.CompletionItemKind.User);
    const labels = ours.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
    const codebook = api.controller.validationFor(doc.uri)?.result.codebook?.model;
    assert.ok(codebook);
    assert.deepEqual([...new Set(labels)].sort(), [...codebook.actors.keys()].sort());
    const macron = ours.find((i) => (typeof i.label === 'string' ? i.label : i.label.label) === 'macron');
    assert.match(String(macron?.detail), /Emmanuel Macron/);
  });

  it('hovers an id with its codebook entry, and goes to its definition', async () => {
    const doc = (await openInEditor(uri(SIDECAR))).document;
    const { position, value } = at(doc, 'actor');
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, position);
    const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    const name = api.controller.validationFor(doc.uri)?.result.codebook?.model.actors.get(value)?.name ?? '?';
    assert.ok(text.includes(`**${name}**`), text);
    const defs = await vscode.commands.executeCommand<Array<vscode.Location | vscode.LocationLink>>('vscode.executeDefinitionProvider', doc.uri, position);
    const def = defs[0];
    assert.ok(def && 'uri' in def, 'a definition location');
    assert.equal(def.uri.toString(), uri('claimbook.yaml').toString());
    const codebook = await vscode.workspace.openTextDocument(def.uri);
    assert.equal(codebook.getText(def.range), value);
    assert.match(codebook.lineAt(def.range.start.line).text, new RegExp(`^ {2}${value}:$`));
  });

  it('finds every reference to an actor across the dataset', async () => {
    const doc = (await openInEditor(uri(SIDECAR))).document;
    const { position, value } = at(doc, 'actor');
    const refs = await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', doc.uri, position);
    let expected = 0;
    for (const s of await sidecars()) expected += (decoder.decode(await vscode.workspace.fs.readFile(s)).match(new RegExp(`^\\s+(?:actor|speaker): ${value}$`, 'gm')) ?? []).length;
    const inSidecars = refs.filter((r) => r.uri.path.endsWith('.claims.yaml'));
    assert.ok(inSidecars.length >= expected && expected > 1, `${inSidecars.length} references in sidecars, ${expected} actor/speaker lines`);
    assert.ok(refs.some((r) => r.uri.toString() === uri('claimbook.yaml').toString()), 'the definition is among them');
    assert.ok(new Set(inSidecars.map((r) => r.uri.toString())).size > 1, 'references span several sidecars');
  });

  it('renames an actor across the codebook and every sidecar in one edit, leaving no diagnostic', async () => {
    const doc = (await openInEditor(uri(SIDECAR))).document;
    const { position, value } = at(doc, 'actor', 'macron');
    const edit = await vscode.commands.executeCommand<vscode.WorkspaceEdit>('vscode.executeDocumentRenameProvider', doc.uri, position, 'emmanuel-macron');
    const files = edit.entries().map(([u]) => u.path.split('/').pop());
    assert.ok(files.includes('claimbook.yaml') && files.length > 2, `files: ${files.join(', ')}`);
    const validated = waitForEvent(api.onDidValidate, () => true, 'validation after rename');
    assert.ok(await vscode.workspace.applyEdit(edit));
    await validated;
    await api.validateAll();
    for (const s of [...(await sidecars()), uri('claimbook.yaml')]) {
      const text = docOf(s)?.getText() ?? decoder.decode(await vscode.workspace.fs.readFile(s));
      assert.doesNotMatch(text, new RegExp(`^\\s+(?:actor|speaker|represents): ${value}$`, 'm'), s.path);
      await waitForDiagnostics(s, (ds) => !ds.some((d) => d.source === 'claimbook' && d.severity <= vscode.DiagnosticSeverity.Warning));
      assert.deepEqual(bad(s).map((d) => d.message), []);
    }
    assert.match(docOf(uri('claimbook.yaml'))?.getText() ?? '', /^ {2}emmanuel-macron:$/m);
  });

  it('refuses a rename to a taken or malformed id', async () => {
    const doc = (await openInEditor(uri(SIDECAR))).document;
    const { position } = at(doc, 'actor', 'macron');
    await assert.rejects(Promise.resolve(vscode.commands.executeCommand('vscode.executeDocumentRenameProvider', doc.uri, position, 'france')), /already used/);
    await assert.rejects(Promise.resolve(vscode.commands.executeCommand('vscode.executeDocumentRenameProvider', doc.uri, position, 'Not An Id')), /kebab/);
  });

  it('outlines a sidecar as claims by actor and quote', async () => {
    const doc = (await openInEditor(uri(SIDECAR))).document;
    const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', doc.uri);
    const claims = symbols.find((s) => s.name === 'claims');
    const count = (doc.getText().match(/^\s+- id:/gm) ?? []).length;
    assert.equal(claims?.children.length, count);
    assert.match(claims?.children[0]?.name ?? '', /^.+: “.+”$/);
    const codebook = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', uri('claimbook.yaml'));
    assert.deepEqual(codebook.map((s) => s.name), ['actors', 'commitments', 'stances']);
  });
});
