/** Add Actor from Selection and Add Alias to Actor: `claimbook.yaml` edited in place, comments kept. */
import * as vscode from 'vscode';
import type { CodebookFile } from '../../core';
import { actorWithLabel, addActor, addAlias, type EditResult } from '../../core/edit';
import { GuardedEdit } from '../guardedEdit';
import { addDocumentEdits, currentCodebook, refusalOf, showProblem } from './documents';
import { askActor, askNewActor } from './questions';
import { cancelled, refused, type Outcome, type TaggingServices } from './services';

const MAX_ALIAS = 80;

interface Selected {
  root: vscode.Uri;
  doc: vscode.TextDocument;
  alias: string;
  start: number;
  end: number;
}

function selectedName(s: TaggingServices, what: string): Selected | Outcome {
  const editor = vscode.window.activeTextEditor;
  const doc = editor?.document;
  const located = doc ? s.controller.roots.locate(doc.uri) : undefined;
  if (!editor || !doc || !located) return refused(`select a name in an article of a dataset to ${what}`);
  const alias = doc.getText(editor.selection).trim().replace(/\s+/g, ' ');
  if (alias === '') return refused(`select the name first, then ${what}`);
  if (alias.length > MAX_ALIAS) return refused(`the selection is too long for a name (${alias.length} characters)`);
  return { root: located.root, doc, alias, start: doc.offsetAt(editor.selection.start), end: doc.offsetAt(editor.selection.end) };
}

export async function addActorFromSelection(s: TaggingServices): Promise<Outcome> {
  const ready = await newNameInCodebook(s, 'add an actor');
  if ('status' in ready) return ready;
  const { sel, codebook } = ready;
  const actor = await askNewActor(s, codebook.file, `Add actor “${sel.alias}”`, sel.alias, sel.alias);
  if (!actor.ok) return cancelled(actor.step);
  return applyCodebook(s, sel.root, (file) => addActor(file, actor.value), actor.value.id, `added actor ${actor.value.id}`);
}

export async function addAliasToActor(s: TaggingServices): Promise<Outcome> {
  const ready = await newNameInCodebook(s, 'add it as an alias');
  if ('status' in ready) return ready;
  const { sel, codebook } = ready;
  const actor = await askActor(s, { title: `Add “${sel.alias}” as an alias of…`, codebook: codebook.file, text: sel.doc.getText(), start: sel.start, end: sel.end }, 'actor', false);
  if (!actor.ok) return cancelled(actor.step);
  return applyCodebook(s, sel.root, (file) => addAlias(file, actor.value.id, sel.alias), actor.value.id, `added “${sel.alias}” to ${actor.value.id}`);
}

/** Both commands need a selected name the codebook does not know yet, and a codebook that parses. */
async function newNameInCodebook(s: TaggingServices, what: string) {
  const sel = selectedName(s, what);
  if ('status' in sel) return sel;
  const codebook = await currentCodebook(sel.root);
  if (!codebook) return refused('the dataset has no claimbook.yaml');
  const problem = refusalOf(codebook);
  if (problem) {
    await showProblem(sel.root, problem);
    return refused(problem.message, false);
  }
  const owner = actorWithLabel(codebook.file, sel.alias);
  if (owner) return refused(`'${sel.alias}' is already a name or alias of '${owner}'`);
  return { sel, codebook };
}

/** Computes the codebook edit on its current text (read after the questions) and applies it. */
async function applyCodebook(s: TaggingServices, root: vscode.Uri, compute: (file: CodebookFile) => EditResult, id: string, message: string): Promise<Outcome> {
  const codebook = await currentCodebook(root);
  if (!codebook) return refused('the dataset has no claimbook.yaml');
  const result = compute(codebook.file);
  if (!result.ok) {
    await showProblem(root, result.problem);
    return refused(result.problem.message, false);
  }
  const edit = new GuardedEdit();
  addDocumentEdits(edit, codebook, result.edits);
  const applied = await edit.apply();
  if (applied.status !== 'applied') return refused(applied.message);
  void s.controller.validate(root, 'codebook');
  vscode.window.setStatusBarMessage(`Claimbook: ${message} in claimbook.yaml`, 8000);
  return { status: 'written', ids: [id], file: 'claimbook.yaml' };
}
