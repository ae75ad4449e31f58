// A fresh temporary folder for each test (or once for a suite), removed afterwards.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

/** Registers the mocha hooks; `use` receives each new folder's path. */
export function tempFolder(prefix: string, use: (dir: string) => void, scope: 'each' | 'suite' = 'each'): void {
  let dir = '';
  const make = () => use((dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix))));
  const remove = () => fs.rmSync(dir, { recursive: true, force: true });
  if (scope === 'each') {
    beforeEach(make);
    afterEach(remove);
  } else {
    before(make);
    after(remove);
  }
}
