/** Hover on a claim span in an article: who committed to what, how, and a link to the claim. */
import * as vscode from 'vscode';
import type { Codebook } from '../core';
import type { ValidationController } from './controller';
import { claimsAt, type ArticleClaim } from './claimsAt';
import { COMMANDS } from './commandIds';
import { STANCE_ICONS } from './tree/items';

export class ClaimHoverProvider implements vscode.HoverProvider {
  constructor(private readonly controller: ValidationController) {}

  provideHover(doc: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    const v = this.controller.validationFor(doc.uri);
    if (!v || v.result.texts.get(v.located.path) !== doc.getText()) return undefined;
    const claims = claimsAt(v, v.located.path, doc.offsetAt(position));
    const codebook = v.result.codebook?.model;
    if (claims.length === 0 || !codebook) return undefined;
    const md = new vscode.MarkdownString(claims.map((a) => describe(a, codebook)).join('\n\n---\n\n'));
    md.isTrusted = { enabledCommands: [COMMANDS.openClaim] };
    // The stance's icon, as in the Claims and Codebook views (hovers cannot take theme colours).
    md.supportThemeIcons = true;
    const first = claims[0] as ArticleClaim;
    return new vscode.Hover(md, new vscode.Range(doc.positionAt(first.start), doc.positionAt(first.end)));
  }
}

function describe(a: ArticleClaim, cb: Codebook): string {
  const { claim, anchor } = a.c;
  const actor = claim.actor === undefined ? undefined : cb.actors.get(claim.actor);
  const commitment = claim.commitment === undefined ? undefined : cb.commitments.get(claim.commitment);
  const stance = claim.stance === undefined ? undefined : cb.stances.get(claim.stance);
  const represents = actor?.represents ? cb.actors.get(actor.represents)?.name ?? actor.represents : undefined;
  const lines = [
    `$(${STANCE_ICONS[claim.stance ?? ''] ?? 'circle-filled'}) **${esc(stance?.label ?? claim.stance ?? '?')}** · ${esc(commitment?.label ?? claim.commitment ?? '?')} ${code(claim.commitment)}`,
    '',
    `**Actor:** ${esc(actor?.name ?? claim.actor ?? '?')} ${code(claim.actor)}${actor?.type ? ` · ${esc(actor.type)}` : ''}${represents ? ` · represents ${esc(represents)}` : ''}`,
  ];
  if (commitment?.description) lines.push('', `*${esc(commitment.description)}*`);
  if (claim.condition) lines.push('', `**Condition:** ${esc(claim.condition)}`);
  if (claim.fields.size > 0) lines.push('', `**Fields:** ${[...claim.fields].map(([k, val]) => `${esc(k)} = ${esc(String(val))}`).join(', ')}`);
  if (claim.speaker) lines.push('', `**Speaker:** ${esc(cb.actors.get(claim.speaker)?.name ?? claim.speaker)}`);
  if (claim.annotator) lines.push('', `**Annotator:** ${esc(claim.annotator)}`);
  if (claim.note) lines.push('', `**Note:** ${esc(claim.note)}`);
  if (anchor && anchor.status !== 'exact') lines.push('', `**Anchor:** ${anchor.status} (similarity ${anchor.score.toFixed(2)})`);
  const args = encodeURIComponent(JSON.stringify([a.ctx.sidecar.path, claim.index]));
  lines.push('', `[Open claim ${esc(claim.id ?? `#${claim.index + 1}`)} in ${esc(a.ctx.sidecar.path.split('/').pop() ?? '')}](command:${COMMANDS.openClaim}?${args})`);
  return lines.join('\n');
}

/** An inline code span: markdown escapes are literal inside one, so the text goes in as is. */
function code(text: string | undefined): string {
  if (!text) return '';
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}

function esc(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>]/g, '\\$&');
}
