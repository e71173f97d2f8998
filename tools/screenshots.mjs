// Screenshots of every surface at its sizes, from the release build (dist/) on the embedded
// library, into docs/screenshots/*.png (listed in docs/screenshots/README.md).
//
//   bash scripts/build && node tools/screenshots.mjs
//
// Uses playwright-core with the system Chromium (/usr/bin/chromium) and the installed CJK fonts.
// PNGs are taken at device scale 1 and re-encoded by Chromium only; keep them small.
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { startServer, REPO_ROOT } from '../tests/server.mjs';

const DIST = path.resolve(REPO_ROOT, process.env.MINGBAI_DIST || 'dist');
const OUT = path.join(REPO_ROOT, 'docs', 'screenshots');
const library = (name) => JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'public', 'library', name), 'utf8'));
const first = (name) => library(name)[0].id;
const hottest = library('qa.json').sort((a, b) => (b.hot ?? 0) - (a.hot ?? 0))[0].id;

const app = await startServer({ root: DIST });
const host = await startServer({ root: path.join(REPO_ROOT, 'examples'), fallback: false });
const config = JSON.parse(fs.readFileSync(path.join(DIST, 'config.json'), 'utf8'));
app.overrides['/config.json'] = JSON.stringify({ ...config, embed: { allowed_origins: [host.origin] }, screen: { interval_seconds: 3600 } });

const SHOTS = [
  { file: 'phone-home.png', what: 'Phone, home', url: '/', viewport: [390, 844] },
  { file: 'phone-card.png', what: 'Phone, a plain-language card', url: `/cards/${first('cards.json')}`, viewport: [390, 844] },
  { file: 'phone-qa.png', what: 'Phone, a question', url: `/qa/${hottest}`, viewport: [390, 844] },
  { file: 'phone-policy.png', what: 'Phone, a policy document', url: `/policies/${first('policies.json')}`, viewport: [390, 844] },
  { file: 'kiosk-portrait.png', what: 'Kiosk 1080×1920', url: '/kiosk', viewport: [1080, 1920] },
  { file: 'kiosk-landscape.png', what: 'Kiosk 1920×1080', url: '/kiosk', viewport: [1920, 1080] },
  { file: 'screen-landscape.png', what: 'Display screen 1920×1080', url: '/screen', viewport: [1920, 1080] },
  { file: 'screen-portrait.png', what: 'Display screen 1080×1920', url: '/screen', viewport: [1080, 1920] },
  { file: 'embed-host.png', what: 'Embed in the example host page (examples/embed-host.html)', host: true, viewport: [1280, 900] },
];

fs.mkdirSync(OUT, { recursive: true });
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_BIN || '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const made = [];
try {
  for (const shot of SHOTS) {
    const page = await browser.newPage({ viewport: { width: shot.viewport[0], height: shot.viewport[1] }, locale: 'zh-CN', reducedMotion: 'reduce' });
    if (shot.host) {
      await page.goto(host.url(`/embed-host.html?app=${encodeURIComponent(app.origin)}`));
      await page.waitForFunction(() => window.received?.some((m) => m.type === 'mingbai:height'), null, { timeout: 30_000 });
      await page.fill('#q', '养老保险');
      await page.click('#search button');
      await page.waitForFunction(() => window.received.some((m) => m.type === 'mingbai:navigated' && m.path.startsWith('/search')), null, { timeout: 30_000 });
    } else {
      await page.goto(app.url(shot.url));
      await page.waitForSelector('main h1', { timeout: 30_000 });
      await page.waitForFunction(() => !document.querySelector('p[role="status"]'), null, { timeout: 30_000 });
    }
    await page.waitForTimeout(500); // fonts and the QR code settle
    const file = path.join(OUT, shot.file);
    await page.screenshot({ path: file });
    made.push({ ...shot, bytes: fs.statSync(file).size });
    console.log(`${shot.file}  ${shot.viewport.join('×')}  ${(fs.statSync(file).size / 1024).toFixed(0)} KB`);
    await page.close();
  }
} finally {
  await browser.close();
  await app.close();
  await host.close();
}

const list = made.map((s) => `| [${s.file}](${s.file}) | ${s.what} | ${s.viewport.join('×')} | \`${s.host ? 'examples/embed-host.html' : s.url}\` |`);
fs.writeFileSync(path.join(OUT, 'README.md'), `# Screenshots

Taken by \`node tools/screenshots.mjs\` (after \`bash scripts/build\`) from the release build on the
embedded library, in headless Chromium with Noto CJK fonts, reduced motion. Regenerate them after
visible changes.

| file | surface | viewport | route |
| --- | --- | --- | --- |
${list.join('\n')}
`);
