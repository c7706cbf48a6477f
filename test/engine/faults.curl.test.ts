// The fault cases against the curl engine.
import { faultSuite } from './faults/suite.js';

faultSuite('curl');
