// The CLI end to end with the wininet engine.
import { cliSuite } from './cli-cases.js';
import { cliHarSuite } from './cli-har-cases.js';
import { cliSecuritySuite } from './cli-security-cases.js';

cliSuite('wininet');
cliHarSuite('wininet');
cliSecuritySuite('wininet');
