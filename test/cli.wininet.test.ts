// The CLI end to end with the wininet engine.
import { cliSuite } from './cli-cases.js';

cliSuite('wininet');
