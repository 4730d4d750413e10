/** Activation: wires the controller, diagnostics and editor features; every registration is disposed. */
import * as vscode from 'vscode';
import type { ClaimbookApi } from './api';
import { ValidationController } from './controller';
import { DatasetRoots } from './datasets';
import { ClaimHoverProvider } from './hover';
import { ClaimDecorations } from './decorations';
import { ClaimStatusBar } from './statusBar';
import { ClaimCodeActions } from './codeActions';
import { registerCommands, registerTable } from './commands';
import { ClaimExplorer } from './tree/explorer';
import { TaggingServices } from './tagging/services';
import { taggingCommands } from './tagging/commands';
import { LanguageState } from './language/state';
import { registerLanguageFeatures } from './language/providers';
import { SidecarFormatter } from './formatter';
import { Curator } from './curation/curator';

export function activate(context: vscode.ExtensionContext): ClaimbookApi {
  const started = performance.now();
  const roots = new DatasetRoots();
  const diagnostics = vscode.languages.createDiagnosticCollection('claimbook');
  const docs = vscode.Uri.joinPath(context.extensionUri, 'docs', 'rules.md');
  const controller = new ValidationController(roots, diagnostics, docs);
  const articles: vscode.DocumentSelector = [{ scheme: 'file', pattern: '**/*.{txt,md}' }, { scheme: 'vscode-remote', pattern: '**/*.{txt,md}' }];
  const yamlFiles: vscode.DocumentSelector = [{ language: 'yaml' }, { pattern: '**/*.claims.yaml' }, { pattern: '**/claimbook.yaml' }];
  const tagging = new TaggingServices(controller, context.workspaceState);
  const statusBar = new ClaimStatusBar(controller);
  const explorer = new ClaimExplorer(controller, context.workspaceState, () => tagging.prompter);
  const curator = new Curator(controller);
  context.subscriptions.push(
    explorer,
    diagnostics,
    controller,
    new ClaimDecorations(controller),
    statusBar,
    vscode.languages.registerHoverProvider(articles, new ClaimHoverProvider(controller)),
    vscode.languages.registerCodeActionsProvider([...articles, ...yamlFiles], new ClaimCodeActions(controller), ClaimCodeActions.metadata),
    ...registerCommands(controller),
    ...registerTable(taggingCommands(tagging)),
    ...registerLanguageFeatures(new LanguageState(controller)),
    vscode.languages.registerDocumentFormattingEditProvider(SidecarFormatter.selector, new SidecarFormatter()),
    curator,
    ...registerTable(curator.commands()),
  );
  controller.start();
  const activationMs = performance.now() - started;
  return {
    onDidValidate: controller.onDidValidate,
    activationMs,
    validateAll: async () => {
      await roots.refresh();
      await controller.validateAll('api');
    },
    controller,
    explorer,
    setPrompter: (prompter) => tagging.setPrompter(prompter),
    statusBar: statusBar.item,
    curator,
  };
}

export function deactivate(): void {}
