// The engine behind the page: the wasm annotator in a Web Worker, or on the
// main thread when a worker cannot start (some file:// setups). At most one
// request runs at a time and only the newest waiting one is kept: a result
// that a newer text has made stale is never computed.

/**
 * @param {object} how
 * @param {() => Worker} how.worker   starts the worker (may throw)
 * @param {ArrayBuffer} [how.wasm]    the wasm bytes, when the page carries them
 * @param {() => Promise<{annotateForView, version}>} how.mainThread  the wasm module on this thread
 */
export async function createEngine(how) {
  let run = null;
  let where = "worker";
  let version = "";
  try {
    const { call, ver } = await startWorker(how);
    run = call;
    version = ver;
  } catch (e) {
    console.warn("whosaid: no worker, annotating on the main thread:", e);
    const api = await how.mainThread();
    where = "main";
    version = api.version();
    run = async (text, markdown) => {
      const t0 = performance.now();
      const { ann, ranges } = api.annotateForView(text, markdown);
      return { ann, ranges, ms: performance.now() - t0 };
    };
  }

  let busy = false;
  let waiting = null; // {text, markdown, resolve}
  const pump = async () => {
    if (busy || !waiting) return;
    const job = waiting;
    waiting = null;
    busy = true;
    try {
      job.resolve(await run(job.text, job.markdown));
    } catch (e) {
      job.resolve({ error: String(e && e.message ? e.message : e) });
    } finally {
      busy = false;
      pump();
    }
  };

  return {
    where,
    version,
    get busy() {
      return busy || waiting !== null;
    },
    /** Resolves to {ann, ranges, ms}, {error}, or {stale: true} when superseded:
     *  `ann` the Annotations (UTF-16), `ranges` their marks for ViewBuilder. */
    annotate(text, markdown) {
      if (waiting) waiting.resolve({ stale: true });
      return new Promise((resolve) => {
        waiting = { text, markdown, resolve };
        pump();
      });
    },
  };
}

function startWorker(how) {
  return new Promise((resolve, reject) => {
    const w = how.worker();
    const pending = new Map();
    let nextId = 1;
    const timer = setTimeout(() => reject(new Error("worker did not start in 15 s")), 15000);
    w.onerror = (e) => {
      clearTimeout(timer);
      reject(new Error(e.message || "worker failed to load"));
    };
    w.onmessage = (event) => {
      const m = event.data;
      if (m.type === "ready") {
        clearTimeout(timer);
        const call = (text, markdown) =>
          new Promise((res, rej) => {
            const id = nextId++;
            pending.set(id, { res, rej });
            w.postMessage({ type: "annotate", id, text, markdown });
          });
        resolve({ call, ver: m.version });
      } else if (m.type === "failed") {
        clearTimeout(timer);
        w.terminate();
        reject(new Error(m.message));
      } else if (m.type === "result" || m.type === "error") {
        const p = pending.get(m.id);
        pending.delete(m.id);
        if (!p) return;
        if (m.type === "result") p.res({ ann: m.ann, ranges: m.ranges, ms: m.ms });
        else p.rej(new Error(m.message));
      }
    };
    w.postMessage({ type: "init", wasm: how.wasm ? how.wasm.slice(0) : undefined });
  });
}
