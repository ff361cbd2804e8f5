// The runtime importing the CLI: a wrong-way import (the CLI sits above the runtime).
import { DESIRED_VIEW } from '../cli/desired-send-view';

export const GATE = 'send gate';
export const wrongWay = () => DESIRED_VIEW;
