// Screenshots of every surface at its sizes, from a release build on the embedded library, into
// docs/screenshots/*.png (listed in docs/screenshots/README.md, with what was measured on each).
//
//   bash scripts/build && node tools/screenshots.mjs
//   MINGBAI_DIST=/tmp/old-dist node tools/screenshots.mjs --out docs/screenshots/before
//
// The second form keeps shots of an older build (e.g. before a layout change) next to the current
// ones under the same file names, so a change can be shown as before/after.
//
// Uses playwright-core with the system Chromium (/usr/bin/chromium) and the installed CJK fonts.
// PNGs are taken at device scale 1 and re-encoded by Chromium only; keep them small.
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { startServer, REPO_ROOT } from '../tests/server.mjs';

const args = process.argv.slice(2);
const outArg = args.indexOf('--out');
const DIST = path.resolve(REPO_ROOT, process.env.MINGBAI_DIST || 'dist');
const OUT = path.resolve(REPO_ROOT, outArg >= 0 ? args[outArg + 1] : path.join('docs', 'screenshots'));
const library = (name) => JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'public', 'library', name), 'utf8'));
const first = (name) => library(name)[0].id;
const hottest = library('qa.json').sort((a, b) => (b.hot ?? 0) - (a.hot ?? 0))[0].id;

const app = await startServer({ root: DIST });
const host = await startServer({ root: path.join(REPO_ROOT, 'examples'), fallback: false });
const config = JSON.parse(fs.readFileSync(path.join(DIST, 'config.json'), 'utf8'));
app.overrides['/config.json'] = JSON.stringify({ ...config, embed: { allowed_origins: [host.origin] }, screen: { interval_seconds: 3600 } });

/** Measures after the shot is set up; returns a short note for the README table. */
const pageHeight = (page) => page.evaluate(() => `page ${document.documentElement.scrollHeight} px tall`);
const startKiosk = async (page) => {
  await page.click('button.kiosk-start');
  await page.waitForSelector('#kiosk-menu:not([hidden])');
};
const padNote = (page) =>
  page.evaluate(() => {
    const pad = document.querySelector('[aria-labelledby="kiosk-pad-title"]')?.getBoundingClientRect();
    return pad ? `initials pad at y ${Math.round(pad.top)}–${Math.round(pad.bottom)} of ${innerHeight}; page ${document.documentElement.scrollHeight} px tall` : '';
  });

const SHOTS = [
  { file: 'phone-home.png', what: 'Phone, home', url: '/', viewport: [390, 844] },
  { file: 'phone-card.png', what: 'Phone, a plain-language card', url: `/cards/${first('cards.json')}`, viewport: [390, 844] },
  { file: 'phone-qa.png', what: 'Phone, a question', url: `/qa/${hottest}`, viewport: [390, 844] },
  { file: 'phone-policy.png', what: 'Phone, a policy document', url: `/policies/${first('policies.json')}`, viewport: [390, 844] },
  { file: 'kiosk-portrait.png', what: 'Kiosk 1080×1920, attract screen', url: '/kiosk', viewport: [1080, 1920], note: pageHeight },
  { file: 'kiosk-landscape.png', what: 'Kiosk 1920×1080, attract screen', url: '/kiosk', viewport: [1920, 1080], note: pageHeight },
  { file: 'kiosk-menu-portrait.png', what: 'Kiosk 1080×1920, menu (after 点击屏幕开始)', url: '/kiosk', viewport: [1080, 1920], then: startKiosk, note: padNote },
  { file: 'kiosk-menu-landscape.png', what: 'Kiosk 1920×1080, menu (after 点击屏幕开始)', url: '/kiosk', viewport: [1920, 1080], then: startKiosk, note: padNote },
  { file: 'screen-landscape.png', what: 'Display screen 1920×1080', url: '/screen', viewport: [1920, 1080], note: (p) => p.evaluate(() => document.querySelector('.slide-count')?.textContent + (document.querySelector('.screen-pause') ? ', pause shown' : ', no pause button')) },
  { file: 'screen-portrait.png', what: 'Display screen 1080×1920', url: '/screen', viewport: [1080, 1920] },
  { file: 'subscribe-intro.png', what: 'Phone, /subscribe intro', url: '/subscribe', viewport: [390, 844] },
  { file: 'subscribe-themes.png', what: 'Phone, /subscribe step 2 (themes), whole page', url: '/subscribe?step=themes', viewport: [390, 844], fullPage: true, note: (p) => p.evaluate(() => `${document.querySelector('p.kicker')?.textContent}; ${document.querySelectorAll('input[name="t"]').length} themes offered`) },
  {
    file: 'subscribe-saved.png', what: 'Phone, /inbox right after 保存设置', url: '/subscribe?step=check&a=graduates&r=huaiyin', viewport: [390, 844],
    then: async (page) => {
      await page.click('button[data-action="save"]');
      await page.waitForURL(/\/inbox$/);
      await page.waitForSelector('#flash:not([hidden])');
    },
  },
  {
    file: 'embed-host.png', what: 'Embed in the example host page (examples/embed-host.html), 5 s after a search', host: true, viewport: [1280, 900],
    note: (page) => page.evaluate(() => `iframe ${document.getElementById('mingbai').clientHeight} px tall, ${window.received.filter((m) => m.type === 'mingbai:height').length} height messages`),
  },
];

