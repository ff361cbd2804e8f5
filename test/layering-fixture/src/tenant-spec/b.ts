import { NAME } from './a';

export const B = () => NAME;
