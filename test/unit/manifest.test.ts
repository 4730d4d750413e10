/** Pins the manifest to the code: commands, settings, colours, schemas and rule docs stay in step. */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { COMMANDS, PALETTE_COMMANDS } from '../../src/extension/commandIds';
import { STANCE_COLOURS } from '../../src/extension/stanceColours';
import { RULES } from '../../src/core';

const ROOT = path.resolve(__dirname, '../../..');
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
  activationEvents: string[];
  contributes: {
    commands: Array<{ command: string; category: string }>;
    menus: { commandPalette: Array<{ command: string; when: string }> };
    configuration: { properties: Record<string, { scope?: string; markdownDescription?: string }> };
    colors: Array<{ id: string }>;
    yamlValidation: Array<{ fileMatch: string; url: string }>;
  };
};

describe('package.json manifest', () => {
  it('welcome views use no markdown code spans (they render as literal backticks) and the walkthrough media exist', () => {
    const raw = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { contributes: { viewsWelcome: Array<{ contents: string }>; walkthroughs: Array<{ steps: Array<{ media: { markdown: string } }> }> } };
    for (const w of raw.contributes.viewsWelcome) assert.doesNotMatch(w.contents, /`/, w.contents);
    for (const step of raw.contributes.walkthroughs.flatMap((w) => w.steps)) assert.ok(fs.existsSync(path.join(ROOT, step.media.markdown)), step.media.markdown);
  });

  it('contributes exactly the commands of the command table, in the Claimbook category', () => {
    const contributed = pkg.contributes.commands.map((c) => c.command).sort();
    assert.deepEqual(contributed, Object.values(COMMANDS).sort());
    for (const c of pkg.contributes.commands) {
      assert.equal(c.category, 'Claimbook');
      assert.match(c.command, /^claimbook\.[a-z][A-Za-z]+$/);
    }
    const hidden = pkg.contributes.menus.commandPalette.filter((m) => m.when === 'false').map((m) => m.command);
    assert.deepEqual(Object.values(COMMANDS).filter((c) => !hidden.includes(c)).sort(), [...PALETTE_COMMANDS].sort());
  });

  it('gives every setting a scope and a markdownDescription', () => {
    for (const [key, setting] of Object.entries(pkg.contributes.configuration.properties)) {
      assert.ok(setting.scope, `${key} has a scope`);
      assert.ok(setting.markdownDescription, `${key} has a markdownDescription`);
    }
  });

  it('declares a theme colour for each stance colour the decorations use', () => {
    const ids = pkg.contributes.colors.map((c) => c.id);
    for (const stance of [...STANCE_COLOURS, 'other']) assert.ok(ids.includes(`claimbook.stance.${stance}.background`), stance);
    assert.ok(ids.includes('claimbook.anchor.problem'));
  });

  it('points yamlValidation at schema files that exist', () => {
    for (const v of pkg.contributes.yamlValidation) assert.ok(fs.existsSync(path.join(ROOT, v.url)), v.url);
  });

  it('activates on a workspace holding a codebook, never on "*"', () => {
    assert.deepEqual(pkg.activationEvents, ['workspaceContains:**/claimbook.yaml']);
  });

  it('documents every rule in docs/rules.md', () => {
    const doc = fs.readFileSync(path.join(ROOT, 'docs/rules.md'), 'utf8');
    for (const rule of RULES) assert.match(doc, new RegExp(`^## ${rule.id}$`, 'm'), rule.id);
  });
});
