// See package.json: this project reads ROOT files with jsroot but never draws with it.
throw new Error('node-canvas is not installed in this project (jsroot is used only to read ROOT files; see environment/stubs/canvas).');
