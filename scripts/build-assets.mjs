// Builds what the browser loads besides Remix's bundles: the stylesheet (GOV.UK Frontend with
// the portal's theme) and GOV.UK Frontend's images. Served from /public, no CDN.
import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import { compile } from 'sass';

const started = Date.now();
const css = compile('app/styles/app.scss', {
  loadPaths: ['node_modules'],
  style: 'compressed',
  quietDeps: true,
  silenceDeprecations: ['import', 'global-builtin', 'color-functions', 'slash-div'],
});
mkdirSync('public/css', { recursive: true });
writeFileSync('public/css/app.css', css.css);
cpSync('node_modules/govuk-frontend/dist/govuk/assets/images', 'public/assets/images', { recursive: true });
cpSync('node_modules/govuk-frontend/dist/govuk/assets/manifest.json', 'public/assets/manifest.json');
console.log(`assets built in ${Date.now() - started} ms (${Math.round(css.css.length / 1024)} KB css)`);
