// npm run wine:setup — prepare Windows Node.js + koffi's win32 package for Wine.
import { ensureWineRuntime, WineSetupError } from '../engine/wine-runtime.js';

try {
  const rt = ensureWineRuntime((s) => console.log(`wine:setup: ${s}`));
  console.log(`wine:setup: ready (node.exe ${rt.nodeExe}, prefix ${rt.prefix})`);
} catch (e) {
  console.error(`wine:setup: ${e instanceof WineSetupError ? e.message : String(e)}`);
  process.exit(1);
}
