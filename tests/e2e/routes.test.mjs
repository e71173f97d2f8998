// Every route renders real content from the embedded library (public/library), opened directly
// (fresh page.goto, i.e. through the server's index.html fallback) on the RELEASE build.
// Ids and texts come from the library files at test time, so content edits don't break tests.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  withPage, gotoApp, expectPageBasics, expectPresent, bodyText,
  readLibrary, zhDate, cssAttr,
  useBrowserAndApp,
} from './lib/harness.mjs';

const lib = readLibrary();
const byHot = [...lib.qa].sort((a, b) => (b.hot ?? 0) - (a.hot ?? 0));
const now = new Date();
const isCurrentNotice = (n) => !n.expires || new Date(n.expires) >= now;
const link = (href) => `a[href="${cssAttr(href)}"]`;

const env = useBrowserAndApp();

test('library sanity: the embedded library has content to test', () => {
  assert.ok(lib.policies.length >= 1, 'policies');
  assert.ok(lib.cards.length >= 1, 'cards');
  assert.ok(lib.qa.length >= 1, 'qa');
  assert.ok(lib.notices.length >= 1, 'notices');
  assert.ok(lib.topics.length >= 1, 'topics');
  assert.ok(lib.policies.some((p) => p.id === 'huaiyin-2024'), 'policy huaiyin-2024 (槐荫 2024 seed)');
});

test('/ shows hot questions, cards, notices and topics', async (t) => {
  await withPage(t, env.browser, async (page) => {
    await gotoApp(page, env.app.url('/'));
    await expectPageBasics(page, '/');
    const hottest = byHot[0];
    await expectPresent(page, link(`/qa/${hottest.id}`), `hottest question ${hottest.id} linked on /`);
    const text = await bodyText(page);
    assert.ok(text.includes(hottest.question), `hottest question text on /: ${hottest.question}`);
    for (const [kind, items] of [['cards', lib.cards], ['notices', lib.notices.filter(isCurrentNotice)], ['topics', lib.topics]]) {
      if (items.length === 0) continue;
      const hrefs = await page.$$eval(`a[href^="/${kind}/"]`, (as) => as.map((a) => a.getAttribute('href')));
      const ids = new Set(items.map((e) => `/${kind}/${e.id}`));
      assert.ok(hrefs.some((h) => ids.has(h)), `/ links to at least one of the library's ${kind} (found ${JSON.stringify(hrefs)})`);
    }
  });
});

test('/policies lists every policy', async (t) => {
  await withPage(t, env.browser, async (page) => {
    await gotoApp(page, env.app.url('/policies'));
    await expectPageBasics(page, '/policies');
    const text = await bodyText(page);
    for (const p of lib.policies) {
      await expectPresent(page, link(`/policies/${p.id}`), `/policies links to ${p.id}`);
      assert.ok(text.includes(p.title), `/policies shows title ${p.title}`);
    }
  });
});

test('/policies/huaiyin-2024 shows its metadata table and sections', async (t) => {
  await withPage(t, env.browser, async (page) => {
    await gotoApp(page, env.app.url('/policies/huaiyin-2024'));
    await expectPageBasics(page, '/policies/huaiyin-2024');
    const meta = page.locator('table.policy-meta');
    assert.equal(await meta.count(), 1, 'one table.policy-meta');
    const metaText = (await meta.innerText()).replace(/\s+/g, ' ');
    for (const label of ['文号', '发布机构', '成文日期', '发布日期', '有效性']) {
      assert.ok(metaText.includes(label), `policy-meta has a ${label} row`);
    }
    assert.ok(metaText.includes('槐政办发〔2024〕2号'), `文号 in policy-meta: ${metaText}`);
    assert.ok(metaText.includes('槐荫区人民政府办公室'), `发布机构 in policy-meta: ${metaText}`);
    assert.ok(metaText.includes('2024年6月30日'), `dates in policy-meta: ${metaText}`);
    assert.ok(metaText.includes('有效'), `有效性 in policy-meta: ${metaText}`);
    assert.equal(await page.locator('section#s1').count(), 1, 'section#s1');
    assert.equal(await page.locator('.revision-banner').count(), 0, 'no revision banner on an effective policy');
  });
});

test('every policy page shows its title, metadata and all its sections', async (t) => {
  await withPage(t, env.browser, async (page) => {
    for (const p of lib.policies) {
      const url = `/policies/${p.id}`;
      await gotoApp(page, env.app.url(url));
      await expectPageBasics(page, url);
      const h1 = await page.locator('h1').innerText();
      assert.ok(h1.includes(p.title), `${url}: h1 "${h1}" shows the title "${p.title}"`);
      const metaText = (await page.locator('table.policy-meta').innerText()).replace(/\s+/g, ' ');
      if (p.doc_number) assert.ok(metaText.includes(p.doc_number), `${url}: 文号 ${p.doc_number}`);
      assert.ok(metaText.includes(p.issuer), `${url}: 发布机构 ${p.issuer}`);
      for (const d of [p.written_date, p.published_date, p.repealed_date].filter(Boolean)) {
        assert.ok(metaText.includes(zhDate(d)), `${url}: date ${zhDate(d)} in policy-meta`);
      }
      if (p.repealed_date) assert.ok(metaText.includes('废止日期'), `${url}: 废止日期 row`);
      for (const s of p.sections || []) {
        assert.equal(await page.locator(`section[id="${cssAttr(s.id)}"]`).count(), 1, `${url}: section#${s.id}`);
      }
    }
  });
});

