import { arnPlaceProblems, parseSesResourceArn, sesResourceArnProblem } from '../arn';
import type { SpecViolation } from '../violation';
import type { StackRule } from './rule';

/**
 * Every associated ARN is an SES identity, configuration-set or template ARN in the stack's
 * partition, region and account (a tenant lives in one region and one account), and its type
 * and name agree with the reference that carries it.
 */
export const resourceArns: StackRule = (stack) => {
  const { partition, region, account } = stack.target;
  const out: SpecViolation[] = [];
  for (const t of stack.tenants) {
    t.spec.resources.forEach((r, i) => {
      const field = `resources[${i}].arn`;
      const base = { path: t.path, tenant: t.spec.name, field, value: r.arn };
      if (r.arn.includes('${')) return; // an unresolved token: checked by Terraform, not here
      const problem = sesResourceArnProblem(r.arn);
      if (problem) {
        out.push({ ...base, rule: problem });
        return;
      }
      const arn = parseSesResourceArn(r.arn);
      for (const rule of arnPlaceProblems(arn, { partition, region, account }, 'the stack')) out.push({ ...base, rule });
      if (arn.type !== r.type) out.push({ ...base, rule: `is ${article(arn.type)} ${arn.type} ARN but is declared as ${article(r.type)} ${r.type}` });
      else if (arn.name !== r.name) out.push({ ...base, rule: `names ${arn.type} "${arn.name}" but is declared as "${r.name}"` });
    });
  }
  return out;
};

/** "a" or "an" before a resource type (an identity, a template). */
function article(word: string): string {
  return /^[aeiou]/.test(word) ? 'an' : 'a';
}
