import { readFileSync, readdirSync } from 'fs';
import * as path from 'path';
import * as choices from '../../src/emulator/choices';

const root = path.join(__dirname, '..', '..', 'src', 'emulator');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sources(full);
    return entry.name.endsWith('.ts') && full !== path.join(root, 'choices.ts') ? [full] : [];
  });
}

const code = sources(root).map((file) => readFileSync(file, 'utf8'));

// choices.ts promises that a later probe of AWS changes one line there: that only holds when the code
// that implements a choice reads it, so a flag nobody imports is a defect (issue 10 found five).
test.each(Object.keys(choices))('choice %s is read by the emulator code it describes', (name) => {
  const imported = new RegExp(`import\\s*{[^}]*\\b${name}\\b[^}]*}\\s*from\\s*'[./]*choices'`);
  expect(code.some((text) => imported.test(text))).toBe(true);
});
