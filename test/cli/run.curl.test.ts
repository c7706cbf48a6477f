// The CLI end to end with the curl engine.
import { cliSuite } from './run-cases.js';
import { cliHarSuite } from './har-cases.js';
import { cliSecuritySuite, curlComparison } from './security-cases.js';

cliSuite('curl');
cliHarSuite('curl');
cliSecuritySuite('curl');
curlComparison();
