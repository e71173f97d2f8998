// 政策找人 in the browser: the subscribe flow, the inbox and its badge, fresh notices without a
// reload, read state across reloads, the hand-off link in a fresh browser, 清除全部, corrupt
// storage, notifications only on request, revision alerts, 为你推荐.
//
// Expectations are computed here from public/library/notices.json with the rule documented in
// crates/core/src/subscribe.rs (restated in `inInbox` below), never hard-coded.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import {
  launchBrowser, startApp, withPage, gotoApp, expectPageBasics, readLibrary, configWithLibrary, FIXTURES, APP_TIMEOUT, REPO_ROOT,
  injectAxe,
} from './lib/harness.mjs';

const lib = readLibrary();
const PROFILE_KEY = 'mingbai.profile.v1';
const INBOX_KEY = 'mingbai.inbox.v1';

// The profile the tests use: 高校毕业生 in 槐荫区, following one policy.
const PROFILE = {
  version: 1,
  audiences: ['graduates'],
  regions: ['huaiyin'],
  follows: [{ kind: 'policy', id: 'tianqiao-2022', status: 'effective' }],
};

function localToday() {
  const d = new Date();
  const p = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}
const day = (iso) => (iso || '').slice(0, 10);
const dayNumber = (iso) => Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10)) / 86_400_000;

/** The matching rule (crates/core/src/subscribe.rs), for one notice. */
function inInbox(n, p, today) {
  if (n.expires && day(n.expires) < today) return false; // expired: never
  if (n.priority === 'urgent') return true; // urgent: always
  const follows = p.follows || [];
  if ((n.links || []).some((l) => follows.some((f) => f.kind === l.kind && f.id === l.id))) return true;
  const chosen = { audiences: p.audiences || [], themes: p.themes || [], regions: p.regions || [] };
  if (Object.values(chosen).every((v) => v.length === 0)) return false; // only follows: no targeting
  return Object.entries(chosen).every(([dim, mine]) => {
    const theirs = n[dim] || [];
    return theirs.length === 0 || mine.length === 0 || theirs.some((x) => mine.includes(x));
  });
}

/** Notice ids in the inbox, and the badge count (notices + deadline reminders; no alerts here). */
function expectation(notices, p, today) {
  const matched = notices.filter((n) => inInbox(n, p, today));
  const days = p.remind_days ?? 7;
  const soon = (d) => d && dayNumber(day(d)) - dayNumber(today) >= 0 && dayNumber(day(d)) - dayNumber(today) <= days;
  const chosenAny = ['audiences', 'themes', 'regions'].some((k) => (p[k] || []).length > 0);
  const cardFits = (c) =>
    (p.follows || []).some((f) => (f.kind === 'card' && f.id === c.id) || (f.kind === 'policy' && f.id === c.policy_id)) ||
    (chosenAny && ['audiences', 'themes'].every((k) => !(c[k] || []).length || !(p[k] || []).length || c[k].some((x) => p[k].includes(x))));
  const reminders = matched.filter((n) => soon(n.deadline)).length + lib.cards.filter((c) => cardFits(c) && soon(c.deadline)).length;
  return { ids: matched.map((n) => n.id).sort(), count: matched.length + reminders };
}

async function badgeCount(page) {
  const badge = page.locator('nav .unread-badge:not([hidden])');
  if ((await badge.count()) === 0) return 0;
  const text = await badge.textContent();
  assert.match(text, /^\d+ 条未读$/, `badge text: ${text}`);
  return parseInt(text, 10);
}

async function waitForBadge(page, n) {
  try {
    await page.waitForFunction(
      (n) => {
        const b = document.querySelector('nav .unread-badge:not([hidden])');
        return (b ? parseInt(b.textContent, 10) : 0) === n;
      },
      n,
      { timeout: APP_TIMEOUT },
    );
  } catch {
    assert.fail(`badge should show ${n}, shows ${await badgeCount(page)}`);
  }
}

async function inboxNoticeIds(page) {
  const hrefs = await page.$$eval('#inbox-notices-title ~ ul a.item-title', (as) => as.map((a) => a.getAttribute('href')));
  return hrefs.map((h) => h.replace('/notices/', '')).sort();
}

