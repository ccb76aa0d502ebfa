//! The `whosaid` command-line tool: annotate files or a JSONL stream, and score
//! against a gold file.

use clap::{Args, Parser, Subcommand, ValueEnum};
use rayon::prelude::*;
use std::collections::HashMap;
use std::io::{self, BufRead, BufWriter, IsTerminal, Read, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use whosaid::offsets::{convert, Unit};
use whosaid::{Annotations, Options};

#[derive(Parser)]
#[command(
    name = "whosaid",
    version,
    about = "Finds who said what in news text: quotes, speakers, cues and sources."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Annotate text files (or standard input) and print the annotations as JSON.
    ///
    /// With one file (or none: standard input), prints one Annotations object.
    /// With several, prints one line per file: {"file": …, "annotations": …}.
    /// With --jsonl, reads {"id": …, "text": …} lines on standard input and writes
    /// {"id": …, "annotations": …} lines, in input order, using all cores.
    Annotate(AnnotateArgs),
    /// Score the annotator against a gold JSONL file and print P/R/F1 per kind,
    /// speaker accuracy and end-to-end F1.
    Eval(EvalArgs),
}

#[derive(Args)]
struct AnnotateArgs {
    /// Plain-text or Markdown (.md, .markdown) files.
    files: Vec<PathBuf>,
    /// Read JSONL {"id","text"} on stdin, write JSONL {"id","annotations"} on stdout.
    #[arg(long)]
    jsonl: bool,
    /// Treat every input as Markdown, whatever its extension.
    #[arg(long)]
    markdown: bool,
    /// Unit of the offsets in the output.
    #[arg(long, value_enum, default_value_t = OffsetUnit::Utf8)]
    offsets: OffsetUnit,
    /// Also report scare quotes, titles and words-as-words (kind "mention").
    #[arg(long)]
    include_mentions: bool,
    /// Do not look for reported speech without quotation marks.
    #[arg(long)]
    no_indirect: bool,
    /// An extra cue verb, lower case, each inflection separately ("quipped");
    /// repeat the flag for more.
    #[arg(long = "cue", value_name = "WORD")]
    cues: Vec<String>,
    /// An extra outlet name ("Nets Daily"); repeat the flag for more.
    #[arg(long = "outlet", value_name = "NAME")]
    outlets: Vec<String>,
    /// A file of extra outlet names, one per line (a newsroom's own list;
    /// blank lines and lines starting with # are skipped).
    #[arg(long, value_name = "FILE")]
    outlets_file: Option<PathBuf>,
    /// An extra given name read as female ("Ngozi"); repeat for more.
    #[arg(long = "female-name", value_name = "NAME")]
    female_names: Vec<String>,
    /// An extra given name read as male ("Chidi"); repeat for more.
    #[arg(long = "male-name", value_name = "NAME")]
    male_names: Vec<String>,
    /// Pretty-print JSON (not with --jsonl).
    #[arg(long)]
    pretty: bool,
}

#[derive(Args)]
struct EvalArgs {
    /// Gold JSONL file: {"id","text","quotes":[…]} per line, code-point offsets.
    gold: PathBuf,
    /// Also write the predictions, in the gold format, to this file.
    #[arg(long)]
    pred_out: Option<PathBuf>,
}

#[derive(Clone, Copy, ValueEnum)]
enum OffsetUnit {
    /// UTF-8 bytes.
    Utf8,
    /// UTF-16 code units (JavaScript string indices).
    Utf16,
    /// Unicode code points (Python str indices).
    Chars,
}

impl From<OffsetUnit> for Unit {
    fn from(u: OffsetUnit) -> Unit {
        match u {
            OffsetUnit::Utf8 => Unit::Utf8,
            OffsetUnit::Utf16 => Unit::Utf16,
            OffsetUnit::Chars => Unit::Chars,
        }
    }
}

/// The engine allocates many small, short-lived buffers per document; mimalloc
/// serves them faster than the system allocator (see Cargo.toml).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Annotate(a) => annotate(a),
        Command::Eval(e) => eval(e),
    };
    match result {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::FAILURE,
        Err(e) => {
            eprintln!("whosaid: {e}");
            ExitCode::from(2)
        }
    }
}

