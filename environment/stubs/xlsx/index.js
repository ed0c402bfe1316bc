// See package.json: danfojs-node requires xlsx when it loads, for readExcel / toExcel only.
'use strict';
function unsupported() {
  throw new Error('reading Excel files is not supported by this project (xlsx is a stub: environment/stubs/xlsx); export the sheet as CSV and use readCsv from lib/io');
}
const utils = new Proxy({}, { get: (_target, name) => (typeof name === 'string' ? unsupported : undefined) });
module.exports = { read: unsupported, readFile: unsupported, write: unsupported, writeFile: unsupported, utils };
