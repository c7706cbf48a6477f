// The CLI end to end with the wininet engine.
import { cliSuite } from './run-cases.js';
import { cliHarSuite } from './har-cases.js';
import { cliSecuritySuite } from './security-cases.js';

cliSuite('wininet');
cliHarSuite('wininet');
cliSecuritySuite('wininet');
