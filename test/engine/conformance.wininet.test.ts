// The WinInet engine (real WinInet: native on Windows, under Wine on Linux).
import { conformanceSuite } from './conformance/suite.js';

conformanceSuite('wininet');
