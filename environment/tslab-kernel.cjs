#!/usr/bin/env node
// The tslab kernel of this clone, started by Jupyter through the kernel spec that bootstrap.mjs writes
// (`.jupyter/kernels/physics-ml-notebooks/kernel.json`: node <this file> kernel --config-path <file>).
// tslab compiles cells with TypeScript's rootDir set to the kernel's working directory, so a notebook
// in notebooks/ could not import ../lib. Jupyter starts kernels in the notebook's folder; inside this
// project we move to the project root first, so every notebook imports the library as './lib/...'.
// Outside the project (another tslab notebook of the user) it behaves exactly like plain tslab.
'use strict';
const fs = require('node:fs');
const path = require('node:path');

const PACKAGE_NAME = 'physics-ml-notebooks';
const projectRoot = path.resolve(__dirname, '..');

/**
 * @param {string} dir
 * @param {string} parent
 */
function isInside(dir, parent) {
  const rel = path.relative(parent, dir);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

/** @param {string} dir */
function isProject(dir) {
  try {
    return JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')).name === PACKAGE_NAME;
  } catch {
    return false;
  }
}

if (isProject(projectRoot) && isInside(fs.realpathSync(process.cwd()), fs.realpathSync(projectRoot))) {
  process.chdir(projectRoot);
}
// tslab's compiler watches every library file it compiled; a change on disk while a cell compiles
// makes it fail with "Unexpected pending rebuildTimer", and every later cell then prints nothing.
// We turn the watching of real files off (tslab's in-memory cell files do not use it): an edit in
// lib/ is picked up after a kernel restart, as the README says, and never breaks a running kernel.
const tslabMain = require.resolve('tslab/dist/main.js', { paths: [projectRoot] });
const typescript = require(require.resolve('@tslab/typescript-for-tslab', { paths: [path.dirname(tslabMain)] }));
const noWatcher = () => ({ close() {} });
typescript.sys.watchFile = noWatcher;
typescript.sys.watchDirectory = noWatcher;

// zeromq.js 6 answers every 513th send in one stretch of synchronous code asynchronously, and a send
// issued while that one is pending throws EBUSY ("Socket is busy writing"). tslab sends without
// waiting, so a cell that prints or displays a lot (a progress bar's updates count) failed, or the
// kernel died when the failing send was tslab's own status message. Here a send that meets a busy
// socket waits for the send before it, and every later send queues behind it, so the order holds;
// all other sends go out synchronously, as before.
// (zeromq.js src/socket.cc, Socket::Send and max_sync_operations; tests/environment/kernel.test.ts.)
const zmq = require(require.resolve('zeromq', { paths: [path.dirname(tslabMain)] }));
const sendState = new WeakMap(); // socket → { last: promise of its latest send, queued: sends waiting }
for (const kind of ['Publisher', 'Router', 'Dealer', 'Reply']) {
  const proto = zmq[kind] && zmq[kind].prototype;
  if (!proto || typeof proto.send !== 'function') continue;
  const send = proto.send;
  const bind = proto.bind;
  // libzmq's default high-water mark (1 000 messages) makes a publisher *drop* messages when the
  // client lags behind a burst of outputs; a lost "idle" status leaves the client waiting forever.
  // Jupyter's outputs must all arrive: no limit (0), set before the socket binds.
  Object.defineProperty(proto, 'bind', {
    configurable: true,
    writable: true,
    /** @param {string} address */
    value: function bindWithoutLimit(address) {
      this.sendHighWaterMark = 0;
      return bind.call(this, address);
    },
  });
  Object.defineProperty(proto, 'send', {
    configurable: true,
    writable: true,
    /** @param {unknown} message */
    value: function sendInOrder(message) {
      let state = sendState.get(this);
      if (!state) sendState.set(this, (state = { last: Promise.resolve(), queued: 0 }));
      let sent = null;
      if (state.queued === 0) {
        try {
          sent = send.call(this, message);
        } catch (err) {
          if (/** @type {NodeJS.ErrnoException} */ (err).code !== 'EBUSY') throw err;
        }
      }
      if (sent === null) {
        state.queued++;
        sent = state.last.catch(() => {}).then(() => {
          state.queued--;
          return send.call(this, message);
        });
        sent.catch((/** @type {unknown} */ err) => process.stderr.write(`[tslab-kernel] zeromq ${kind} send failed: ${err}\n`));
      }
      state.last = sent;
      return sent;
    },
  });
}

// jupyter_client starts a kernel in a session of its own, so a signal to the notebook runner's process
// group does not reach it, and a kernel whose nbclient was killed would live on as an orphan. Like
// ipykernel's ParentPoller, the kernel ends when the process that started it (JPY_PARENT_PID, set by
// jupyter_client's launcher) is no longer its parent.
const parentPid = Number(process.env.JPY_PARENT_PID);
if (Number.isInteger(parentPid) && parentPid > 1 && process.ppid === parentPid) {
  setInterval(() => {
    if (process.ppid !== parentPid) process.exit(1);
  }, 500).unref();
}
require(tslabMain).main();
