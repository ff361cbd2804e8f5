// Allowed by the folder rule (runtime -> engine), refused by runtime-loads-no-cdktf: the engine file it imports reaches cdktf.
export { wrong } from '../engine/wrong-way';
