/**
 * Tree items built from the core's plain nodes (STYLE §13): labels, icons coloured by stance,
 * counts, and a `contextValue` composed of flags the menus in package.json match on.
 */
import * as vscode from 'vscode';
import { claimDescription, claimDetails, claimLabel, countText, type ClaimNode, type CodebookNode, type ConflictPair, type GroupNode, type Grouping, type Labels, type NoticeNode, type ProblemBadge } from '../../core/explore';
import { STANCE_COLOURS } from '../stanceColours';
import { COMMANDS } from '../commandIds';
import { decorationUri } from './decorations';
import type { TreeNode } from './nodeStore';

/** The stance legend's shapes: the same in the Claims view, the Codebook view and the hover. */
export const STANCE_ICONS: Record<string, string> = {
  pledge: 'pass-filled',
  conditional: 'debug-breakpoint-conditional',
  proposal: 'lightbulb',
  refusal: 'circle-slash',
  demand: 'megaphone',
  report: 'note',
};

export function stanceIcon(stance: string | undefined): vscode.ThemeIcon {
  const colour = (STANCE_COLOURS as readonly string[]).includes(stance ?? '') ? stance : 'other';
  return new vscode.ThemeIcon(STANCE_ICONS[stance ?? ''] ?? 'circle-filled', new vscode.ThemeColor(`claimbook.stance.${colour}.foreground`));
}

/** Anchor fixes the claim's findings carry: what "Re-anchor" applies. */
export const REANCHOR_RULES: ReadonlySet<string> = new Set(['anchor-drifted', 'anchor-ambiguous', 'quote-mismatch', 'anchor-moved']);

export function claimItem(node: TreeNode<ClaimNode>, context: Grouping | 'conflict', labels: Labels): vscode.TreeItem {
  const row = node.data.row;
  const item = new vscode.TreeItem(claimLabel(row), vscode.TreeItemCollapsibleState.None);
  item.id = node.id;
  item.description = claimDescription(row, context, labels);
  item.iconPath = stanceIcon(row.stance);
  const md = new vscode.MarkdownString();
  md.appendMarkdown('> ');
  md.appendText(row.quote.replace(/\s+/g, ' '));
  md.appendMarkdown('\n\n');
  for (const [k, v] of claimDetails(row, labels)) {
    md.appendMarkdown('**');
    md.appendText(k);
    md.appendMarkdown(':** ');
    md.appendText(v);
    md.appendMarkdown('  \n');
  }
  item.tooltip = md;
  const flags = ['claim'];
  if (row.span) flags.push('anchored');
  if (row.findings.some((f) => REANCHOR_RULES.has(f.rule) && (f.fixes?.length ?? 0) > 0)) flags.push('reanchorable');
  if (row.badges.length > 0) flags.push('problem');
  item.contextValue = flags.join(' ');
  const worst = row.badges[0];
  if (worst) item.resourceUri = decorationUri(node.id, worst);
  item.command = { command: COMMANDS.revealClaim, title: 'Reveal Claim in Article', arguments: [node] };
  return item;
}

const GROUP_ICONS: Record<string, string> = { dataset: 'database', commitment: 'milestone', article: 'file-text' };
const ACTOR_TYPE_ICONS: Record<string, string> = { person: 'person', state: 'globe', organisation: 'organization', coalition: 'references' };

export function groupItem(node: TreeNode<GroupNode>, actorType: (id: string) => string | undefined): vscode.TreeItem {
  const g = node.data;
  const item = new vscode.TreeItem(g.label, vscode.TreeItemCollapsibleState.Collapsed);
  item.id = node.id;
  item.description = [String(g.count), g.problems > 0 ? `⚠ ${g.problems}` : undefined, g.detail].filter((x) => x !== undefined).join(' · ');
  const icon = g.dimension === 'actor' ? ACTOR_TYPE_ICONS[actorType(g.key) ?? ''] ?? 'person' : GROUP_ICONS[g.dimension] ?? 'folder';
  item.iconPath = new vscode.ThemeIcon(icon);
  item.tooltip = `${g.label}${g.key !== g.label ? ` (${g.key})` : ''}: ${countText(g.count)}${g.problems > 0 ? `, ${g.problems} with problems` : ''}`;
  item.contextValue = `group ${g.dimension}`;
  return item;
}

