import * as readline from 'readline';

/** Asks a yes/no question on the terminal; only an explicit "yes" (as Terraform asks) confirms. */
export async function confirm(question: string): Promise<boolean> {
  if (!process.stdin.isTTY) return false;
  const rl = readline.createInterface({ input: process.stdin, output: process.stderr });
  try {
    const answer = await new Promise<string>((resolve) => rl.question(`${question}\n  Only 'yes' will be accepted to approve.\n\n  Enter a value: `, resolve));
    return answer.trim() === 'yes';
  } finally {
    rl.close();
  }
}
