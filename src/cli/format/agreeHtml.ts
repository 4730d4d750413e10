/**
 * `claimbook agree --report FILE.html`: one self-contained page (inline CSS, no script, no
 * network) for a codebook meeting: the measures' tables, a bar chart of agreement per label, and
 * per article a strip of each source's units over the text, disagreements outlined, then the
 * text with the disputed passages marked. Every number carries `data-measure` (its path in the
 * JSON report) and `data-value` (the JSON number), so a test can hold the page to the JSON.
 */
import { articleDisagreements, type AgreementReport, type Disagreement, type LabelKind, type Pairing, type Unit, unitsOf } from '../../core';
import { number } from './agreeText';

/** Articles drawn in full; the rest are in the tables only (a page for 1,000 articles would not be read). */
const MAX_ARTICLES = 60;
/** Code points of an article's text shown under its strips. */
const MAX_TEXT = 20_000;

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function measure(path: string, value: number | null): string {
  return `<td class="num" data-measure="${esc(path)}" data-value="${value === null ? 'null' : String(value)}">${number(value)}</td>`;
}

function hue(label: string): number {
  let h = 0;
  for (let i = 0; i < label.length; i++) h = (h * 31 + label.charCodeAt(i)) % 360;
  return h;
}

function bar(value: number | null, kind: string): string {
  const width = value === null ? 0 : Math.max(0, Math.min(1, value)) * 100;
  return `<div class="bar ${kind}"><span style="width:${width.toFixed(1)}%"></span><em>${number(value)}</em></div>`;
}

