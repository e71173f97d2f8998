// Shared links work when opened directly: a fresh browser context loads
// /policies/huaiyin-2024#s1 from the static host (index.html fallback) and shows that section.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  withPage, gotoApp, expectPageBasics, expectPresent, readLibrary, cssAttr, APP_TIMEOUT,
  useBrowserAndApp,
} from './lib/harness.mjs';

const lib = readLibrary();

const env = useBrowserAndApp();

async function expectSectionShown(page, id) {
  const sel = `section[id="${cssAttr(id)}"]`;
  await expectPresent(page, sel, `section#${id}`);
  assert.ok(await page.locator(sel).isVisible(), `section#${id} visible`);
  // The app scrolls to the fragment once the section exists (the browser cannot: it is rendered
  // after load). Wait for it rather than timing it.
  try {
    await page.waitForFunction((s) => {
      const el = document.querySelector(s);
      if (!el) return false;
      const r = el.getBoundingClientRect();
      return r.top < window.innerHeight && r.bottom > 0;
    }, sel, { timeout: APP_TIMEOUT });
  } catch {
    assert.fail(`section#${id} was not scrolled into view`);
  }
}

test('deep link /policies/huaiyin-2024#s1 loads directly and shows the section', async (t) => {
  await withPage(t, env.browser, async (page) => {
    await gotoApp(page, env.app.url('/policies/huaiyin-2024#s1'));
    await expectPageBasics(page, '/policies/huaiyin-2024#s1');
    assert.equal(new URL(page.url()).hash, '#s1', 'fragment kept');
    await expectSectionShown(page, 's1');
  });
});

test('deep link to the last section of a long policy scrolls to it', async (t) => {
  const p = lib.policies.find((x) => x.id === 'huaiyin-2024') ?? lib.policies[0];
  const last = p.sections.at(-1);
  await withPage(t, env.browser, async (page) => {
    await gotoApp(page, env.app.url(`/policies/${p.id}#${last.id}`));
    await expectSectionShown(page, last.id);
  });
});

test('deep links to a card, a question and a notice load directly', async (t) => {
  await withPage(t, env.browser, async (page) => {
    for (const [route, e, label] of [
      ['cards', lib.cards[0], lib.cards[0].title],
      ['qa', lib.qa[0], lib.qa[0].question],
      ['notices', lib.notices[0], lib.notices[0].title],
    ]) {
      const url = `/${route}/${e.id}`;
      await gotoApp(page, env.app.url(url));
      await expectPageBasics(page, url);
      const h1 = await page.locator('h1').innerText();
      assert.ok(h1.includes(label), `${url}: h1 "${h1}" shows "${label}"`);
    }
  });
});