/** Stores PROFILE before the app starts (once: later reloads keep what the app stored). */
async function withProfile(context, profile = PROFILE) {
  await context.addInitScript(
    ([key, value]) => {
      if (!localStorage.getItem('e2e.seeded')) {
        localStorage.setItem('e2e.seeded', '1');
        localStorage.setItem(key, value);
      }
    },
    [PROFILE_KEY, JSON.stringify(profile)],
  );
}

const storedKeys = (page) => page.evaluate(() => Object.keys(localStorage).sort());

let browser;
let app;
before(async () => {
  browser = await launchBrowser();
  // No timer: fresh notices are fetched when the test says so (an `online` event).
  app = await startApp({ overrides: { '/config.json': configWithLibrary('library/', { refresh_seconds: 0 }) } });
});
after(async () => {
  await browser?.close();
  await app?.close();
});

test('the seed library has notices on both sides of the test profile', () => {
  const { ids } = expectation(lib.notices, PROFILE, localToday());
  assert.ok(ids.length >= 2, `matching notices: ${ids}`);
  assert.ok(ids.length < lib.notices.filter((n) => !n.expires || day(n.expires) >= localToday()).length, 'and some current ones that do not match');
});

test('the subscribe flow saves a profile; the inbox shows exactly the matching notices and the badge counts them', async (t) => {
  await withPage(t, browser, async (page) => {
    await gotoApp(page, app.url('/subscribe'));
    await expectPageBasics(page, '/subscribe');
    assert.equal(await badgeCount(page), 0, 'no badge without a profile');
    await page.click('a[href="/subscribe?step=who"]');
    await page.waitForSelector('legend h1');
    assert.equal(await page.locator('fieldset.choices legend h1').innerText(), '我是…');
    await page.check('input[name="a"][value="graduates"]');
    await page.click('form.question button[type="submit"]');
    await page.waitForURL(/step=themes/);
    assert.match(page.url(), /a=graduates/, 'the answer travels in the URL');
    await page.click('form.question button[type="submit"]');
    await page.waitForURL(/step=region/);
    await page.check('input[name="r"][value="huaiyin"]');
    await page.click('form.question button[type="submit"]');
    await page.waitForURL(/step=remind/);
    assert.ok(await page.locator('input[name="d"][value="7"]').isChecked(), 'remind 7 days before by default');
    await page.click('form.question button[type="submit"]');
    await page.waitForURL(/step=check/);
    const summary = await page.locator('.summary-list').innerText();
    assert.ok(summary.includes('高校毕业生') && summary.includes('槐荫区'), summary);
    assert.equal(await page.evaluate((k) => localStorage.getItem(k), PROFILE_KEY), null, 'nothing stored before 保存设置');
    await page.click('button[data-action="save"]');
    await page.waitForURL(/\/inbox$/);
    await page.waitForSelector('#inbox-title');

    const stored = JSON.parse(await page.evaluate((k) => localStorage.getItem(k), PROFILE_KEY));
    assert.equal(stored.version, 1);
    assert.deepEqual(stored.audiences, ['graduates']);
    assert.deepEqual(stored.regions, ['huaiyin']);

    const profile = { ...stored };
    const { ids, count } = expectation(lib.notices, profile, localToday());
    assert.deepEqual(await inboxNoticeIds(page), ids, 'inbox = matching notices');
    await waitForBadge(page, count);

    // 关注 a policy: notices linking it join the inbox.
    await gotoApp(page, app.url('/policies/tianqiao-2022'));
    const follow = page.locator('button.follow');
    assert.equal(await follow.getAttribute('aria-pressed'), 'false');
    await follow.click();
    await page.waitForSelector('button.follow[aria-pressed="true"]');
    const after = JSON.parse(await page.evaluate((k) => localStorage.getItem(k), PROFILE_KEY));
    assert.deepEqual(after.follows.map((f) => [f.kind, f.id, f.status]), [['policy', 'tianqiao-2022', 'effective']]);
    const followed = expectation(lib.notices, after, localToday());
    assert.ok(followed.ids.length > ids.length, 'following adds the notices that link the policy');
    await page.click('nav a[href="/inbox"]');
    await page.waitForSelector('#inbox-title');
    assert.deepEqual(await inboxNoticeIds(page), followed.ids);
    await waitForBadge(page, followed.count);

    // Non-matching notices stay reachable in /notices.
    const other = lib.notices.find((n) => !followed.ids.includes(n.id) && (!n.expires || day(n.expires) >= localToday()));
    await gotoApp(page, app.url('/notices'));
    assert.equal(await page.locator(`a[href="/notices/${other.id}"]`).count(), 1, `${other.id} still in /notices`);
  });
});