test('/policies?year=2024 shows only 2024 policies', async (t) => {
  const years = (p) => [p.written_date, p.published_date].filter(Boolean).map((d) => d.slice(0, 4));
  const in2024 = lib.policies.filter((p) => years(p).includes('2024'));
  const notIn2024 = lib.policies.filter((p) => !years(p).includes('2024'));
  assert.ok(in2024.length > 0 && notIn2024.length > 0, 'the library has policies in and out of 2024');
  await withPage(t, env.browser, async (page) => {
    await gotoApp(page, env.app.url('/policies?year=2024'));
    await expectPageBasics(page, '/policies?year=2024');
    for (const p of in2024) await expectPresent(page, link(`/policies/${p.id}`), `2024 policy ${p.id} listed`);
    for (const p of notIn2024) {
      assert.equal(await page.locator(`main ${link(`/policies/${p.id}`)}`).count(), 0, `non-2024 policy ${p.id} filtered out`);
    }
  });
});

test('/cards lists every card and a card page shows the card', async (t) => {
  await withPage(t, env.browser, async (page) => {
    await gotoApp(page, env.app.url('/cards'));
    await expectPageBasics(page, '/cards');
    for (const c of lib.cards) await expectPresent(page, link(`/cards/${c.id}`), `/cards links to ${c.id}`);

    const card = lib.cards[0];
    const url = `/cards/${card.id}`;
    await gotoApp(page, env.app.url(url));
    await expectPageBasics(page, url);
    const h1 = await page.locator('h1').innerText();
    assert.ok(h1.includes(card.title), `${url}: h1 "${h1}" shows "${card.title}"`);
    const text = await bodyText(page);
    if (card.summary) assert.ok(text.includes(card.summary), `${url}: summary shown`);
    for (const kp of card.key_points || []) assert.ok(text.includes(kp.title), `${url}: key point ${kp.title}`);
    await expectPresent(page, `a[href^="/policies/${cssAttr(card.policy_id)}"]`, `${url}: links to its policy ${card.policy_id}`);
  });
});

test('/qa lists questions and a question page cites its policy (政策依据)', async (t) => {
  const qa = byHot.find((q) => (q.policy_refs || []).some((r) => r.section)) ?? byHot[0];
  const ref = (qa.policy_refs || []).find((r) => r.section);
  await withPage(t, env.browser, async (page) => {
    await gotoApp(page, env.app.url('/qa'));
    await expectPageBasics(page, '/qa');
    for (const q of byHot.slice(0, 10)) await expectPresent(page, link(`/qa/${q.id}`), `/qa links to hot question ${q.id}`);

    const url = `/qa/${qa.id}`;
    await gotoApp(page, env.app.url(url));
    await expectPageBasics(page, url);
    const h1 = await page.locator('h1').innerText();
    assert.ok(h1.includes(qa.question), `${url}: h1 "${h1}" shows the question`);
    const text = await bodyText(page);
    assert.ok(text.includes(qa.answer[0]), `${url}: first answer paragraph shown`);
    assert.ok(text.includes('政策依据'), `${url}: 政策依据 shown`);
    assert.ok(ref, 'a hot question with a section reference exists');
    const href = `/policies/${ref.policy_id}#${ref.section}`;
    await expectPresent(page, link(href), `${url}: 政策依据 link ${href}`);

    // Following the citation lands on the policy with the section present.
    await page.locator(link(href)).first().click();
    await page.waitForURL((u) => u.pathname === `/policies/${ref.policy_id}` && u.hash === `#${ref.section}`, { timeout: 30_000 });
    await expectPresent(page, `section[id="${cssAttr(ref.section)}"]`, `section #${ref.section} after following 政策依据`);
    await expectPageBasics(page, href);
  });
});

test('/notices lists current notices and a notice page shows the notice', async (t) => {
  const current = lib.notices.filter(isCurrentNotice);
  await withPage(t, env.browser, async (page) => {
    await gotoApp(page, env.app.url('/notices'));
    await expectPageBasics(page, '/notices');
    for (const n of current) await expectPresent(page, link(`/notices/${n.id}`), `/notices links to current notice ${n.id}`);

    const notice = current[0] ?? lib.notices[0];
    const url = `/notices/${notice.id}`;
    await gotoApp(page, env.app.url(url));
    await expectPageBasics(page, url);
    const h1 = await page.locator('h1').innerText();
    assert.ok(h1.includes(notice.title), `${url}: h1 "${h1}" shows "${notice.title}"`);
    const text = await bodyText(page);
    if (notice.body?.[0]) assert.ok(text.includes(notice.body[0]), `${url}: body shown`);
  });
});

test('/topics/<id> shows the topic and links its items', async (t) => {
  await withPage(t, env.browser, async (page) => {
    for (const topic of lib.topics) {
      const url = `/topics/${topic.id}`;
      await gotoApp(page, env.app.url(url));
      await expectPageBasics(page, url);
      const h1 = await page.locator('h1').innerText();
      assert.ok(h1.includes(topic.title), `${url}: h1 "${h1}" shows "${topic.title}"`);
      const routes = { policy: 'policies', card: 'cards', qa: 'qa', notice: 'notices', topic: 'topics' };
      const exists = (it) => (lib[{ policy: 'policies', card: 'cards', qa: 'qa', notice: 'notices', topic: 'topics' }[it.kind]] || []).some((e) => e.id === it.id);
      for (const it of (topic.items || []).filter(exists)) {
        await expectPresent(page, link(`/${routes[it.kind]}/${it.id}`), `${url}: links ${it.kind} ${it.id}`);
      }
    }
  });
});
