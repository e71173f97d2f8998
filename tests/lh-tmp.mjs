import { spawn } from 'node:child_process';
import { startServer } from './server.mjs';
const server = await startServer({ root: 'dist', compress: true });
await new Promise((ok) => spawn('node_modules/.bin/lighthouse', [server.url('/'), '--output=json', '--output-path=/tmp/size/lht.json', '--save-assets', '--only-categories=performance', '--chrome-flags=--headless=new --no-sandbox --disable-gpu', '--quiet'], { env: { ...process.env, CHROME_PATH: '/usr/bin/chromium' }, stdio: 'inherit' }).on('close', ok));
await server.close();
