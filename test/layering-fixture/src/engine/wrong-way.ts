// The engine importing the constructs, cdktf and the SES SDK: three wrong-way imports.
import { Testing } from 'cdktf';
import { ListTenantsCommand } from '@aws-sdk/client-sesv2';
import { STACK_KIND } from '../constructs/stack';

export const wrong = [Testing, ListTenantsCommand, STACK_KIND];
