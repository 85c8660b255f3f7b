// Fails (exit 1) when a text of src/texts.js lacks its Dutch or English words, when the two have different {0}
// placeholders, or when the code names a key literally (t('…'), data-i18n="…") that texts.js does not have.
// Keys built at run time (t(`wk.status.${status}`)) are checked by their prefix: some key must start with it.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { texts } from '../src/texts.js';

const root = new URL('..', import.meta.url).pathname;
const problems = [];

const placeholders = (text) => [...text.matchAll(/\{(\d+)\}/g)].map((m) => m[1]).sort().join(',');
for (const [key, text] of Object.entries(texts)) {
  for (const language of ['nl', 'en']) {
    if (typeof text[language] !== 'string' || text[language].trim() === '') problems.push(`src/texts.js: '${key}' has no ${language} text`);
  }
  if (typeof text.nl === 'string' && typeof text.en === 'string' && placeholders(text.nl) !== placeholders(text.en)) {
    problems.push(`src/texts.js: '${key}' has placeholders {${placeholders(text.nl)}} in nl but {${placeholders(text.en)}} in en`);
  }
  const extra = Object.keys(text).filter((k) => k !== 'nl' && k !== 'en');
  if (extra.length) problems.push(`src/texts.js: '${key}' has ${extra.join(', ')} besides nl and en`);
}

const files = (dir) => readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)]));
const sources = [...files(join(root, 'src')).filter((f) => f.endsWith('.js') && !f.endsWith('texts.js')), join(root, 'index.html')];
const keys = Object.keys(texts);
for (const file of sources) {
  const lines = readFileSync(file, 'utf8').split('\n');
  lines.forEach((line, i) => {
    const where = `${relative(root, file)}:${i + 1}`;
    for (const m of line.matchAll(/\bt\('([^']+)'\s*[,)]/g)) if (!(m[1] in texts)) problems.push(`${where}: t('${m[1]}') is not in src/texts.js`);
    for (const m of line.matchAll(/data-i18n(?:-placeholder|-aria)?="([^"]+)"/g)) if (!(m[1] in texts)) problems.push(`${where}: data-i18n "${m[1]}" is not in src/texts.js`);
    // A key made at run time: t('segment.' + s), t(`wk.status.${status}`).
    for (const m of line.matchAll(/\bt\((?:'([^']+)'\s*\+|`([^`$]+)\$\{)/g)) {
      const prefix = m[1] ?? m[2];
      if (!keys.some((k) => k.startsWith(prefix))) problems.push(`${where}: no key in src/texts.js starts with '${prefix}'`);
    }
  });
}

if (problems.length) {
  console.error(problems.join('\n'));
  console.error(`check-texts: ${problems.length} problem(s)`);
  process.exit(1);
}
console.log(`check-texts: ${keys.length} texts, each in nl and en; every key the code names exists`);
