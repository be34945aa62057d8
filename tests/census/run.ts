/**
 * `npm run census [folder] [-- --per-language N] [--judgements file]`: loads saved real pages with the built extension
 * and lists every mark Glossa makes, with its context, by glossary (the built-in pack, or a term the
 * page defines itself), so that a person can judge them in minutes. Pages are read from a folder
 * outside the project (`GLOSSA_CENSUS_PAGES`, by default `../census-pages`), served from 127.0.0.1;
 * every request that leaves loopback is aborted. The page's language is its `<html lang>`.
 *
 * Judgements: a file `judgements.tsv` in the folder, or the one `--judgements <file>` names (for a
 * folder that is not ours to write in, such as ../shared/corpus): "right" or "wrong", a tab, then the
 * mark's key as the report prints it. They turn the report's counts into precision by language and
 * glossary. For a term the page defines, the report also gives the long forms the extractor reads in
 * the page's text, so that a judge sees what the popover says.
 * Writes `.reports/census.md` and prints the summary.
 */
import { existsSync, promises as fs, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { builtinPack } from '../../src/glossary/builtin/rok-us-alliance';
import { aliasKey } from '../../src/matching';
import { findDefinitions } from '../../src/page-definitions';
import { launchBrowser } from '../e2e/support/browser';
import { MARKS } from '../e2e/support/glossa-page';
import { repoRoot, startServer } from '../e2e/support/server';

interface Mark {
  text: string;
  before: string;
  after: string;
  lang: string;
}

const { values: options, positionals } = parseArgs({
  args: process.argv.slice(2),
  allowPositionals: true,
  options: { 'per-language': { type: 'string' }, judgements: { type: 'string' } },
});
const perLanguage = Number(options['per-language'] ?? 60);
const folder = path.resolve(
  positionals[0] ?? process.env.GLOSSA_CENSUS_PAGES ?? path.join(repoRoot, '..', 'census-pages'),
);

async function htmlFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await fs.readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await htmlFiles(full)));
    else if (/\.html?$/i.test(entry.name)) out.push(full);
  }
  return out.sort();
}

