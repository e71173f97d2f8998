// Accessibility audit: axe-core (wcag2a, wcag2aa, wcag21aa, wcag22aa) in headless Chromium on
// EVERY route of the app, in every surface (phone 390×844, kiosk via ?mode=kiosk and /kiosk at
// 1080×1920, the display screen at 1920×1080 and 1080×1920, embed under /embed/), in normal and
// large-text mode (localStorage mingbai.display, the kiosk helper's contract). Zero violations.
// Shared by tests/e2e/a11y*.test.mjs (one file per surface, so each stays well within the
// per-file timeout of scripts/test).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import AxeBuilder from '@axe-core/playwright';
import { useBrowserAndApp, withPage, gotoApp, waitForApp, readLibrary } from './harness.mjs';

const lib = readLibrary();

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa'];
const PROFILE = JSON.stringify({
  version: 1,
  audiences: [lib.taxonomy.audiences?.[0]?.id].filter(Boolean),
  themes: [lib.taxonomy.themes?.[0]?.id].filter(Boolean),
  regions: [],
  follows: [{ kind: 'policy', id: lib.policies[0].id }],
  remind_days: 7,
  delivery: 'instant',
  muted_themes: [],
  notify: false,
});

/** Every route (ids from the embedded library). `profile`: with a saved subscription. */
const ROUTES = [
  { path: '/' },
  { path: '/policies' },
  { path: `/policies?status=effective&year=${(lib.policies[0].published_date || '').slice(0, 4)}` },
  { path: `/policies/${lib.policies[0].id}` },
  { path: '/qa' },
  { path: `/qa/${lib.qa[0].id}` },
  { path: '/cards' },
  { path: `/cards/${lib.cards[0].id}` },
  { path: '/notices' },
  { path: `/notices/${lib.notices[0].id}` },
  { path: '/topics' },
  { path: `/topics/${lib.topics[0].id}` },
  { path: `/search?q=${encodeURIComponent('养老保险')}` },
  { path: `/search?q=${encodeURIComponent('qqxxzzkk火星移民')}` },
  { path: '/subscribe' },
  { path: '/subscribe?step=who' },
  { path: '/subscribe?step=themes' },
  { path: '/subscribe?step=region' },
  { path: '/subscribe?step=remind' },
  { path: '/subscribe?step=check' },
  { path: '/subscribe', profile: true },
  { path: '/inbox' },
  { path: '/inbox', profile: true },
  { path: '/privacy' },
  { path: '/no-such-page' },
];

const withMode = (path, mode) => path + (path.includes('?') ? '&' : '?') + `mode=${mode}`;

export const SURFACES = [
  { name: 'phone', viewport: { width: 390, height: 844 }, urls: ROUTES.map((r) => ({ ...r, url: r.path })) },
  {
    name: 'kiosk',
    viewport: { width: 1080, height: 1920 },
    urls: [{ url: '/kiosk' }, ...ROUTES.map((r) => ({ ...r, url: withMode(r.path, 'kiosk') }))],
  },
  { name: 'embed', viewport: { width: 390, height: 844 }, urls: ROUTES.map((r) => ({ ...r, url: `/embed${r.path}` })) },
  { name: 'screen landscape', viewport: { width: 1920, height: 1080 }, urls: [{ url: '/screen' }] },
  { name: 'screen portrait', viewport: { width: 1080, height: 1920 }, urls: [{ url: '/screen' }] },
];

const MODES = [
  { name: 'normal', display: null },
  { name: 'large text', display: { large: true, contrast: false } },
];

function describe(violations) {
  return violations
    .map((v) => `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.slice(0, 4).map((n) => n.target.join(' ')).join('\n    ')}`)
    .join('\n  ');
}

/**
 * Opens `url` inside the running app (history.pushState + popstate, as the router's own links
 * do) and waits for the new page: a fresh h1 and no loading status. Saves a full page load per route.
 */
async function openInApp(page, url) {
  await page.evaluate((u) => {
    for (const h of document.querySelectorAll('h1')) h.dataset.seen = '1';
    history.pushState(null, '', u);
    dispatchEvent(new PopStateEvent('popstate', { state: null }));
  }, url);
  await page.waitForFunction(() => { const h = document.querySelector('main h1'); return h && !h.dataset.seen; }, null, { timeout: 30_000 });
  await waitForApp(page);
}

/**
 * Registers one test per surface and display mode: axe on every route, zero violations.
 * `names`: surface names; `modes`: 'normal' and/or 'large text'.
 */
export function auditSurfaces(names, modes = ['normal', 'large text']) {
  const env = useBrowserAndApp();
  for (const surface of SURFACES.filter((s) => names.includes(s.name))) {
    for (const mode of MODES.filter((m) => modes.includes(m.name))) {
      test(`axe: ${surface.name}, ${mode.name}: zero violations on every route`, async (t) => {
        const failures = [];
        // One page for the routes without a subscription and one for those with it; the display
        // settings and the profile are set before the first script runs.
        for (const profile of [false, true]) {
          const urls = surface.urls.filter((r) => !!r.profile === profile);
          if (!urls.length) continue;
          await withPage(t, env.browser, async (page, context) => {
            await context.addInitScript(
              ([display, stored]) => {
                if (display) localStorage.setItem('mingbai.display', display);
                if (stored) localStorage.setItem('mingbai.profile.v1', stored);
              },
              [mode.display && JSON.stringify(mode.display), profile ? PROFILE : null],
            );
            for (const [i, route] of urls.entries()) {
              if (i === 0 || route.reload) await gotoApp(page, env.app.url(route.url));
              else await openInApp(page, route.url);
              // Judge the settled page, not a frame of a fade-in (the screen's slides fade in).
              await page.evaluate(() => Promise.all(document.getAnimations().filter((a) => a.effect?.getTiming().iterations !== Infinity).map((a) => a.finished.catch(() => {}))));
              const results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
              if (results.violations.length) {
                failures.push(`${route.url}${profile ? ' (with a subscription)' : ''}:\n  ${describe(results.violations)}`);
              }
            }
          }, { viewport: surface.viewport });
        }
        assert.deepEqual(failures, [], `axe violations (${surface.name}, ${mode.name}):\n${failures.join('\n')}`);
      });
    }
  }
  return env;
}