test('the intro promises as many questions as the steps count, and the themes offered are public ones', async (t) => {
  await withPage(t, browser, async (page) => {
    await gotoApp(page, app.url('/subscribe'));
    const intro = /只需回答 (\d+) 个简单问题/.exec(await page.locator('main').innerText());
    assert.ok(intro, 'the intro says how many questions');
    const promised = Number(intro[1]);
    await page.click('a[href="/subscribe?step=who"]');
    let asked = 0;
    for (;;) {
      await page.waitForSelector('form.question, .summary-list');
      if ((await page.locator('form.question').count()) === 0) break;
      asked += 1;
      const kicker = await page.locator('p.kicker').innerText();
      assert.match(kicker, new RegExp(`第 ${asked} 个问题，共 ${promised} 个`), `question ${asked}: ${kicker}`);
      if (new URL(page.url()).searchParams.get('step') === 'themes') {
        const labels = (await page.locator('fieldset.choices label.choice').allInnerTexts()).map((l) => l.trim());
        const internal = lib.taxonomy.themes.filter((x) => x.public === false).map((x) => x.label);
        assert.ok(internal.length >= 3, 'the library marks internal categories');
        assert.deepEqual(labels.filter((l) => internal.includes(l)), [], `no internal category offered: ${labels.join('、')}`);
        assert.ok(labels.includes('就业创业'), 'citizen themes are');
      }
      const step = new URL(page.url()).searchParams.get('step');
      await page.click('form.question button[type="submit"]');
      await page.waitForFunction((s) => new URL(location.href).searchParams.get('step') !== s, step, { timeout: APP_TIMEOUT });
    }
    assert.equal(asked, promised, 'as many questions as promised');
    assert.doesNotMatch(await page.locator('p.kicker').innerText(), /第 \d+ (步|个问题)/, 'the confirmation is not counted as a question');
  });
});

test('after 保存设置 the confirmation covers no control (the first inbox item\'s 标为已读 included)', async (t) => {
  for (const viewport of [{ width: 390, height: 844 }, { width: 1280, height: 800 }]) {
    await withPage(t, browser, async (page) => {
      await gotoApp(page, app.url('/subscribe?step=check&a=graduates&r=huaiyin'));
      await page.click('button[data-action="save"]');
      await page.waitForURL(/\/inbox$/);
      await page.waitForSelector('li.item button[data-action="read"]');
      const message = page.locator('#flash');
      await message.waitFor({ state: 'visible', timeout: APP_TIMEOUT });
      assert.match(await message.innerText(), /订阅设置已保存/);
      const box = await message.boundingBox();
      const covered = await page.evaluate(({ x, y, width, height }) => {
        const flash = document.getElementById('flash');
        return [...document.querySelectorAll('a[href], button, input, select, summary')]
          .filter((el) => !flash.contains(el) && el.getClientRects().length > 0)
          .filter((el) => {
            const r = el.getBoundingClientRect();
            return r.left < x + width && x < r.right && r.top < y + height && y < r.bottom;
          })
          .map((el) => `${el.tagName} ${el.textContent.trim().slice(0, 12)}`);
      }, box);
      assert.deepEqual(covered, [], `the message at ${JSON.stringify(box)} covers controls at ${viewport.width}×${viewport.height}`);
      // Still true after scrolling the first item into view.
      await page.locator('li.item button[data-action="read"]').first().scrollIntoViewIfNeeded();
      const read = await page.locator('li.item button[data-action="read"]').first().boundingBox();
      const now = await message.boundingBox();
      const overlaps = now && read.x < now.x + now.width && now.x < read.x + read.width && read.y < now.y + now.height && now.y < read.y + read.height;
      assert.ok(!overlaps, '标为已读 not under the message');
    }, { viewport });
  }
});