/** The page's declared language (primary subtag), or "?" when it declares none. */
function languageOf(bytes: Buffer): string {
  const head = bytes.subarray(0, 200_000).toString('latin1');
  return /<html[^>]*\slang=["']?([A-Za-z]+)/i.exec(head)?.[1]?.toLowerCase() ?? '?';
}

// Keys as the matcher compares aliases: "One-China" on a page is the pack's "One China".
const builtinAliases = new Set(
  builtinPack.entries.flatMap((entry) => entry.aliases.map((alias) => aliasKey(alias.text))),
);
const glossaryOf = (text: string) => (builtinAliases.has(aliasKey(text)) ? 'built-in pack' : 'page-defined');
const keyOf = (mark: Mark) =>
  `${mark.text} | ${mark.before.slice(-30)}[${mark.text}]${mark.after.slice(0, 30)}`;

async function main(): Promise<void> {
  if (!existsSync(folder)) {
    console.log(`No pages at ${folder}: give a folder of saved pages (or set GLOSSA_CENSUS_PAGES).`);
    process.exitCode = 1;
    return;
  }
  const byLanguage = new Map<string, string[]>();
  for (const file of await htmlFiles(folder)) {
    const lang = languageOf(await fs.readFile(file));
    const list = byLanguage.get(lang) ?? [];
    if (list.length < perLanguage) list.push(file);
    byLanguage.set(lang, list);
  }
  const judgementsFile = options.judgements
    ? path.resolve(options.judgements)
    : path.join(folder, 'judgements.tsv');
  const judgements = new Map<string, string>();
  if (existsSync(judgementsFile)) {
    for (const line of readFileSync(judgementsFile, 'utf8').split('\n')) {
      const [verdict, key] = line.split('\t');
      if (verdict && key) judgements.set(key, verdict.trim());
    }
  }

  const server = await startServer();
  const browser = await launchBrowser();
  const results: {
    file: string;
    lang: string;
    marks: Mark[];
    scanned: boolean;
    /** Long forms the extractor reads in the page's text, by short form. */
    defined: Map<string, Set<string>>;
  }[] = [];
  try {
    let n = 0;
    for (const [lang, files] of byLanguage) {
      for (const file of files) {
        const url = server.register(`/census/${n++}.html`, await fs.readFile(file), {
          'content-type': 'text/html',
        });
        const page = await browser.newPage();
        let marks: Mark[] = [];
        let scanned = false;
        const defined = new Map<string, Set<string>>();
        try {
          await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 20_000 });
          await page.waitForFunction(
            () => performance.getEntriesByName('glossa:scan').length > 0,
            undefined,
            {
              timeout: 15_000,
            },
          );
          scanned = true;
          // Marks added as the rest of the page is scanned in the background.
          await page.waitForTimeout(500);
          marks = await page.evaluate((name) => {
            const highlight = CSS.highlights.get(name);
            if (!highlight) return [];
            return [...highlight].map((r) => {
              const range = document.createRange();
              range.setStart(r.startContainer, r.startOffset);
              range.setEnd(r.endContainer, r.endOffset);
              const node = r.startContainer;
              const data = node.textContent ?? '';
              const element = node.parentElement;
              return {
                text: range.toString(),
                before: data.slice(Math.max(0, r.startOffset - 60), r.startOffset).replace(/\s+/g, ' '),
                after: (r.endContainer.textContent ?? '')
                  .slice(r.endOffset, r.endOffset + 60)
                  .replace(/\s+/g, ' '),
                lang: element?.closest('[lang]')?.getAttribute('lang') ?? '',
              };
            });
          }, MARKS);
          // The text as laid out, with the line breaks between blocks that the scanner's runs keep.
          // biome-ignore lint/performance/useDomNodeTextContent: textContent joins blocks into one line.
          const text = await page.evaluate(() => document.body?.innerText ?? '');
          for (const definition of findDefinitions(text)) {
            const longs = defined.get(definition.short) ?? new Set<string>();
            longs.add(definition.long);
            defined.set(definition.short, longs);
          }
        } catch (error) {
          console.error(`${path.relative(folder, file)}: ${(error as Error).message.split('\n')[0]}`);
        } finally {
          await page.close().catch(() => undefined);
        }
        results.push({ file: path.relative(folder, file), lang, marks, scanned, defined });
      }
    }
  } finally {
    await browser.close();
    await server.close();
  }

  const lines: string[] = [
    '# Census of marks',
    '',
    `Pages: ${folder}, up to ${perLanguage} per language.`,
    '',
  ];
  const summary = [
    '| language | pages | scanned | glossary | marks | judged | right | precision |',
    '|---|---:|---:|---|---:|---:|---:|---:|',
  ];
  const languages = [...new Set(results.map((r) => r.lang))].sort();
  for (const lang of languages) {
    const pages = results.filter((r) => r.lang === lang);
    for (const glossary of ['built-in pack', 'page-defined']) {
      const marks = pages.flatMap((p) => p.marks).filter((m) => glossaryOf(m.text) === glossary);
      const judged = marks.filter((m) => judgements.has(keyOf(m)));
      const right = judged.filter((m) => judgements.get(keyOf(m)) === 'right').length;
      summary.push(
        `| ${lang} | ${pages.length} | ${pages.filter((p) => p.scanned).length} | ${glossary} | ${marks.length} | ${judged.length} | ${right} | ${judged.length ? `${((right / judged.length) * 100).toFixed(1)}%` : '—'} |`,
      );
    }
  }
  lines.push(...summary, '');
  for (const glossary of ['built-in pack', 'page-defined']) {
    lines.push(`## ${glossary}`, '');
    for (const result of results) {
      const marks = result.marks.filter((m) => glossaryOf(m.text) === glossary);
      if (marks.length === 0) continue;
      lines.push(`### ${result.file} (${result.lang})`, '');
      if (glossary === 'page-defined') {
        for (const short of new Set(marks.map((m) => m.text))) {
          const longs = result.defined.get(short) ?? result.defined.get(short.replace(/s$/, ''));
          lines.push(`  ${short} = ${longs ? [...longs].join(' | ') : '(not found in the text)'}`);
        }
        lines.push('');
      }
      for (const mark of marks) {
        const verdict = judgements.get(keyOf(mark)) ?? 'unjudged';
        lines.push(`- ${verdict}\t${keyOf(mark)}`);
      }
      lines.push('');
    }
  }
  await fs.mkdir(path.join(repoRoot, '.reports'), { recursive: true });
  await fs.writeFile(path.join(repoRoot, '.reports', 'census.md'), lines.join('\n'));
  console.log(summary.join('\n'));
  console.log(`\nEvery mark: .reports/census.md (${results.reduce((n, r) => n + r.marks.length, 0)} marks).`);
}

await main();
