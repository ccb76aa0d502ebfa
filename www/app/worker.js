// The annotation worker: runs the wasm engine off the main thread so that a
// huge paste never freezes typing. This file only loads the module; then Rust
// (src/web/mod.rs, `startWorker`, on web-sys) owns `onmessage` and answers
// every request. Protocol (plain objects):
//   in  {type: "init", wasm?: ArrayBuffer}     → out {type: "ready", version}
//                                                 or  {type: "failed", message}
//   in  {type: "annotate", id, text, markdown} → out {type: "result", id, ann, ms}
//                                                 or  {type: "error", id, message}
// Without `wasm` bytes the module fetches whosaid_bg.wasm beside whosaid.js.
import init, { initSync, startWorker, version } from "../../pkg/whosaid.js";

self.onmessage = async (event) => {
  const msg = event.data;
  if (msg.type !== "init") return;
  try {
    if (msg.wasm) initSync({ module: msg.wasm });
    else await init();
    startWorker();
    self.postMessage({ type: "ready", version: version() });
  } catch (e) {
    self.postMessage({ type: "failed", message: String(e && e.message ? e.message : e) });
  }
};
