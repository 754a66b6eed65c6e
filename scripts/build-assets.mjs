// Builds what the browser loads besides Remix's bundles: the stylesheet (GOV.UK Frontend with
// the portal's theme), GOV.UK Frontend's images and the web fonts of Urdu, Arabic and Punjabi. Served from /public, no CDN.
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
// The web fonts of the scripts Arial lacks (app/styles/_fonts.scss): regular and bold of each
// language's own subset, nothing else (ADR 0040).
const fonts = [
  ['noto-nastaliq-urdu', 'arabic'],
  ['noto-naskh-arabic', 'arabic'],
  ['noto-sans-gurmukhi', 'gurmukhi'],
];
mkdirSync('public/fonts', { recursive: true });
for (const [family, subset] of fonts) {
  for (const weight of [400, 700]) {
    const file = `${family}-${subset}-${weight}-normal.woff2`;
    cpSync(`node_modules/@fontsource/${family}/files/${file}`, `public/fonts/${file}`);
  }
  // SIL Open Font License: the licence travels with the fonts.
  cpSync(`node_modules/@fontsource/${family}/LICENSE`, `public/fonts/${family}-LICENSE.txt`);
}
console.log(`assets built in ${Date.now() - started} ms (${Math.round(css.css.length / 1024)} KB css)`);