test('fresh notices arrive without a reload: one new match grows the badge by exactly one', async (t) => {
  const today = localToday();
  const match = { id: 'e2e-new-match', title: '测试：高校毕业生新通知', published: today, audiences: ['graduates'], regions: ['huaiyin'], body: ['测试'] };
  const other = { id: 'e2e-new-other', title: '测试：临淄区老年人通知', published: today, audiences: ['elderly'], regions: ['linzi'], body: ['测试'] };
  assert.ok(inInbox(match, PROFILE, today) && !inInbox(other, PROFILE, today), 'one matching, one not');
  try {
    await withPage(t, browser, async (page, context) => {
      await withProfile(context);
      await gotoApp(page, app.url('/inbox'));
      const { count } = expectation(lib.notices, PROFILE, today);
      await waitForBadge(page, count);
      await page.evaluate(() => { window.__sameDocument = true; });

      app.overrides['/library/notices.json'] = JSON.stringify([...lib.notices, match, other]);
      await page.evaluate(() => window.dispatchEvent(new Event('online')));
      await waitForBadge(page, count + 1);
      assert.equal(await page.evaluate(() => window.__sameDocument), true, 'no reload');
      await page.waitForSelector(`#inbox-notices-title ~ ul a[href="/notices/${match.id}"]`, { timeout: APP_TIMEOUT });
      assert.equal(await page.locator(`a[href="/notices/${other.id}"]`).count(), 0, 'the non-matching one is not in the inbox');
      const flash = await page.locator('.flash-region[role="status"]').innerText();
      assert.ok(flash.includes(match.title), `in-app message names the new notice: ${flash}`);
      // Unchanged files on the next check: nothing more.
      await page.evaluate(() => window.dispatchEvent(new Event('online')));
      await page.waitForTimeout(500);
      assert.equal(await badgeCount(page), count + 1);
      // The new notice opens (the library itself was updated, not just the inbox).
      await page.click(`a[href="/notices/${match.id}"]`);
      await page.waitForSelector('article.notice h1');
      assert.equal(await page.locator('article.notice h1').innerText(), match.title);
      await waitForBadge(page, count); // opening it marks it read
    });
  } finally {
    delete app.overrides['/library/notices.json'];
  }
});

test('read state survives a reload; 全部标为已读 clears the badge', async (t) => {
  await withPage(t, browser, async (page, context) => {
    await withProfile(context);
    await gotoApp(page, app.url('/inbox'));
    const { count } = expectation(lib.notices, PROFILE, localToday());
    await waitForBadge(page, count);
    const first = page.locator('li.item.unread').first();
    const key = await first.locator('button[data-action="read"]').getAttribute('data-key');
    await first.locator('button[data-action="read"]').click();
    await waitForBadge(page, count - 1);
    await page.reload({ waitUntil: 'load' });
    await page.waitForSelector('#inbox-title');
    await waitForBadge(page, count - 1);
    assert.equal(await page.locator(`button[data-key="${key}"]`).count(), 0, 'still read after reload');
    const state = JSON.parse(await page.evaluate((k) => localStorage.getItem(k), INBOX_KEY));
    assert.ok(state.read.includes(key), `${key} stored as read`);
    await page.click('button[data-action="read-all"]');
    await waitForBadge(page, 0);
    assert.equal(await page.locator('.unread-badge:not([hidden])').count(), 0);
  });
});

