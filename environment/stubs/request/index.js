// See package.json: danfojs-node requires request when it loads, for reading URLs only.
'use strict';
function request() {
  throw new Error('network reads are not supported by this project (request is a stub: environment/stubs/request); download the file and read it from disk');
}
for (const method of ['get', 'head', 'options', 'post', 'put', 'patch', 'del', 'delete', 'defaults', 'forever', 'jar', 'cookie']) request[method] = request;
module.exports = request;