export function formatAgreementHtml(r: AgreementReport, pairing: Pairing, kind: LabelKind): string {
  const o = r.overall;
  const out: string[] = [];
  out.push(`<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<title>Claimbook agreement: ${esc(r.sources.join(' vs '))}</title><style>${STYLE}</style></head><body>`);
  out.push(`<h1>Agreement: ${r.sources.map((s) => `<span class="src">${esc(s)}</span>`).join(' vs ')}</h1>`);
  out.push(`<p class="lead"><span data-measure="articles" data-value="${r.articles}">${r.articles}</span> article(s) compared; units labelled by <b>${esc(r.label)}</b>.</p>`);
  out.push('<h2>Overall</h2><table id="overall"><tr><th>alpha_u</th><th>F1 exact</th><th>F1 overlap</th><th>precision (overlap)</th><th>recall (overlap)</th></tr><tr>');
  for (const key of ['alpha_u', 'f1_exact', 'f1_overlap', 'precision_overlap', 'recall_overlap'] as const) out.push(measure(`overall.${key}`, o[key]));
  out.push('</tr></table>');

  const labels = Object.entries(r.labels);
  out.push('<h2>Per label</h2>');
  if (labels.length > 0) {
    out.push('<div class="chart" id="chart">');
    for (const [id, m] of labels) out.push(`<div class="row"><span class="name" style="border-color:hsl(${hue(id)} 60% 45%)">${esc(id)}</span>${bar(m.alpha_u, 'alpha')}${bar(m.f1_overlap, 'f1')}</div>`);
    out.push('<p class="legend"><i class="alpha"></i> alpha_u <i class="f1"></i> F1 overlap</p></div>');
    out.push(`<table id="labels"><tr><th>label</th><th>alpha_u</th><th>F1 exact</th><th>F1 overlap</th>${r.sources.map((s) => `<th>units: ${esc(s)}</th>`).join('')}</tr>`);
    for (const [id, m] of labels) {
      const key = `labels.${id}`;
      out.push(`<tr><td>${esc(id)}</td>${measure(`${key}.alpha_u`, m.alpha_u)}${measure(`${key}.f1_exact`, m.f1_exact)}${measure(`${key}.f1_overlap`, m.f1_overlap)}`);
      out.push(`${r.sources.map((s) => `<td class="num" data-measure="${esc(`${key}.units.${s}`)}" data-value="${m.units[s] ?? 0}">${m.units[s] ?? 0}</td>`).join('')}</tr>`);
    }
    out.push('</table>');
  } else out.push('<p>No units.</p>');

  out.push('<h2>Attributes of matched units</h2><table id="attributes"><tr><th>attribute</th><th>kappa</th><th>alpha</th><th>matched</th></tr>');
  for (const [id, m] of Object.entries(r.attributes))
    out.push(`<tr><td>${esc(id)}</td>${measure(`attributes.${id}.kappa`, m.kappa)}${measure(`attributes.${id}.alpha`, m.alpha)}<td class="num" data-measure="attributes.${esc(id)}.matched" data-value="${m.matched}">${m.matched}</td></tr>`);
  out.push('</table>');

  if (r.pairs.length > 1) {
    out.push('<h2>Pairs</h2><table id="pairs"><tr><th>reference → other</th><th>F1 exact</th><th>F1 overlap</th><th>precision</th><th>recall</th></tr>');
    r.pairs.forEach((p, i) => {
      out.push(`<tr><td>${esc(p.reference)} → ${esc(p.other)}</td>${measure(`pairs.${i}.f1_exact`, p.f1_exact)}${measure(`pairs.${i}.f1_overlap`, p.f1_overlap)}`);
      out.push(`${measure(`pairs.${i}.precision_overlap`, p.precision_overlap)}${measure(`pairs.${i}.recall_overlap`, p.recall_overlap)}</tr>`);
    });
    out.push('</table>');
  }

  out.push('<h2>Articles</h2><table id="articles"><tr><th>article</th><th>alpha_u</th><th>F1 overlap</th><th>disagreements</th></tr>');
  r.articles_detail.forEach((a, i) => {
    out.push(`<tr><td><a href="#article-${i}">${esc(a.article)}</a></td>${measure(`articles_detail.${i}.alpha_u`, a.alpha_u)}${measure(`articles_detail.${i}.f1_overlap`, a.f1_overlap)}`);
    out.push(`<td class="num" data-measure="articles_detail.${i}.disagreements" data-value="${a.disagreements}">${a.disagreements}</td></tr>`);
  });
  out.push('</table>');
  if (r.left_out.length > 0) out.push(`<h2>Left out</h2><ul>${r.left_out.map((l) => `<li>${esc(l.article)}: ${esc(l.reason)}</li>`).join('')}</ul>`);
  if (r.notes.length > 0) out.push(`<h2>Notes</h2><ul id="notes">${r.notes.map((n) => `<li>${esc(n)}</li>`).join('')}</ul>`);

  const drawn = pairing.articles.map((a, i) => ({ a, i })).filter(({ i }) => (r.articles_detail[i]?.disagreements ?? 0) > 0);
  out.push(`<h2>Disagreements by article</h2>`);
  if (drawn.length > MAX_ARTICLES) out.push(`<p>The first ${MAX_ARTICLES} of ${drawn.length} articles with disagreements are drawn.</p>`);
  if (drawn.length === 0) out.push('<p>None: the sources agree on every unit.</p>');
  for (const { a, i } of drawn.slice(0, MAX_ARTICLES)) {
    const disagreements = articleDisagreements(a, pairing.sources, kind);
    const disputed = new Set<Unit['claim']>();
    for (const d of disagreements) for (const u of [d.a, d.b]) if (u) disputed.add(u.claim);
    out.push(`<section class="article" id="article-${i}"><h3>${esc(a.path)} <small>${disagreements.length} disagreement(s)</small></h3>`);
    a.claims.forEach((claims, s) => {
      out.push(`<div class="strip" data-source="${esc(pairing.sources[s] as string)}"><span class="who">${esc(pairing.sources[s] as string)}</span><div class="track">`);
      for (const u of unitsOf(claims, kind)) {
        const left = a.length === 0 ? 0 : (u.start / a.length) * 100;
        const width = a.length === 0 ? 0 : Math.max(0.3, ((u.end - u.start) / a.length) * 100);
        out.push(`<i class="unit${disputed.has(u.claim) ? ' dis' : ''}" style="left:${left.toFixed(2)}%;width:${width.toFixed(2)}%;background:hsl(${hue(u.label)} 60% 55%)" title="${esc(`${u.label} [${u.start}, ${u.end})`)}"></i>`);
      }
      out.push('</div></div>');
    });
    out.push(`<ul class="list">${disagreements.map((d) => `<li>${describe(d)}</li>`).join('')}</ul>`);
    out.push(`<div class="text">${markedText(a.index.sliceCp(0, Math.min(a.length, MAX_TEXT)), disagreements)}${a.length > MAX_TEXT ? '<em> … (text cut)</em>' : ''}</div></section>`);
  }
  out.push('</body></html>\n');
  return out.join('\n');
}

