// 语音播报 on policy, card and Q&A pages: hidden while the browser has no Chinese voice; with a
// fake speechSynthesis that reports a zh-CN voice (injected before the app starts) it shows,
// reads the page's text in zh-CN, and stops.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowserAndApp, withPage, gotoApp, readLibrary, APP_TIMEOUT } from './lib/harness.mjs';

const env = useBrowserAndApp();
const lib = readLibrary();
const card = lib.cards[0];
const policy = lib.policies[0];
const qa = lib.qa[0];

/** Replaces window.speechSynthesis with a recorder; `voices` are what getVoices() reports. */
function fakeSpeech(voices) {
  const spoken = [];
  let cancelled = 0;
  class FakeSynth extends EventTarget {
    constructor() {
      super();
      this.list = voices;
    }
    getVoices() {
      return this.list.slice();
    }
    speak(u) {
      spoken.push({ text: u.text, lang: u.lang });
    }
    cancel() {
      cancelled += 1;
    }
  }
  const synth = new FakeSynth();
  Object.defineProperty(window, 'speechSynthesis', { get: () => synth, configurable: true });
  window.__speech = {
    spoken,
    cancelled: () => cancelled,
    arrive(list) {
      synth.list = list;
      synth.dispatchEvent(new Event('voiceschanged'));
    },
  };
}

const ZH_VOICE = { lang: 'zh-CN', name: '测试中文语音', voiceURI: 'fake-zh', default: true, localService: true };

test('without a Chinese voice the read-aloud button stays hidden (real headless Chromium)', async (t) => {
  await withPage(t, env.browser, async (page) => {
    await gotoApp(page, env.app.url(`/cards/${card.id}`));
    const hasZh = await page.evaluate(() =>
      (window.speechSynthesis?.getVoices() || []).some((v) => /^(zh|cmn)/i.test(v.lang)),
    );
    const button = page.locator('button[data-action="speak"]');
    assert.equal(await button.count(), 1, 'the card page has a read-aloud button');
    if (hasZh) {
      t.diagnostic('this Chromium has a Chinese voice: the button is shown');
      assert.ok(await button.isVisible());
    } else {
      assert.equal(await button.isVisible(), false, 'hidden without a Chinese voice');
    }
  });
});

test('a fake engine with no voices hides the button; voices arriving later show it', async (t) => {
  await withPage(t, env.browser, async (page, context) => {
    await context.addInitScript(fakeSpeech, []);
    await gotoApp(page, env.app.url(`/policies/${policy.id}`));
    const button = page.locator('button[data-action="speak"]');
    assert.equal(await button.isVisible(), false, 'hidden while no voice is known');
    await page.evaluate((v) => window.__speech.arrive([{ lang: 'en-US', name: 'English' }]), ZH_VOICE);
    assert.equal(await button.isVisible(), false, 'an English voice is not enough');
    await page.evaluate((v) => window.__speech.arrive([v]), ZH_VOICE);
    await button.waitFor({ state: 'visible', timeout: APP_TIMEOUT });
  });
});

for (const [what, url, heading] of [
  ['card', `/cards/${card.id}`, card.title],
  ['policy', `/policies/${policy.id}`, policy.title],
  ['Q&A', `/qa/${qa.id}`, qa.question],
]) {
  test(`with a zh-CN voice the ${what} page is read aloud in zh-CN, and stops`, async (t) => {
    await withPage(t, env.browser, async (page, context) => {
      await context.addInitScript(fakeSpeech, [ZH_VOICE]);
      await gotoApp(page, env.app.url(url));
      const button = page.locator('button[data-action="speak"]');
      await button.waitFor({ state: 'visible', timeout: APP_TIMEOUT });
      assert.equal((await button.innerText()).trim(), '语音播报');
      await button.click();
      const spoken = await page.evaluate(() => window.__speech.spoken);
      assert.ok(spoken.length > 1, 'the page is read block by block');
      assert.ok(spoken.every((u) => u.lang === 'zh-CN'), 'every utterance is zh-CN');
      assert.ok(spoken.slice(0, 2).some((u) => u.text === heading), `reading starts with the page title: ${spoken.slice(0, 3).map((u) => u.text)}`);
      const all = spoken.map((u) => u.text).join('\n');
      assert.ok(!all.includes('语音播报') && !all.includes('跳到主要内容'), 'tools and navigation are not read');
      if (what === 'Q&A') assert.ok(all.includes(qa.answer[0].slice(0, 20)), 'the answer is read');
      if (what === 'card' && card.summary) assert.ok(all.includes(card.summary), 'the summary is read');
      assert.equal((await button.innerText()).trim(), '停止播报', 'the button now stops');
      const before = await page.evaluate(() => window.__speech.cancelled());
      await button.click();
      assert.ok((await page.evaluate(() => window.__speech.cancelled())) > before, 'stop cancels speech');
      assert.equal((await button.innerText()).trim(), '语音播报');
    });
  });
}

test('leaving the page stops reading; lists have no read-aloud button', async (t) => {
  await withPage(t, env.browser, async (page, context) => {
    await context.addInitScript(fakeSpeech, [ZH_VOICE]);
    await gotoApp(page, env.app.url(`/cards/${card.id}`));
    await page.locator('button[data-action="speak"]').click();
    const before = await page.evaluate(() => window.__speech.cancelled());
    await page.locator('nav a[href="/qa"]').click();
    await page.waitForURL(/\/qa$/, { timeout: APP_TIMEOUT });
    assert.ok((await page.evaluate(() => window.__speech.cancelled())) > before, 'navigation cancels speech');
    assert.equal(await page.locator('button[data-action="speak"]').count(), 0);
  });
});
