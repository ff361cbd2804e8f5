// Allowed by the folder rule: the CLI may import the runtime (the send gate lives there for both).
import { GATE } from '../runtime/send-check';
import { DESIRED_VIEW } from './desired-send-view';

export const CHECK = [GATE, DESIRED_VIEW];
