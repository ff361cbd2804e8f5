// A renderer reaching past the engine's model into the diff.
import { PLAN } from '../engine/plan';

export const text = PLAN;
