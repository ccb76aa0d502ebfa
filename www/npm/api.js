// The public API shared by the browser entry (index.js) and the Node entry
// (node.js). Each entry supplies `ensureReady`, which either loads the wasm
// (Node, synchronously from disk) or throws until `init()` has finished.
import {
  annotate as wasmAnnotate,
  annotateMarkdown as wasmAnnotateMarkdown,
  version as wasmVersion,
} from "./whosaid.js";

export function makeApi(ensureReady) {
  function checkText(name, text) {
    if (typeof text !== "string") {
      throw new TypeError(`whosaid: ${name}() expects a string, got ${text === null ? "null" : typeof text}`);
    }
  }
  return {
    annotate(text, options) {
      checkText("annotate", text);
      ensureReady("annotate");
      return wasmAnnotate(text, options);
    },
    annotateMarkdown(markdown, options) {
      checkText("annotateMarkdown", markdown);
      ensureReady("annotateMarkdown");
      return wasmAnnotateMarkdown(markdown, options);
    },
    version() {
      ensureReady("version");
      return wasmVersion();
    },
  };
}
