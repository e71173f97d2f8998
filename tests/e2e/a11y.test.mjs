// Accessibility audit, phone surface (390×844), normal text: axe-core on every route (routes,
// surfaces and modes in lib/a11y.mjs; the other surfaces and large text are in a11y-*.test.mjs).
// Also: after in-app navigation focus moves to the new page's h1.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withPage, gotoApp, readLibrary } from './lib/harness.mjs';
import { auditSurfaces } from './lib/a11y.mjs';

const env = auditSurfaces(['phone'], ['normal']);
const lib = readLibrary();

test('after in-app navigation focus moves to the new page h1', async (t) => {
  await withPage(t, env.browser, async (page) => {
    await gotoApp(page, env.app.url('/qa'));
    const link = page.locator(`main a[href="/qa/${lib.qa[0].id}"]`).first();
    await link.focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(`**/qa/${lib.qa[0].id}`);
    await page.waitForFunction(() => document.activeElement?.tagName === 'H1', null, { timeout: 10_000 }).catch(() => {});
    const focused = await page.evaluate(() => ({ tag: document.activeElement?.tagName, text: document.activeElement?.textContent }));
    assert.equal(focused.tag, 'H1', `focus is on ${focused.tag}`);
    assert.ok(focused.text.includes(lib.qa[0].question), 'the new page heading has focus');
  });
});
