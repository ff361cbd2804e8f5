import * as fs from 'fs';
import * as path from 'path';
import { documentationFiles, titledBlocks, type DocumentationFile } from './support/doc-blocks';

const ROOT = path.join(__dirname, '..');
const README_MAX_LINES = 300;

/** The lines of a page outside its fenced code blocks (blank where a block is, so line numbers hold). */
function prose(text: string): string[] {
  let fenced = false;
  return text.split('\n').map((line) => {
    if (line.startsWith('```')) {
      fenced = !fenced;
      return '';
    }
    return fenced ? '' : line;
  });
}

/** GitHub's anchor of a heading: lower case, punctuation dropped, spaces to dashes, repeats numbered. */
function anchors(text: string): Set<string> {
  const seen = new Map<string, number>();
  const result = new Set<string>();
  for (const line of prose(text)) {
    const heading = /^#{1,6} (.+)$/.exec(line);
    if (heading === null) continue;
    const base = heading[1]
      .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
      .toLowerCase()
      .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '')
      .replace(/ /g, '-');
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    result.add(n === 0 ? base : `${base}-${n}`);
  }
  return result;
}

/** A relative link of a page: where it is and what it points at. */
interface Link {
  readonly from: string;
  readonly line: number;
  readonly target: string;
}

/** The relative links of a page's prose (inline code spans and external URLs left out). */
function relativeLinks(doc: DocumentationFile): Link[] {
  const links: Link[] = [];
  prose(doc.text).forEach((line, i) => {
    for (const m of line.replace(/`[^`]*`/g, '').matchAll(/\]\(([^)\s]+)\)/g)) {
      if (!/^[a-z][a-z+.-]*:/i.test(m[1])) links.push({ from: doc.file, line: i + 1, target: m[1] });
    }
  });
  return links;
}

/** Where a link leads: the page (a path from the repository root) and the anchor, if any. */
function resolve(link: Link): { file: string; anchor?: string } {
  const [target, anchor] = link.target.split('#', 2);
  const file = target === '' ? link.from : path.posix.normalize(path.posix.join(path.posix.dirname(link.from), target));
  return { file, anchor };
}

/** The test sources that may run a titled block (this file names none). */
function testSources(): string[] {
  const sources: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const at = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(at);
      else if (entry.name.endsWith('.ts') && at !== __filename) sources.push(fs.readFileSync(at, 'utf8'));
    }
  };
  walk(__dirname);
  return sources;
}

describe('the README and the docs/ pages', () => {
  const docs = documentationFiles();
  const byFile = new Map(docs.map((d) => [d.file, d]));

  test(`README.md has at most ${README_MAX_LINES} lines`, () => {
    const lines = byFile.get('README.md')!.text.split('\n').length;
    expect(lines).toBeLessThanOrEqual(README_MAX_LINES);
  });

  test('every relative link leads to a file of the repository, and its anchor to a heading of that page', () => {
    const broken: string[] = [];
    for (const doc of docs) {
      for (const link of relativeLinks(doc)) {
        const { file, anchor } = resolve(link);
        const where = `${link.from}:${link.line}: (${link.target})`;
        if (!fs.existsSync(path.join(ROOT, file))) broken.push(`${where} no file ${file}`);
        else if (anchor !== undefined && file.endsWith('.md')) {
          const page = byFile.get(file)?.text ?? fs.readFileSync(path.join(ROOT, file), 'utf8');
          if (!anchors(page).has(anchor)) broken.push(`${where} no heading #${anchor} in ${file}`);
        }
      }
    }
    expect(broken).toEqual([]);
  });

  test('every docs/ page is reached by links from the README', () => {
    const reached = new Set(['README.md']);
    const queue = ['README.md'];
    while (queue.length > 0) {
      const doc = byFile.get(queue.shift()!);
      if (doc === undefined) continue;
      for (const link of relativeLinks(doc)) {
        const { file } = resolve(link);
        if (!reached.has(file)) {
          reached.add(file);
          queue.push(file);
        }
      }
    }
    expect(docs.map((d) => d.file).filter((file) => !reached.has(file))).toEqual([]);
  });

  test('every block marked title="..." is named by a test, which runs or compiles it', () => {
    const sources = testSources();
    const blocks = titledBlocks(docs);
    const untested = [...blocks].filter(([title]) => !sources.some((src) => [`'${title}'`, `"${title}"`, `\`${title}\``].some((q) => src.includes(q))));
    expect(untested.map(([title, block]) => `${block.file}: ${title}`)).toEqual([]);
    expect(blocks.size).toBeGreaterThanOrEqual(9);
  });

  test('a title used twice is refused, naming both pages', () => {
    const page = (file: string): DocumentationFile => ({ file, text: '```sh title="install"\nnpm init -y\n```\n' });
    expect(() => titledBlocks([page('README.md'), page('docs/guide-cdktf.md')])).toThrow(
      'README.md and docs/guide-cdktf.md both have a block titled "install"; titles must be unique across README.md and docs/*.md',
    );
    expect(() => titledBlocks([{ file: 'README.md', text: page('README.md').text.repeat(2) }])).toThrow('README.md has two blocks titled "install"');
  });

  test('the package ships the docs/ pages its README links to', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { files: string[] };
    expect(pkg.files).toContain('docs/');
  });
});
