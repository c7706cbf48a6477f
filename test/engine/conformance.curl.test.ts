// The libcurl engine (the system libcurl, in the same host process model).
import { conformanceSuite } from './conformance/suite.js';

conformanceSuite('curl');