test('the export link, opened in a fresh browser, restores the profile after confirmation', async (t) => {
  let link;
  await withPage(t, browser, async (page, context) => {
    await withProfile(context, { ...PROFILE, themes: ['employment'], remind_days: 14, delivery: 'daily', muted_themes: ['ecology'] });
    await gotoApp(page, app.url('/subscribe'));
    assert.equal(await page.locator('h1').innerText(), '订阅设置');
    link = await page.getAttribute('#export-link', 'href');
    assert.match(link, /\/import#v=1&/);
    const rects = await page.locator('svg.qr rect').count();
    assert.ok(rects > 50, `QR code drawn as SVG rects (${rects})`);
    assert.equal(await page.locator('svg.qr').evaluate((svg) => svg.namespaceURI), 'http://www.w3.org/2000/svg');
    const box = await page.locator('svg.qr').boundingBox();
    assert.ok(box && box.width > 100, 'QR code is visible at a scannable size');
  });
  await withPage(t, browser, async (page) => {
    await gotoApp(page, link.replace(/^https?:\/\/[^/]+/, app.origin));
    assert.equal(await page.locator('h1').innerText(), '导入订阅设置？');
    assert.equal(await page.evaluate((k) => localStorage.getItem(k), PROFILE_KEY), null, 'nothing imported before confirming');
    await page.click('button[data-action="import"]');
    await page.waitForURL(/\/subscribe$/);
    const stored = JSON.parse(await page.evaluate((k) => localStorage.getItem(k), PROFILE_KEY));
    assert.deepEqual(
      [stored.audiences, stored.themes, stored.regions, stored.remind_days, stored.delivery, stored.muted_themes],
      [['graduates'], ['employment'], ['huaiyin'], 14, 'daily', ['ecology']],
    );
    assert.deepEqual(stored.follows.map((f) => [f.kind, f.id, f.status]), [['policy', 'tianqiao-2022', 'effective']]);
    await page.click('nav a[href="/inbox"]');
    await page.waitForSelector('#inbox-title');
    const { ids } = expectation(lib.notices, stored, localToday());
    assert.deepEqual(await inboxNoticeIds(page), ids);
  });
});

test('清除全部 removes every mingbai key and nothing else', async (t) => {
  await withPage(t, browser, async (page, context) => {
    await withProfile(context);
    await context.addInitScript(() => {
      localStorage.setItem('mingbai.other-setting', 'x');
      localStorage.setItem('not-ours', 'keep');
    });
    await gotoApp(page, app.url('/subscribe'));
    assert.ok((await storedKeys(page)).some((k) => k.startsWith('mingbai.')));
    await page.click('button[data-action="clear"]');
    await page.waitForSelector('a[href="/subscribe?step=who"]');
    const keys = await storedKeys(page);
    assert.deepEqual(keys.filter((k) => k.startsWith('mingbai.')), [], `left: ${keys}`);
    assert.ok(keys.includes('not-ours'), 'other sites\u2019 keys untouched');
    assert.equal(await badgeCount(page), 0, 'no badge after clearing');
    await page.click('#flash button[data-action="dismiss"]'); // 知道了
    assert.ok(await page.locator('#flash').isHidden(), 'the message closes');
    await page.click('footer a[href="/privacy"]'); // in-app: no reload, no init scripts again
    await page.waitForSelector('#privacy-what-title');
    await expectPageBasics(page, '/privacy');
    const text = await page.locator('main').innerText();
    for (const k of [PROFILE_KEY, INBOX_KEY]) assert.ok(text.includes(k), `/privacy names ${k}`);
    assert.ok(text.includes('目前没有保存'), '/privacy lists what is stored now: nothing');
  });
});

test('corrupt stored data is reset with a visible message, not a crash', async (t) => {
  await withPage(t, browser, async (page, context) => {
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await context.addInitScript(() => {
      if (!sessionStorage.getItem('seeded')) {
        sessionStorage.setItem('seeded', '1');
        localStorage.setItem('mingbai.profile.v1', '{"version": 1, "audiences": 5');
        localStorage.setItem('mingbai.inbox.v1', '[[[');
      }
    });
    await gotoApp(page, app.url('/inbox'));
    await expectPageBasics(page, '/inbox');
    const flash = await page.locator('.flash-region[role="status"]').innerText();
    assert.ok(flash.includes('已损坏'), `message shown: ${flash}`);
    assert.equal(await page.evaluate(() => localStorage.getItem('mingbai.profile.v1')), null, 'corrupt profile removed');
    assert.ok((await page.locator('main').innerText()).includes('还没有订阅'));
    assert.deepEqual(errors, []);
  });
});

test('notifications: never asked on load; asked on 开启通知提醒; a new match raises one', async (t) => {
  const today = localToday();
  const match = { id: 'e2e-notify', title: '测试：提醒通知', published: today, audiences: ['graduates'], body: ['测试'] };
  try {
    await withPage(t, browser, async (page, context) => {
      await withProfile(context);
      await context.grantPermissions(['notifications'], { origin: app.origin });
      await context.addInitScript(() => {
        window.__asked = 0;
        window.__shown = [];
        const Real = window.Notification;
        class Spy {
          constructor(title, options) { window.__shown.push(title); this.options = options; }
          static get permission() { return Real.permission; }
          static requestPermission() { window.__asked += 1; return Real.requestPermission(); }
        }
        window.Notification = Spy;
      });
      await gotoApp(page, app.url('/inbox'));
      await page.waitForTimeout(300);
      assert.equal(await page.evaluate(() => window.__asked), 0, 'no permission prompt on load');
      await page.click('button[data-action="notify-on"]');
      await page.waitForSelector('button[data-action="notify-off"]');
      assert.equal(await page.evaluate(() => window.__asked), 1);
      const flash = await page.locator('.flash-region[role="status"]').innerText();
      assert.ok(flash.includes('已开启通知提醒'), flash);
      assert.equal(JSON.parse(await page.evaluate((k) => localStorage.getItem(k), PROFILE_KEY)).notify, true);

      app.overrides['/library/notices.json'] = JSON.stringify([...lib.notices, match]);
      await page.evaluate(() => window.dispatchEvent(new Event('online')));
      await page.waitForFunction(() => window.__shown.length > 0, null, { timeout: APP_TIMEOUT });
      assert.deepEqual(await page.evaluate(() => window.__shown), [`新通知：${match.title}`]);
    });
  } finally {
    delete app.overrides['/library/notices.json'];
  }
});

test('notifications denied: the button explains, nothing breaks', async (t) => {
  await withPage(t, browser, async (page, context) => {
    await withProfile(context);
    await context.addInitScript(() => {
      class Denied {
        static get permission() { return 'default'; }
        static requestPermission() { return Promise.resolve('denied'); }
      }
      window.Notification = Denied;
    });
    await gotoApp(page, app.url('/inbox'));
    await page.click('button[data-action="notify-on"]');
    await page.waitForFunction(() => document.querySelector('.flash-region')?.textContent.includes('通知'));
    const flash = await page.locator('.flash-region[role="status"]').innerText();
    assert.ok(/没有允许|还没有选择/.test(flash), flash);
    assert.equal(JSON.parse(await page.evaluate((k) => localStorage.getItem(k), PROFILE_KEY)).notify ?? false, false);
  });
});

test('为你推荐 on the home page says why, only with a profile', async (t) => {
  await withPage(t, browser, async (page) => {
    await gotoApp(page, app.url('/'));
    assert.equal(await page.locator('#home-recommend-title').count(), 0, 'no recommendations without a profile');
  });
  await withPage(t, browser, async (page, context) => {
    await withProfile(context);
    await gotoApp(page, app.url('/'));
    const block = page.locator('section[aria-labelledby="home-recommend-title"]');
    assert.equal(await block.count(), 1, '为你推荐 shown');
    const items = block.locator('li.item');
    assert.ok((await items.count()) >= 1);
    const why = await items.first().locator('.why').innerText();
    assert.match(why, /^为什么推荐给我：与您(选择|关注)的/, why);
    assert.ok(/高校毕业生|政策/.test(why), why);
  });
});

test('a followed policy revised in a newer library raises an alert linking the new version', async (t) => {
  const smallDir = path.join(FIXTURES, 'small');
  const small = readLibrary(smallDir);
  const revised = small.policies.find((p) => p.status === 'revised' && p.superseded_by);
  assert.ok(revised, 'fixture has a revised policy');
  // The older library: the same policy, still in force.
  const older = small.policies.map((p) => (p.id === revised.id ? { ...p, status: 'effective', superseded_by: undefined } : p));
  const fixtureApp = await startApp({
    library: '/fixtures/small/',
    overrides: { '/fixtures/small/policies.json': JSON.stringify(older) },
  });
  try {
    await withPage(t, browser, async (page) => {
      await gotoApp(page, fixtureApp.url(`/policies/${revised.id}`));
      await page.click('button.follow');
      await page.waitForSelector('button.follow[aria-pressed="true"]');
      const stored = JSON.parse(await page.evaluate((k) => localStorage.getItem(k), PROFILE_KEY));
      assert.deepEqual(stored.follows, [{ kind: 'policy', id: revised.id, status: 'effective' }]);
      await gotoApp(page, fixtureApp.url('/inbox'));
      assert.equal(await page.locator('#inbox-alerts-title').count(), 0, 'no alert while it is in force');

      delete fixtureApp.overrides['/fixtures/small/policies.json']; // the newer library
      await gotoApp(page, fixtureApp.url('/inbox'));
      const alerts = page.locator('section[aria-labelledby="inbox-alerts-title"]');
      await alerts.waitFor({ timeout: APP_TIMEOUT });
      const text = await alerts.innerText();
      assert.ok(text.includes('您关注的政策已修订'), text);
      assert.equal(await alerts.locator(`a[href="/policies/${revised.superseded_by}"]`).count(), 1, 'links the new version');
      assert.ok((await badgeCount(page)) >= 1);
    });
  } finally {
    await fixtureApp.close();
  }
});

/** axe-core on the current page (WCAG 2.0/2.1/2.2 A and AA rules): the violations, summarised. */
async function axeViolations(page) {
  await injectAxe(page);
  const result = await page.evaluate(() =>
    window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa'] } }));
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

test('axe-core finds no WCAG violations on the subscription pages', async (t) => {
  await withPage(t, browser, async (page) => {
    for (const url of ['/subscribe', '/subscribe?step=who', '/subscribe?step=remind&a=graduates', '/subscribe?step=check&a=graduates&r=huaiyin', '/inbox', '/privacy', '/import#v=1&a=graduates', '/import#nothing']) {
      await gotoApp(page, app.url(url));
      await expectPageBasics(page, url);
      assert.deepEqual(await axeViolations(page), [], `axe violations on ${url}`);
    }
  });
  await withPage(t, browser, async (page, context) => {
    await withProfile(context);
    for (const url of ['/', '/subscribe', '/inbox', '/policies/huaiyin-2024', '/cards/card-employment-push', '/topics/elderly-services']) {
      await gotoApp(page, app.url(url));
      assert.deepEqual(await axeViolations(page), [], `axe violations on ${url} (with a profile)`);
    }
    await page.click('button.follow'); // shows the message line
    await page.waitForSelector('#flash:not([hidden])');
    assert.deepEqual(await axeViolations(page), [], 'axe violations with the message line shown');
  });
});

test('targets are at least 44 px and the flow has labelled groups', async (t) => {
  await withPage(t, browser, async (page) => {
    await gotoApp(page, app.url('/subscribe?step=remind'));
    const fieldsets = await page.$$eval('fieldset', (fs) => fs.map((f) => f.querySelector('legend')?.textContent.trim() ?? ''));
    assert.equal(fieldsets.length, 3, 'three groups on the remind screen');
    assert.ok(fieldsets.every((l) => l.length > 0), `every fieldset has a legend: ${fieldsets}`);
    const small = await page.$$eval('label.choice, button, .form-actions a, .back a', (els) =>
      els.filter((e) => e.offsetParent !== null).map((e) => [e.textContent.trim(), e.getBoundingClientRect().height]).filter(([, h]) => h < 44));
    assert.deepEqual(small, [], 'targets under 44 px');
  });
});
