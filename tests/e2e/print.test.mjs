// Print: a card prints as a clean A4 明白卡 (QR code to the online version, no header, navigation or
// buttons); a policy prints as a readable document. Checked with print media emulation, and real
// PDFs are generated with page.pdf (written to tests/.artifacts/).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { useBrowserAndApp, withPage, gotoApp, readLibrary, ARTIFACTS } from './lib/harness.mjs';

const env = useBrowserAndApp();
const lib = readLibrary();

async function visible(page, selector) {
  return page.$$eval(selector, (els) =>
    els.filter((el) => {
      const r = el.getBoundingClientRect();
      return getComputedStyle(el).display !== 'none' && r.width > 0 && r.height > 0;
    }).length,
  );
}

for (const [what, url, heading] of [
  ['card', `/cards/${lib.cards[0].id}`, lib.cards[0].title],
  ['policy', `/policies/${lib.policies[0].id}`, lib.policies[0].title],
]) {
  test(`a ${what} prints without chrome and with a QR code to its online version`, async (t) => {
    await withPage(t, env.browser, async (page) => {
      await gotoApp(page, env.app.url(url));
      assert.equal(await visible(page, '.print-qr'), 0, 'the print QR is not on screen');
      await page.emulateMedia({ media: 'print' });
      for (const chrome of ['.site-header', '.site-footer', '.site-nav', 'button', '.skip-link', '.display-settings']) {
        assert.equal(await visible(page, chrome), 0, `${chrome} hidden in print`);
      }
      assert.equal(await visible(page, '.print-qr svg.qr'), 1, 'QR code visible in print');
      assert.ok((await page.locator('.print-qr svg.qr rect').count()) > 10, 'the QR code has modules');
      const printedUrl = (await page.locator('.print-url').innerText()).trim();
      assert.equal(printedUrl, env.app.url(url), 'the QR code leads to this page');
      assert.equal((await page.locator('h1').innerText()).trim(), heading);
      assert.ok((await visible(page, 'main h2')) > 0, 'the content is printed');
      const pdf = await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
      assert.equal(pdf.subarray(0, 4).toString(), '%PDF', 'a PDF was produced');
      assert.ok(pdf.length > 5000, `PDF has content (${pdf.length} bytes)`);
      fs.mkdirSync(ARTIFACTS, { recursive: true });
      fs.writeFileSync(path.join(ARTIFACTS, `print-${what}.pdf`), pdf);
      t.diagnostic(`${what} PDF: ${pdf.length} bytes`);
    });
  });
}
