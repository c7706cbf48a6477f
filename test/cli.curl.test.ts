// The CLI end to end with the curl engine.
import { cliSuite } from './cli-cases.js';
import { cliHarSuite } from './cli-har-cases.js';
import { cliSecuritySuite, curlComparison } from './cli-security-cases.js';

cliSuite('curl');
cliHarSuite('curl');
cliSecuritySuite('curl');
curlComparison();
