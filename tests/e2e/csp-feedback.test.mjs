// The Content-Security-Policy follows config.json's feedback endpoint (tools/csp-hook.mjs): an
// endpoint on another origin is allowed in connect-src (beacons) and img-src (image requests);
// a path on the same site, or no endpoint, changes nothing. Pure functions and the --feedback
// command on a copy of a built page; no browser.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { feedbackOrigin, policy, addImgOrigin, metaPolicy, withMetaPolicy } from '../../tools/csp-hook.mjs';
import { REPO_ROOT } from './lib/harness.mjs';

const get = (directives, name) => directives.find((d) => d.split(' ')[0] === name) ?? '';

test('feedbackOrigin: another origin only', () => {
  assert.equal(feedbackOrigin({ feedback: { endpoint: 'https://log.example.gov.cn/mingbai.gif' } }), 'https://log.example.gov.cn');
  assert.equal(feedbackOrigin({ feedback: { endpoint: ' http://127.0.0.1:9000/fb ' } }), 'http://127.0.0.1:9000');
  assert.equal(feedbackOrigin({ feedback: { endpoint: '/feedback' } }), null, 'a path is same-origin');
  assert.equal(feedbackOrigin({ feedback: { endpoint: 'https://app.example/feedback' } }, 'https://app.example'), null);
  assert.equal(feedbackOrigin({ feedback: { endpoint: 'javascript:alert(1)' } }), null);
  assert.equal(feedbackOrigin({ feedback: {} }), null);
  assert.equal(feedbackOrigin({}), null);
  assert.equal(feedbackOrigin(null), null);
});

test('policy: the endpoint origin goes into img-src and connect-src', () => {
  const origin = 'https://log.example.gov.cn';
  const d = policy({ connect: [origin], img: [origin] });
  assert.equal(get(d, 'img-src'), `img-src 'self' data: ${origin}`);
  assert.equal(get(d, 'connect-src'), `connect-src 'self' ${origin}`);
  assert.equal(get(policy(), 'img-src'), "img-src 'self' data:", 'unchanged without an endpoint');
  assert.deepEqual(addImgOrigin(addImgOrigin(policy(), origin), origin), d.map((x) => (x.startsWith('connect-src') ? "connect-src 'self'" : x)), 'added once');
});

test('csp-hook --feedback updates the meta tag and csp-header.txt of a deployed page', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mingbai-csp-'));
  try {
    const html = withMetaPolicy('<!doctype html><html><head><meta charset="utf-8" /></head><body></body></html>', policy());
    fs.writeFileSync(path.join(dir, 'index.html'), html);
    fs.writeFileSync(path.join(dir, 'config.json'), JSON.stringify({ library: 'library/', feedback: { endpoint: 'https://log.example.gov.cn/m.gif' } }));
    execFileSync(process.execPath, [path.join(REPO_ROOT, 'tools', 'csp-hook.mjs'), '--feedback', path.join(dir, 'index.html')]);
    const d = metaPolicy(fs.readFileSync(path.join(dir, 'index.html'), 'utf8'));
    assert.equal(get(d, 'img-src'), "img-src 'self' data: https://log.example.gov.cn");
    assert.equal(get(d, 'connect-src'), "connect-src 'self' https://log.example.gov.cn");
    const header = fs.readFileSync(path.join(dir, 'csp-header.txt'), 'utf8');
    assert.match(header, /img-src 'self' data: https:\/\/log\.example\.gov\.cn;/);
    assert.match(header, /connect-src 'self' https:\/\/log\.example\.gov\.cn;/);
    // Same-origin endpoint: nothing added.
    fs.writeFileSync(path.join(dir, 'index.html'), html);
    fs.writeFileSync(path.join(dir, 'config.json'), JSON.stringify({ feedback: { endpoint: '/feedback' } }));
    execFileSync(process.execPath, [path.join(REPO_ROOT, 'tools', 'csp-hook.mjs'), '--feedback', path.join(dir, 'index.html')]);
    assert.deepEqual(metaPolicy(fs.readFileSync(path.join(dir, 'index.html'), 'utf8')), policy());
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