fn options(a: &AnnotateArgs) -> io::Result<Options> {
    let mut outlets = a.outlets.clone();
    if let Some(path) = &a.outlets_file {
        let list = std::fs::read_to_string(path)
            .map_err(|e| io::Error::new(e.kind(), format!("{}: {e}", path.display())))?;
        outlets.extend(
            list.lines()
                .map(str::trim)
                .filter(|l| !l.is_empty() && !l.starts_with('#'))
                .map(String::from),
        );
    }
    Ok(Options {
        include_mentions: a.include_mentions,
        indirect: !a.no_indirect,
        extra_cues: a.cues.clone(),
        extra_outlets: outlets,
        extra_female_names: a.female_names.clone(),
        extra_male_names: a.male_names.clone(),
    })
}

fn run(text: &str, markdown: bool, opts: &Options, unit: Unit) -> Annotations {
    let ann = if markdown {
        whosaid::markdown::annotate_markdown_with(text, opts)
    } else {
        whosaid::annotate_with(text, opts)
    };
    convert(ann, text, unit)
}

fn to_json(v: &impl serde::Serialize, pretty: bool) -> String {
    let r = if pretty {
        serde_json::to_string_pretty(v)
    } else {
        serde_json::to_string(v)
    };
    r.unwrap_or_else(|e| format!("{{\"error\":\"{e}\"}}"))
}

/// Returns Ok(false) when some input failed (and was reported), Err on I/O failure.
fn annotate(a: AnnotateArgs) -> io::Result<bool> {
    let opts = options(&a)?;
    let unit = Unit::from(a.offsets);
    if a.jsonl {
        if !a.files.is_empty() {
            eprintln!("whosaid: --jsonl reads standard input; files are ignored");
        }
        return annotate_jsonl(&opts, a.markdown, unit);
    }
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    if a.files.is_empty() {
        let mut bytes = Vec::new();
        io::stdin().read_to_end(&mut bytes)?;
        let text = match String::from_utf8(bytes) {
            Ok(t) => t,
            Err(e) => {
                eprintln!(
                    "stdin: not valid UTF-8 (at byte {})",
                    e.utf8_error().valid_up_to()
                );
                return Ok(false);
            }
        };
        writeln!(
            out,
            "{}",
            to_json(&run(&text, a.markdown, &opts, unit), a.pretty)
        )?;
        return Ok(true);
    }
    let mut ok = true;
    let several = a.files.len() > 1;
    for path in &a.files {
        let bytes = match std::fs::read(path) {
            Ok(b) => b,
            Err(e) => {
                eprintln!("{}: {e}", path.display());
                ok = false;
                continue;
            }
        };
        let text = match String::from_utf8(bytes) {
            Ok(t) => t,
            Err(e) => {
                eprintln!(
                    "{}: not valid UTF-8 (at byte {})",
                    path.display(),
                    e.utf8_error().valid_up_to()
                );
                ok = false;
                continue;
            }
        };
        let md = a.markdown
            || path
                .extension()
                .is_some_and(|e| e == "md" || e == "markdown");
        let ann = run(&text, md, &opts, unit);
        if several {
            let file = path.display().to_string();
            let line = FileLine {
                file: &file,
                annotations: &ann,
            };
            writeln!(out, "{}", to_json(&line, false))?;
        } else {
            writeln!(out, "{}", to_json(&ann, a.pretty))?;
        }
    }
    Ok(ok)
}

#[derive(serde::Deserialize)]
struct InLine {
    id: serde_json::Value,
    text: String,
}

/// An output line of `--jsonl`: the input's id and the annotations. Written
/// straight from the annotations: building a `serde_json::Value` first cost
/// about a third of the CLI's instructions (callgrind, PolNeAR train).
#[derive(serde::Serialize)]
struct IdLine<'a> {
    id: &'a serde_json::Value,
    annotations: &'a Annotations,
}

