// aws allowed to import tenant-spec: not a violation.
import { NAME } from '../tenant-spec/a';

export const gateway = NAME;
