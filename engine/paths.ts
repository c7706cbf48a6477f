// Where the project's files are, seen from compiled code in dist/engine/.
import { fileURLToPath } from 'node:url';
import path from 'node:path';

export const projectRoot = path.resolve(fileURLToPath(new URL('../../', import.meta.url)));
const distRoot = path.join(projectRoot, 'dist');
export const hostEntry = path.join(distRoot, 'engine', 'host', 'main.js');
export const cacheRoot = path.join(projectRoot, '.cache');
