// The CLI compared with the real curl, on the curl engine.
import { cliControlSuite } from './cli-control.js';

cliControlSuite('curl');