const KIND: Record<Disagreement['kind'], string> = { 'only-one': 'only in', label: 'different label', span: 'different span', attributes: 'different attributes' };

function describe(d: Disagreement): string {
  const side = (u: Unit | undefined, who: string) => (u ? `${esc(who)}: <b>${esc(u.label)}</b> [${u.start}, ${u.end})` : '');
  const head = d.kind === 'only-one' ? `${KIND[d.kind]} ${esc(d.a ? d.sources[0] : d.sources[1])}` : KIND[d.kind];
  const attrs = d.attributes && d.attributes.length > 0 ? ` (${d.attributes.map(esc).join(', ')})` : '';
  return `<span class="k ${d.kind}">${head}${attrs}</span> ${[side(d.a, d.sources[0]), side(d.b, d.sources[1])].filter(Boolean).join(' · ')}`;
}

/** The text with every disputed range (in code points) in a <mark>. */
function markedText(text: string, disagreements: readonly Disagreement[]): string {
  const cps = Array.from(text);
  const marked = new Uint8Array(cps.length);
  for (const d of disagreements) for (const u of [d.a, d.b]) if (u) for (let k = u.start; k < Math.min(u.end, cps.length); k++) marked[k] = 1;
  let out = '';
  let open = false;
  cps.forEach((c, k) => {
    if (Boolean(marked[k]) !== open) {
      out += open ? '</mark>' : '<mark>';
      open = !open;
    }
    out += esc(c);
  });
  return open ? `${out}</mark>` : out;
}

const STYLE = `body{font:14px/1.45 system-ui,sans-serif;margin:2em auto;max-width:1100px;color:#222;padding:0 1em}
h1{font-size:1.5em}h2{margin-top:1.6em;border-bottom:1px solid #ddd}.src{background:#eef;padding:0 .3em;border-radius:3px}
table{border-collapse:collapse;margin:.5em 0}th,td{border:1px solid #ddd;padding:.25em .6em;text-align:left}td.num{text-align:right;font-variant-numeric:tabular-nums}
.chart .row{display:flex;align-items:center;gap:.6em;margin:.2em 0}.chart .name{width:16em;border-left:.5em solid;padding-left:.4em;overflow:hidden;text-overflow:ellipsis;white-space:nowrap}
.bar{position:relative;width:18em;height:1.1em;background:#f2f2f2}.bar span{display:block;height:100%}.bar.alpha span{background:#4a7bd0}.bar.f1 span{background:#e0a030}
.bar em{position:absolute;right:.3em;top:0;font-size:.8em;font-style:normal}.legend i{display:inline-block;width:1em;height:.8em;margin:0 .3em 0 1em}.legend i.alpha{background:#4a7bd0}.legend i.f1{background:#e0a030}
.article{border:1px solid #ddd;border-radius:4px;padding:.5em 1em;margin:1em 0}.strip{display:flex;align-items:center;margin:.3em 0}.who{width:9em;font-weight:600}
.track{position:relative;flex:1;height:1.2em;background:#f5f5f5}.unit{position:absolute;top:.15em;height:.9em;opacity:.8}.unit.dis{outline:2px solid #d00;opacity:1}
.list .k{font-weight:600}.list .only-one{color:#b00}.list .label{color:#a50}.list .span{color:#05a}.list .attributes{color:#070}
.text{white-space:pre-wrap;background:#fafafa;padding:.6em;max-height:24em;overflow:auto;font-family:Georgia,serif}mark{background:#ffd1d1}`;