fs.mkdirSync(OUT, { recursive: true });
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_BIN || '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const made = [];
try {
  for (const shot of SHOTS) {
    // Reduced motion keeps shots stable, except on the kiosk's attract screen, which then shows
    // every item at once instead of the one-at-a-time display a passer-by sees.
    const motion = shot.url === '/kiosk' ? 'no-preference' : 'reduce';
    const page = await browser.newPage({ viewport: { width: shot.viewport[0], height: shot.viewport[1] }, locale: 'zh-CN', reducedMotion: motion });
    if (shot.host) {
      await page.goto(host.url(`/embed-host.html?app=${encodeURIComponent(app.origin)}`));
      await page.waitForFunction(() => window.received?.some((m) => m.type === 'mingbai:height'), null, { timeout: 30_000 });
      await page.fill('#q', '养老保险');
      await page.click('#search button');
      await page.waitForFunction(() => window.received.some((m) => m.type === 'mingbai:navigated' && m.path.startsWith('/search')), null, { timeout: 30_000 });
      await page.waitForTimeout(5000);
    } else {
      await page.goto(app.url(shot.url));
      await page.waitForSelector('main h1', { timeout: 30_000 });
      await page.waitForFunction(() => !document.querySelector('p[role="status"]'), null, { timeout: 30_000 });
      if (shot.then) await shot.then(page);
    }
    await page.waitForTimeout(500); // fonts and the QR code settle
    const note = shot.note ? await shot.note(page) : '';
    const file = path.join(OUT, shot.file);
    await page.screenshot({ path: file, fullPage: Boolean(shot.fullPage) });
    made.push({ ...shot, note, bytes: fs.statSync(file).size });
    console.log(`${shot.file}  ${shot.viewport.join('×')}  ${(fs.statSync(file).size / 1024).toFixed(0)} KB  ${note}`);
    await page.close();
  }
} finally {
  await browser.close();
  await app.close();
  await host.close();
}

const list = made.map((s) => `| [${s.file}](${s.file}) | ${s.what} | ${s.viewport.join('×')} | \`${s.host ? 'examples/embed-host.html' : s.url}\` | ${s.note} |`);
const intro = outArg >= 0
  ? `Taken by \`node tools/screenshots.mjs --out ${path.relative(REPO_ROOT, OUT)}\` from an older release build (the app as it
was before a change), on ${new Date().toISOString().slice(0, 10)}, so the current shots in the folder above can be compared with
these under the same file names.`
  : `Taken by \`node tools/screenshots.mjs\` (after \`bash scripts/build\`) from the release build on the
embedded library, in headless Chromium with Noto CJK fonts, reduced motion (not on the kiosk start page), on ${new Date().toISOString().slice(0, 10)}.
Regenerate them after visible changes. [before/](before/README.md) keeps the same shots of the build
before the issue 17 surface work, under the same file names.`;
fs.writeFileSync(path.join(OUT, 'README.md'), `# Screenshots

${intro}

| file | surface | viewport | route | measured |
| --- | --- | --- | --- | --- |
${list.join('\n')}
`);
