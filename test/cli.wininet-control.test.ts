// The CLI compared with the real curl, on the wininet engine.
import { cliControlSuite } from './cli-control.js';

cliControlSuite('wininet');
