// The CLI compared with the real curl, on the wininet engine.
import { cliControlSuite } from './control-suite.js';

cliControlSuite('wininet');
