/** Pins the explorer's contributions in package.json to the code: views, menus, colours, setting. */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { COMMANDS } from '../../src/extension/commandIds';
import { STANCE_COLOURS } from '../../src/extension/stanceColours';

const ROOT = path.resolve(__dirname, '../../..');
interface MenuItem { command: string; when?: string; group?: string }
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
  contributes: {
    viewsContainers: { activitybar: Array<{ id: string; icon: string }> };
    views: Record<string, Array<{ id: string }>>;
    viewsWelcome: Array<{ view: string; contents: string; when: string }>;
    commands: Array<{ command: string }>;
    menus: Record<string, MenuItem[]>;
    colors: Array<{ id: string }>;
    configuration: { properties: Record<string, { type: string; scope?: string }> };
  };
};
const c = pkg.contributes;

describe('package.json: the Claimbook views', () => {
  it('declares the activity bar container with an icon file, and its views', () => {
    const container = c.viewsContainers.activitybar.find((v) => v.id === 'claimbook');
    assert.ok(container);
    assert.ok(fs.readFileSync(path.join(ROOT, container.icon), 'utf8').includes('<svg'));
    assert.deepEqual(c.views.claimbook?.map((v) => v.id), ['claimbook.claims', 'claimbook.codebook', 'claimbook.conflicts', 'claimbook.disagreements']);
  });

  it('offers welcome content for no dataset (with New Dataset), no claims and an empty filter', () => {
    const claims = c.viewsWelcome.filter((w) => w.view === 'claimbook.claims');
    assert.ok(claims.some((w) => w.when.includes('noDataset') && w.contents.includes('command:claimbook.newDataset')));
    assert.ok(claims.some((w) => w.when.includes('noClaims')));
    assert.ok(claims.some((w) => w.when.includes('claimbook.claims.filtered') && w.contents.includes(`command:${COMMANDS.clearClaimFilter}`)));
  });

  it('puts only declared commands in the view menus, and hides node commands from the palette', () => {
    const declared = new Set(c.commands.map((x) => x.command));
    for (const menu of ['view/title', 'view/item/context']) {
      assert.ok((c.menus[menu]?.length ?? 0) > 0, menu);
      for (const item of c.menus[menu] ?? []) assert.ok(declared.has(item.command), `${menu}: ${item.command}`);
    }
    const hidden = new Set((c.menus.commandPalette ?? []).filter((m) => m.when === 'false').map((m) => m.command));
    for (const id of [COMMANDS.revealClaim, COMMANDS.deleteClaim, COMMANDS.reanchorClaim, COMMANDS.copyClaimAsJson, COMMANDS.showClaims, COMMANDS.openConflict]) assert.ok(hidden.has(id), id);
    const title = (c.menus['view/title'] ?? []).map((m) => m.command);
    assert.ok(title.includes(COMMANDS.groupClaims) && title.includes(COMMANDS.filterClaims) && title.includes(COMMANDS.clearClaimFilter));
  });

  it('declares an opaque icon colour for every stance colour', () => {
    const ids = c.colors.map((x) => x.id);
    for (const s of [...STANCE_COLOURS, 'other']) assert.ok(ids.includes(`claimbook.stance.${s}.foreground`), s);
  });

  it('declares the follow-the-editor setting', () => {
    const setting = c.configuration.properties['claimbook.explorer.followCursor'];
    assert.equal(setting?.type, 'boolean');
    assert.ok(setting.scope);
  });
});
