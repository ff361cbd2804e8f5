// tenant-spec importing aws, and a circle a -> b -> a.
import { B } from './b';
import { gateway } from '../aws/gateway';

export const NAME = 'a';
export const uses = [B, gateway];
