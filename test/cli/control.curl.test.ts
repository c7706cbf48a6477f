// The CLI compared with the real curl, on the curl engine.
import { cliControlSuite } from './control-suite.js';

cliControlSuite('curl');
