import * as fs from 'fs';
import * as path from 'path';

const REPO = path.join(__dirname, '..', '..');

/** One page of the documentation: README.md or a page under docs/. */
export interface DocumentationFile {
  /** Its path from the repository root, with `/` separators (`README.md`, `docs/guide-cli.md`). */
  readonly file: string;
  /** Its text. */
  readonly text: string;
}

/** A fenced code block of the documentation marked with an info string `LANG title="TITLE"`. */
export interface ReadmeBlock {
  /** Language of the block (`sh`, `json`, `ts`). */
  readonly lang: string;
  /** Its content, ending with a newline. */
  readonly body: string;
  /** The page that holds it (`README.md`, `docs/guide-runtime.md`). */
  readonly file: string;
}

/** README.md, then every `docs/*.md` page in name order, read from the repository. */
export function documentationFiles(): DocumentationFile[] {
  const docs = fs
    .readdirSync(path.join(REPO, 'docs'))
    .filter((name) => name.endsWith('.md'))
    .sort()
    .map((name) => `docs/${name}`);
  return ['README.md', ...docs].map((file) => ({ file, text: fs.readFileSync(path.join(REPO, file), 'utf8') }));
}

/**
 * The code blocks marked `title="..."` of the given pages, by title (the blocks a user copies into
 * a project, which the tests run as written). Titles are unique across all pages, so a test names
 * a block without naming its page; a title used twice is an error naming both pages.
 */
export function titledBlocks(files: readonly DocumentationFile[]): Map<string, ReadmeBlock> {
  const blocks = new Map<string, ReadmeBlock>();
  for (const { file, text } of files) {
    for (const m of text.matchAll(/^```(\w+) title="([^"]+)"\n([\s\S]*?)^```$/gm)) {
      const seen = blocks.get(m[2]);
      if (seen !== undefined) {
        const where = seen.file === file ? `${file} has two blocks` : `${seen.file} and ${file} both have a block`;
        throw new Error(`${where} titled "${m[2]}"; titles must be unique across README.md and docs/*.md`);
      }
      blocks.set(m[2], { lang: m[1], body: m[3], file });
    }
  }
  return blocks;
}

/** The titled code blocks of README.md and every docs/*.md page, by title. */
export function readmeBlocks(): Map<string, ReadmeBlock> {
  return titledBlocks(documentationFiles());
}

/** The commands of a titled `sh` block, one per line, each split into its words (none is quoted). */
export function readmeCommands(title: string): string[][] {
  const block = readmeBlocks().get(title);
  if (block?.lang !== 'sh') throw new Error(`README.md and docs/*.md have no sh block titled "${title}"`);
  return block.body
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.length > 0 && !line.startsWith('#'))
    .map((line) => line.split(/\s+/));
}