const CODEBOOK_ICONS: Record<CodebookNode['kind'], string> = { section: 'book', actorType: 'symbol-namespace', actor: 'person', commitment: 'milestone', stance: 'tag' };

export function codebookItem(node: TreeNode<CodebookNode>): vscode.TreeItem {
  const c = node.data;
  const expandable = c.children.length > 0;
  const state = !expandable ? vscode.TreeItemCollapsibleState.None : c.kind === 'section' ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed;
  const item = new vscode.TreeItem(c.label, state);
  item.id = node.id;
  const narrower = c.total - c.count;
  const count = c.unused ? 'unused' : `${countText(c.count)}${narrower > 0 ? ` (+${narrower} narrower)` : ''}`;
  item.description = c.kind === 'section' || c.kind === 'actorType' ? countText(c.total) : `${count} · ${c.key}`;
  // Stances are the legend of the highlighting: each shows its icon in its theme colour.
  item.iconPath = c.kind === 'stance' ? stanceIcon(c.key) : new vscode.ThemeIcon(c.kind === 'actor' ? 'person' : CODEBOOK_ICONS[c.kind]);
  item.tooltip = `${c.label}${c.key !== c.label ? ` (${c.key})` : ''}: ${c.unused ? 'no claim uses it' : countText(c.total)}`;
  if (c.kind === 'stance') {
    const colour = (STANCE_COLOURS as readonly string[]).includes(c.key) ? c.key : 'other';
    item.tooltip += `. Claims with this stance are highlighted in the theme colour claimbook.stance.${colour}.background (set it in workbench.colorCustomizations).`;
  }
  const flags = ['codebook', c.kind];
  if (c.yamlPath && c.kind !== 'section') flags.push('codebookEntry');
  if (c.unused) {
    flags.push('unused');
    // Dimmed through a file decoration: tree items have no colour of their own.
    item.resourceUri = decorationUri(node.id, 'unused');
  }
  item.contextValue = flags.join(' ');
  if (c.yamlPath) item.command = { command: COMMANDS.openCodebookEntry, title: 'Open in Codebook', arguments: [node] };
  return item;
}

export function conflictItem(node: TreeNode<{ id: string; pair: ConflictPair }>, labels: Labels): vscode.TreeItem {
  const p = node.data.pair;
  const item = new vscode.TreeItem(`${labels.actor(p.actor)} · ${labels.commitment(p.commitment)}`, vscode.TreeItemCollapsibleState.Collapsed);
  item.id = node.id;
  item.description = `${labels.stance(p.a.stance ?? '')} ↔ ${labels.stance(p.b.stance ?? '')} · ${p.sameArticle ? 'same article' : 'across articles'}`;
  item.iconPath = new vscode.ThemeIcon('arrow-swap', new vscode.ThemeColor(p.sameArticle ? 'list.warningForeground' : 'foreground'));
  item.tooltip = `${p.actor} is recorded as ${p.a.stance} and as ${p.b.stance} on ${p.commitment}${p.sameArticle ? ' in the same article' : ''}. Click to open both side by side.`;
  item.contextValue = 'conflict';
  item.command = { command: COMMANDS.openConflict, title: 'Open Side by Side', arguments: [node] };
  return item;
}

/** A file that cannot be read: what is wrong, and a click opens the problem. */
export function noticeItem(node: TreeNode<NoticeNode>): vscode.TreeItem {
  const n = node.data;
  const item = new vscode.TreeItem(n.label, vscode.TreeItemCollapsibleState.None);
  item.id = node.id;
  item.description = 'Open';
  item.iconPath = new vscode.ThemeIcon('error', new vscode.ThemeColor('list.errorForeground'));
  item.tooltip = n.message;
  item.contextValue = 'notice';
  item.command = { command: COMMANDS.openNotice, title: 'Open the Problem', arguments: [node] };
  return item;
}

export type Decoration = ProblemBadge | 'unused';