/// An output line when several files are annotated (see [`IdLine`]).
#[derive(serde::Serialize)]
struct FileLine<'a> {
    file: &'a str,
    annotations: &'a Annotations,
}

/// Streams JSONL: lines are read in batches, annotated in parallel, and written
/// in input order, so memory stays bounded by the batch size.
fn annotate_jsonl(opts: &Options, markdown: bool, unit: Unit) -> io::Result<bool> {
    let stdin = io::stdin();
    let mut input = stdin.lock();
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let batch_size = 64 * rayon::current_num_threads().max(1);
    let progress = io::stderr().is_terminal().then(|| {
        let pb = indicatif::ProgressBar::new_spinner();
        pb.set_style(
            indicatif::ProgressStyle::with_template("{spinner} {pos} lines {per_sec}")
                .unwrap_or_else(|_| indicatif::ProgressStyle::default_spinner()),
        );
        pb
    });
    let mut ok = true;
    let mut line_no = 0usize;
    let mut eof = false;
    while !eof {
        let mut batch: Vec<(usize, Vec<u8>)> = Vec::with_capacity(batch_size);
        while batch.len() < batch_size {
            let mut buf = Vec::new();
            if input.read_until(b'\n', &mut buf)? == 0 {
                eof = true;
                break;
            }
            line_no += 1;
            batch.push((line_no, buf));
        }
        let results: Vec<Result<Option<String>, String>> = batch
            .par_iter()
            .map(|(n, bytes)| {
                let line = std::str::from_utf8(bytes).map_err(|e| {
                    format!("line {n}: not valid UTF-8 (at byte {})", e.valid_up_to())
                })?;
                let line = line.trim();
                if line.is_empty() {
                    return Ok(None);
                }
                let v: InLine = serde_json::from_str(line).map_err(|e| format!("line {n}: {e}"))?;
                let ann = run(&v.text, markdown, opts, unit);
                let line = IdLine {
                    id: &v.id,
                    annotations: &ann,
                };
                Ok(Some(to_json(&line, false)))
            })
            .collect();
        for r in results {
            match r {
                Ok(Some(s)) => writeln!(out, "{s}")?,
                Ok(None) => {}
                Err(e) => {
                    out.flush()?;
                    eprintln!("{e}");
                    ok = false;
                }
            }
        }
        out.flush()?;
        if let Some(pb) = &progress {
            pb.set_position(line_no as u64);
        }
    }
    if let Some(pb) = progress {
        pb.finish_and_clear();
    }
    Ok(ok)
}

fn eval(e: EvalArgs) -> io::Result<bool> {
    let file = std::fs::File::open(&e.gold)
        .map_err(|err| io::Error::new(err.kind(), format!("{}: {err}", e.gold.display())))?;
    let mut gold = Vec::new();
    let mut ok = true;
    for (i, line) in io::BufReader::new(file).split(b'\n').enumerate() {
        let line = line?;
        let Ok(s) = std::str::from_utf8(&line) else {
            eprintln!("line {}: not valid UTF-8", i + 1);
            ok = false;
            continue;
        };
        if s.trim().is_empty() {
            continue;
        }
        match serde_json::from_str::<whosaid::eval::GoldDoc>(s) {
            Ok(d) => gold.push(d),
            Err(err) => {
                eprintln!("line {}: {err}", i + 1);
                ok = false;
            }
        }
    }
    let opts = Options::default();
    let preds: Vec<whosaid::eval::GoldDoc> = gold
        .par_iter()
        .map(|d| whosaid::eval::to_gold(&d.id, &d.text, whosaid::annotate_with(&d.text, &opts)))
        .collect();
    if let Some(path) = &e.pred_out {
        let mut w = BufWriter::new(std::fs::File::create(path)?);
        for p in &preds {
            writeln!(w, "{}", to_json(p, false))?;
        }
    }
    let pred: HashMap<String, whosaid::eval::GoldDoc> =
        preds.into_iter().map(|p| (p.id.clone(), p)).collect();
    print!("{}", whosaid::eval::report(&gold, &pred));
    Ok(ok)
}
