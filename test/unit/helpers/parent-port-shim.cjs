// Preloaded with --require by reader-bundle.test.ts: plays Electron's process.parentPort (the
// channel of a utility process, whose messages come as { data }) over Node's IPC channel.
const { EventEmitter } = require('node:events');
const port = new EventEmitter();
port.postMessage = (message) => process.send(message);
process.on('message', (data) => port.emit('message', { data }));
process.parentPort = port;
