import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as io from '../../lib/io';

test('the barrel exposes the readers and writers', () => {
  for (const name of ['readCsvChunks', 'readCsv', 'writeCsv', 'readNpy', 'writeNpy', 'openHdf5', 'expectDataset', 'writeFileAtomic', 'DataFormatError']) {
    assert.equal(typeof (io as Record<string, unknown>)[name], 'function', name);
  }
});
