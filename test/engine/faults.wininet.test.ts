// The fault cases against the WinInet engine (Windows Node under Wine).
import { faultSuite } from './faults/suite.js';

faultSuite('wininet');
