// The Node host's entry (dist/extension.js): the same activate as the browser bundle's, handed to
// Node's module system directly. Exported the ES way from the entry itself, it would make esbuild
// add its ES-module interop (helpers that copy the exports behind getters), run at every startup.
import { activate, deactivate } from './extension';

module.exports = { activate, deactivate };
