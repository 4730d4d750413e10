/**
 * Claimbook: Export Dataset… — pick a dataset (when there are several), a format and a target
 * (a save dialog, or a folder for brat), then export with a progress notification that can be
 * cancelled. Each file is written to a temporary name and renamed over the target, so a
 * cancelled or failed export never leaves half a file. Arguments (format, target Uri) skip the
 * questions, for tests and other extensions.
 */
import * as vscode from 'vscode';
import { checkDataset, EXPORT_FORMAT_INFO, EXPORT_FORMATS, exportDataset, exportSeverities, newCounts, type ExportFormat } from '../../core';
import { VscodeHost } from '../vscodeHost';
import { refused, type Outcome, type TaggingServices } from '../tagging/services';

export async function exportDatasetCommand(s: TaggingServices, formatArg?: unknown, targetArg?: unknown): Promise<Outcome> {
  const roots = s.controller.roots.all();
  if (roots.length === 0) return refused('no dataset (claimbook.yaml) in this workspace to export');
  let root = roots[0] as vscode.Uri;
  if (roots.length > 1) {
    const picked = await s.prompter.pick({
      step: 'dataset',
      title: 'Claimbook: Export Dataset',
      placeholder: 'Which dataset?',
      items: roots.map((r) => ({ id: r.toString(), label: vscode.workspace.asRelativePath(r, true) || r.path })),
    });
    if (picked === undefined) return { status: 'cancelled', step: 'dataset' };
    root = roots.find((r) => r.toString() === picked) ?? root;
  }
  let format = typeof formatArg === 'string' && (EXPORT_FORMATS as readonly string[]).includes(formatArg) ? (formatArg as ExportFormat) : undefined;
  if (!format) {
    const picked = await s.prompter.pick({
      step: 'format',
      title: 'Claimbook: Export Dataset',
      placeholder: 'Export to which format?',
      items: EXPORT_FORMATS.map((f) => ({ id: f, label: EXPORT_FORMAT_INFO[f].label, description: f, detail: EXPORT_FORMAT_INFO[f].detail })),
    });
    if (picked === undefined) return { status: 'cancelled', step: 'format' };
    format = picked as ExportFormat;
  }
  const info = EXPORT_FORMAT_INFO[format];
  let target = targetArg instanceof vscode.Uri ? targetArg : undefined;
  if (!target) {
    if (info.folder) {
      const picked = await vscode.window.showOpenDialog({ canSelectFolders: true, canSelectFiles: false, canSelectMany: false, defaultUri: root, openLabel: 'Export here', title: `Claimbook: folder for the ${info.label} files` });
      target = picked?.[0];
    } else {
      target = await vscode.window.showSaveDialog({ defaultUri: vscode.Uri.joinPath(root, `claims.${info.extension}`), filters: { [info.label]: [info.extension] }, title: `Claimbook: export as ${info.label}` });
    }
    if (!target) return { status: 'cancelled', step: 'target' };
  }
  const chosen = target;
  const chosenFormat = format;
  return vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: `Claimbook: exporting to ${info.label}`, cancellable: true }, async (progress, token) => {
    progress.report({ message: 'checking the dataset…' });
    const result = await checkDataset(new VscodeHost(root), { oneShot: true, severities: exportSeverities() });
    if (result.fatal) return refused(result.fatal);
    const counts = newCounts();
    const total = Math.max(1, result.sidecars.length);
    let reported = 0;
    const step = () => {
      const done = Math.floor((counts.articles / total) * 100);
      if (done > reported) {
        progress.report({ increment: done - reported, message: `${counts.exported} claims` });
        reported = done;
      }
    };
    const out = exportDataset(result, chosenFormat, {}, counts);
    const written: vscode.Uri[] = [];
    if (out.kind === 'stream') {
      const parts: string[] = [];
      for (const chunk of out.chunks) {
        parts.push(chunk);
        step();
        if (token.isCancellationRequested) return { status: 'cancelled', step: 'export' } as Outcome;
      }
      await writeAtomic(chosen, parts.join(''));
      written.push(chosen);
    } else {
      for (const file of out.files) {
        if (token.isCancellationRequested) return { status: 'cancelled', step: 'export' } as Outcome;
        const uri = vscode.Uri.joinPath(chosen, ...file.path.split('/'));
        await writeAtomic(uri, file.text);
        written.push(uri);
        step();
      }
    }
    const left = counts.invalid > 0 ? ` ${counts.invalid} claims with errors were left out (fix them, or export with the CLI's --include-invalid).` : '';
    void vscode.window.showInformationMessage(`Claimbook: exported ${counts.exported} claims from ${counts.articles} articles to ${vscode.workspace.asRelativePath(chosen, true)}.${left}`);
    return { status: 'written', ids: [], file: chosen.path } as Outcome;
  });
}

/** A temporary sibling, then a rename over the target: the target is whole or untouched. */
async function writeAtomic(uri: vscode.Uri, text: string): Promise<void> {
  const dir = vscode.Uri.joinPath(uri, '..');
  await vscode.workspace.fs.createDirectory(dir);
  const name = uri.path.slice(uri.path.lastIndexOf('/') + 1);
  const tmp = vscode.Uri.joinPath(dir, `.${name}.${Date.now()}.tmp`);
  await vscode.workspace.fs.writeFile(tmp, new TextEncoder().encode(text));
  try {
    await vscode.workspace.fs.rename(tmp, uri, { overwrite: true });
  } catch (error) {
    await vscode.workspace.fs.delete(tmp).then(undefined, () => undefined);
    throw error;
  }
}
