//! Throughput of whosaid (issue 7): the whole pipeline on hand-written articles,
//! each stage on its own, a scaling series from 10 KB to 10 MB, and pathological
//! inputs that would expose superlinear time.
//!
//! `make bench` runs this with a short measurement time; `cargo bench --bench
//! pipeline -- scaling` runs one group. Criterion prints `thrpt:` in bytes per
//! second for every benchmark (`Throughput::Bytes`).
//!
//! Groups:
//! - `articles`: `annotate` on each article of `benches/data/`;
//! - `stages`: each pipeline stage (as `annotate_with` chains them) on 100 KB of news;
//! - `scaling`: `annotate` on 10 KB, 100 KB, 1 MB, 8 MB and 10 MB of news;
//! - `hostile`: 1 MB of news next to 1 MB of each pathological input (unbalanced
//!   marks, apostrophe storm, one giant paragraph, one word per line, bare quote
//!   marks, control characters, zero-width characters, RTL text, rolls of
//!   people sharing a given name or a surname, a new person on every line),
//!   and the unbalanced-marks input at 100 KB and 1 MB to show how it scales.

// Criterion does not build for wasm32 (`cargo clippy --all-targets --target
// wasm32-unknown-unknown` compiles benches too): there the bench is an empty main.
#[cfg(not(target_arch = "wasm32"))]
#[path = "support/gen.rs"]
mod gen;

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use super::gen;
    use criterion::{BatchSize, BenchmarkId, Criterion, Throughput};
    use std::hint::black_box;
    use std::time::Duration;
    use whosaid::{annotate, Options};

    const KB: usize = 1000;
    const MB: usize = 1000 * KB;

    fn articles(c: &mut Criterion) {
        let mut g = c.benchmark_group("articles");
        for (name, text) in gen::ARTICLES {
            g.throughput(Throughput::Bytes(text.len() as u64));
            g.bench_with_input(BenchmarkId::from_parameter(name), text, |b, t| {
                b.iter(|| annotate(black_box(t)))
            });
        }
        let all = gen::news(4 * 3 * KB);
        g.throughput(Throughput::Bytes(all.len() as u64));
        g.bench_with_input(BenchmarkId::from_parameter("all-four"), &all, |b, t| {
            b.iter(|| annotate(black_box(t)))
        });
        g.finish();
    }

    fn stages(c: &mut Criterion) {
        use whosaid::{
            attribution, coref, indirect, lexicon, marks, mentions, quotes, segment, sources,
        };
        let text = gen::news(100 * KB);
        let t = text.as_str();
        let options = Options::default();
        let lex = lexicon::Lexicon::new(&options);
        let paragraphs = segment::paragraphs(t);
        let pairs = marks::pair_marks(t, &paragraphs);
        let sentences = segment::sentences(t, &paragraphs, &pairs);
        let doc = segment::Doc::new(t, paragraphs.clone(), sentences);
        let mut found = quotes::find_quotes(t, &doc, &pairs, &lex);
        let direct = found.clone();
        indirect::find_indirect(t, &doc, &pairs, &lex, &mut found);
        let ments = mentions::find_mentions(t, &doc, &pairs, &lex);
        let attributed = attribution::attribute(t, &doc, &found, &ments, &lex);
        let srcs = sources::find_sources(t, &doc, &pairs, &lex);

        let mut g = c.benchmark_group("stages");
        g.throughput(Throughput::Bytes(t.len() as u64));
        g.bench_function("lexicon", |b| {
            b.iter(|| lexicon::Lexicon::new(black_box(&options)))
        });
        g.bench_function("paragraphs", |b| {
            b.iter(|| segment::paragraphs(black_box(t)))
        });
        g.bench_function("marks", |b| {
            b.iter(|| marks::pair_marks(black_box(t), &paragraphs))
        });
        g.bench_function("sentences", |b| {
            b.iter(|| segment::sentences(black_box(t), &paragraphs, &pairs))
        });
        g.bench_function("quotes", |b| {
            b.iter(|| quotes::find_quotes(black_box(t), &doc, &pairs, &lex))
        });
        g.bench_function("indirect", |b| {
            b.iter_batched(
                || direct.clone(),
                |mut f| indirect::find_indirect(black_box(t), &doc, &pairs, &lex, &mut f),
                BatchSize::LargeInput,
            )
        });
        g.bench_function("mentions", |b| {
            b.iter(|| mentions::find_mentions(black_box(t), &doc, &pairs, &lex))
        });
        g.bench_function("attribution", |b| {
            b.iter(|| attribution::attribute(black_box(t), &doc, &found, &ments, &lex))
        });
        g.bench_function("sources", |b| {
            b.iter(|| sources::find_sources(black_box(t), &doc, &pairs, &lex))
        });
        g.bench_function("coref", |b| {
            b.iter_batched(
                || (found.clone(), attributed.clone(), srcs.clone()),
                |(f, a, s)| coref::build(black_box(t), f, a, &ments, s, &options),
                BatchSize::LargeInput,
            )
        });
        g.bench_function("whole", |b| b.iter(|| annotate(black_box(t))));
        g.finish();
    }

    fn scaling(c: &mut Criterion) {
        let mut g = c.benchmark_group("scaling");
        g.sample_size(10);
        for size in [10 * KB, 100 * KB, MB, 8 * MB, 10 * MB] {
            let text = gen::news(size);
            g.throughput(Throughput::Bytes(text.len() as u64));
            g.bench_with_input(BenchmarkId::from_parameter(label(size)), &text, |b, t| {
                b.iter(|| annotate(black_box(t)))
            });
        }
        g.finish();
    }

    fn hostile(c: &mut Criterion) {
        let mut g = c.benchmark_group("hostile");
        g.sample_size(10);
        let inputs: Vec<(String, String)> = vec![
            ("news-1MB".into(), gen::news(MB)),
            ("unbalanced-100KB".into(), gen::unbalanced_marks(100 * KB)),
            ("unbalanced-1MB".into(), gen::unbalanced_marks(MB)),
            ("apostrophes-1MB".into(), gen::apostrophe_storm(MB)),
            ("giant-paragraph-1MB".into(), gen::giant_paragraph(MB)),
            ("word-per-line-1MB".into(), gen::word_per_line(MB)),
            ("straight-marks-1MB".into(), gen::marks_only('"', MB)),
            ("curly-open-marks-1MB".into(), gen::marks_only('“', MB / 3)),
            ("controls-1MB".into(), gen::with_controls(MB)),
            ("zero-width-1MB".into(), gen::zero_width(MB)),
            ("rtl-1MB".into(), gen::rtl(MB)),
            ("shared-given-name-1MB".into(), gen::shared_given_name(MB)),
            ("shared-surname-1MB".into(), gen::shared_surname(MB)),
            (
                "new-person-per-line-1MB".into(),
                gen::new_person_per_line(MB),
            ),
        ];
        for (name, text) in &inputs {
            g.throughput(Throughput::Bytes(text.len() as u64));
            g.bench_with_input(BenchmarkId::from_parameter(name), text, |b, t| {
                b.iter(|| annotate(black_box(t)))
            });
        }
        g.finish();
    }

    fn label(size: usize) -> String {
        if size >= MB {
            format!("{}MB", size / MB)
        } else {
            format!("{}KB", size / KB)
        }
    }

    fn config() -> Criterion {
        // Short by default: `make bench` is a smoke-and-ratio run on a shared 2-core
        // machine. Criterion's own flags (`--measurement-time`, `--sample-size`) override.
        Criterion::default()
            .warm_up_time(Duration::from_millis(500))
            .measurement_time(Duration::from_secs(2))
            .configure_from_args()
    }

    /// Runs every group (what `criterion_main!` would generate).
    pub fn run() {
        let mut c = config();
        articles(&mut c);
        stages(&mut c);
        scaling(&mut c);
        hostile(&mut c);
        c.final_summary();
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    native::run();
}

#[cfg(target_arch = "wasm32")]
fn main() {}
