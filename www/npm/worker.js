// The Web Worker behind WorkerAnnotator (browser/bundler entry). It loads its
// own copy of the module instance; it imports the loader, not index.js, so
// that bundlers do not see the worker constructing itself.
import wasmInit from "./whosaid.js";
import { makeApi } from "./api.js";
import { serve } from "./worker-client.js";

const ready = wasmInit({ module_or_path: new URL("./whosaid_bg.wasm", import.meta.url) });

serve(
  ready,
  makeApi(() => {}),
  (handle) => self.addEventListener("message", (event) => handle(event.data)),
  (message) => self.postMessage(message),
);
