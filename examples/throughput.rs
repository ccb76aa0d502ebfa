//! Engine throughput on a JSONL corpus, in process: no process start-up and no
//! JSON output in the measurement (the CLI's `--jsonl` mode adds both). Prints
//! the best and the median of several passes in MB/s of text. One thread by
//! default; with THREADS, the documents are shared out among that many threads
//! (as the CLI's batch mode does), to show what the cores add.
//!
//! ```text
//! cargo run --release --example throughput -- CORPUS.jsonl [PASSES] [THREADS]
//! ```
//!
//! CORPUS.jsonl has one `{"text": …}` object per line (e.g. the PolNeAR train
//! file built as `../shared/eval/README.md` says).
//!
//! With the `cli` feature (the default) the example links the allocator the
//! CLI links, mimalloc, so that it measures the engine as `whosaid annotate`
//! runs it; with `--no-default-features`, on the system allocator (as a Rust
//! program that embeds the crate and keeps its default allocator). The
//! output line names the allocator.

use std::time::Instant;

#[cfg(feature = "cli")]
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// The allocator this build links, for the output line.
const ALLOCATOR_NAME: &str = if cfg!(feature = "cli") {
    "mimalloc"
} else {
    "system allocator"
};

fn main() {
    let mut args = std::env::args().skip(1);
    let Some(path) = args.next() else {
        eprintln!("usage: throughput CORPUS.jsonl [PASSES] [THREADS]");
        std::process::exit(2);
    };
    let passes: usize = args.next().and_then(|p| p.parse().ok()).unwrap_or(5);
    let threads: usize = args.next().and_then(|t| t.parse().ok()).unwrap_or(1).max(1);
    let data = std::fs::read_to_string(&path).unwrap_or_else(|e| {
        eprintln!("{path}: {e}");
        std::process::exit(1);
    });
    let texts: Vec<String> = data
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .filter_map(|(i, l)| {
            let v: serde_json::Value = serde_json::from_str(l)
                .map_err(|e| eprintln!("line {}: {e}", i + 1))
                .ok()?;
            Some(v.get("text")?.as_str()?.to_string())
        })
        .collect();
    let bytes: usize = texts.iter().map(String::len).sum();
    let mut times = Vec::with_capacity(passes);
    let mut quotes = 0;
    for _ in 0..passes.max(1) {
        let t0 = Instant::now();
        quotes = if threads == 1 {
            count_quotes(texts.iter())
        } else {
            // Thread `k` takes documents k, k + threads, …: the long and the
            // short ones spread evenly.
            std::thread::scope(|scope| {
                let workers: Vec<_> = (0..threads)
                    .map(|k| {
                        let texts = &texts;
                        scope.spawn(move || count_quotes(texts.iter().skip(k).step_by(threads)))
                    })
                    .collect();
                workers.into_iter().map(|w| w.join().unwrap_or(0)).sum()
            })
        };
        times.push(t0.elapsed().as_secs_f64());
    }
    times.sort_by(f64::total_cmp);
    let (best, median) = (times[0], times[times.len() / 2]);
    println!(
        "{} texts, {:.2} MB, {} quotes: best {:.3} s ({:.1} MB/s), median {:.3} s ({:.1} MB/s), {} passes, {} thread(s), {}",
        texts.len(),
        bytes as f64 / 1e6,
        quotes,
        best,
        bytes as f64 / 1e6 / best,
        median,
        bytes as f64 / 1e6 / median,
        times.len(),
        threads,
        ALLOCATOR_NAME
    );
}

/// Annotates each text and counts the quotes found (kept, so that the work
/// is not optimised away).
fn count_quotes<'a>(texts: impl Iterator<Item = &'a String>) -> usize {
    texts
        .map(|t| std::hint::black_box(whosaid::annotate(t)).quotes.len())
        .sum()
}
