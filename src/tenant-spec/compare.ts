/** Orders strings by UTF-16 code units, as SES and Terraform sort names. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
