/**
 * The README's layout table against the tree: every folder of src/ has a row, and imports from no
 * other src/ folder than its row names.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = process.cwd();
const src = resolve(root, 'src');

function rows(): Map<string, string[]> {
  const readme = readFileSync(resolve(root, 'README.md'), 'utf8');
  const layout = readme.slice(readme.indexOf('### Layout'), readme.indexOf('### Commands'));
  const out = new Map<string, string[]>();
  for (const line of layout.split('\n')) {
    const cells = line.split('|').map((cell) => cell.trim());
    const folder = /^`src\/([a-z0-9-]+)\/`$/.exec(cells[1] ?? '')?.[1];
    if (!folder) continue;
    const allowed = cells[3] ?? '';
    out.set(folder, allowed === 'nothing' ? [] : allowed.split(/,\s*/).filter(Boolean));
  }
  return out;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return filesUnder(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

/** The other src/ folders a folder's files import from. */
function importsOf(folder: string): Set<string> {
  const out = new Set<string>();
  for (const file of filesUnder(join(src, folder))) {
    const text = readFileSync(file, 'utf8');
    for (const match of text.matchAll(/from '(\.\.?\/[^']+)'/g)) {
      const target = resolve(file, '..', match[1] as string);
      if (!target.startsWith(`${src}/`)) continue;
      const other = target.slice(src.length + 1).split('/')[0] as string;
      if (other !== folder) out.add(other);
    }
  }
  return out;
}

describe('the README layout table', () => {
  const table = rows();
  const folders = readdirSync(src).filter((name) => statSync(join(src, name)).isDirectory());

  it('has a row for every folder of src/, and no row for a folder that is gone', () => {
    expect([...table.keys()].sort()).toEqual([...folders].sort());
  });

  it.each(folders)('src/%s imports only what its row allows', (folder) => {
    const allowed = table.get(folder) ?? [];
    expect([...importsOf(folder)].filter((other) => !allowed.includes(other)).sort()).toEqual([]);
  });
});
