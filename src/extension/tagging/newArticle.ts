/**
 * New Article: an article file in the dataset's `articles/` folder, from the clipboard, from a
 * file, or empty, opened ready to select a first quote. New Dataset offers it next, so a new
 * dataset leads to a first tag without leaving the editor.
 */
import * as vscode from 'vscode';
import { exists } from './documents';
import { cancelled, refused, type Outcome, type TaggingServices } from './services';

/** `Paris talks, day 2!` → `paris-talks-day-2`: the file name an article title gives. */
export function articleSlug(title: string): string {
  return title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80);
}

export async function newArticle(s: TaggingServices, rootArg?: unknown): Promise<Outcome> {
  const roots = s.controller.roots.all();
  const active = vscode.window.activeTextEditor?.document.uri;
  const root = rootArg instanceof vscode.Uri ? rootArg : (active && s.controller.roots.locate(active)?.root) ?? roots[roots.length - 1];
  if (!root) return refused('there is no dataset in this workspace yet: run "New Dataset…" first');
  const source = await s.prompter.pick({
    step: 'article-source',
    title: 'New Article: where does its text come from?',
    placeholder: 'the article is a plain text file, one paragraph per line',
    items: [
      { id: 'clipboard', label: '$(clippy) From the clipboard', description: 'paste the copied article text' },
      { id: 'file', label: '$(file) From a file…', description: 'copy the text of a .txt or .md file' },
      { id: 'empty', label: '$(new-file) Empty', description: 'type or paste the text yourself' },
    ],
  });
  if (source === undefined) return cancelled('article-source');
  let text = '';
  let suggested = '';
  if (source === 'clipboard') {
    text = await vscode.env.clipboard.readText();
    if (!text.trim()) return refused('the clipboard holds no text: copy the article first, or choose "Empty"');
  } else if (source === 'file') {
    const picked = await vscode.window.showOpenDialog({ canSelectMany: false, filters: { Articles: ['txt', 'md'] }, title: 'Claimbook: the article to copy into the dataset' });
    const file = picked?.[0];
    if (!file) return cancelled('article-file');
    text = new TextDecoder().decode(await vscode.workspace.fs.readFile(file));
    suggested = file.path.slice(file.path.lastIndexOf('/') + 1).replace(/\.(txt|md)$/i, '');
  }
  // The first line of an article is usually its headline: a good file name.
  if (!suggested) suggested = articleSlug(text.split(/\r?\n/).find((l) => l.trim() !== '') ?? '');
  const name = await s.prompter.input({
    step: 'article-name',
    title: 'New Article: file name',
    prompt: 'saved as articles/NAME.txt in the dataset; its claims will go in articles/NAME.claims.yaml',
    value: suggested || undefined,
    placeholder: 'e.g. 2025-03-11-military-chiefs',
    validate: (v) => (articleSlug(v) === '' ? 'a name with at least one letter or digit' : undefined),
  });
  if (name === undefined) return cancelled('article-name');
  const path = `articles/${articleSlug(name)}.txt`;
  const uri = vscode.Uri.joinPath(root, ...path.split('/'));
  if (await exists(uri)) return refused(`${path} already exists: choose another name`);
  const edit = new vscode.WorkspaceEdit();
  edit.createFile(uri, { contents: new TextEncoder().encode(text.endsWith('\n') || text === '' ? text : `${text}\n`) });
  if (!(await vscode.workspace.applyEdit(edit))) return refused('VS Code did not create the file');
  await vscode.window.showTextDocument(uri, { preview: false });
  void vscode.window.showInformationMessage(`Claimbook: ${path} created. Select the words of a commitment and press Ctrl+Alt+T to tag a first claim.`);
  return { status: 'written', ids: [], file: path };
}
