// The worker_threads worker behind WorkerAnnotator (Node entry).
import { parentPort } from "node:worker_threads";
import { annotate, annotateMarkdown } from "./node.js";
import { serve } from "./worker-client.js";

serve(
  Promise.resolve(),
  { annotate, annotateMarkdown },
  (handle) => parentPort.on("message", handle),
  (message) => parentPort.postMessage(message),
);
