// The CLI end to end with the curl engine.
import { cliSuite } from './cli-cases.js';

cliSuite('curl');
