//! Golden snapshots of whole articles.
//!
//! Every `tests/golden/NAME.txt` (plain text, `whosaid::annotate`) and
//! `tests/golden/NAME.md` (Markdown, `whosaid::annotate_markdown`) is annotated and
//! rendered as a human-readable snapshot: each quote as
//! `qN kind «text» — speaker (rule, confidence)` with its cue, mention, antecedent,
//! source and continuation, then the speaker and source tables. The result must
//! equal the stored `tests/golden/NAME.snap`.
//!
//! A missing, changed or orphaned snapshot FAILS, with a diff. The snapshots record
//! what the engine does, not what it should do: when the engine changes on purpose,
//! review the diff and rewrite them with
//!
//! ```text
//! UPDATE_SNAPSHOTS=1 cargo test --test golden
//! ```

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use whosaid::{Annotations, Span};

fn golden_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests")
        .join("golden")
}

fn esc(s: &str) -> String {
    s.replace('\\', "\\\\")
        .replace('\r', "\\r")
        .replace('\n', "\\n")
        .replace('\t', "\\t")
}

fn slice(text: &str, s: Span) -> String {
    esc(text.get(s.start..s.end).unwrap_or("<bad span>"))
}

/// The snapshot of one article.
fn render(name: &str, text: &str, ann: &Annotations) -> String {
    let mut out = String::new();
    let entry = if name.ends_with(".md") {
        "annotate_markdown"
    } else {
        "annotate"
    };
    writeln!(out, "# {name}: whosaid::{entry}").unwrap();
    writeln!(
        out,
        "# regenerate: UPDATE_SNAPSHOTS=1 cargo test --test golden"
    )
    .unwrap();
    writeln!(
        out,
        "# {} quotes, {} speakers, {} sources",
        ann.quotes.len(),
        ann.speakers.len(),
        ann.sources.len()
    )
    .unwrap();
    writeln!(out, "\n## quotes").unwrap();
    for q in &ann.quotes {
        let who = match q.speaker.and_then(|i| ann.speakers.get(i)) {
            Some(s) => format!("s{} {}", s.id, s.name),
            None => "?".to_string(),
        };
        writeln!(
            out,
            "q{} {} «{}» — {} ({}, {:.2})",
            q.id,
            q.kind.as_str(),
            slice(text, q.span()),
            who,
            q.rule,
            q.confidence
        )
        .unwrap();
        let mut details = Vec::new();
        if let Some(c) = q.cue {
            details.push(format!("cue «{}»", slice(text, c)));
        }
        if let Some(m) = q.mention {
            details.push(format!("mention «{}»", slice(text, m)));
        }
        if let Some(a) = q.antecedent {
            details.push(format!("antecedent «{}»", slice(text, a)));
        }
        if let Some(s) = q.source.and_then(|i| ann.sources.get(i)) {
            details.push(format!("source src{} {}", s.id, s.name));
        }
        if let Some(c) = q.continues {
            details.push(format!("continues q{c}"));
        }
        if !details.is_empty() {
            writeln!(out, "    {}", details.join("; ")).unwrap();
        }
    }
    writeln!(out, "\n## speakers").unwrap();
    for s in &ann.speakers {
        let kind = serde_json::to_value(s.kind)
            .ok()
            .and_then(|v| v.as_str().map(str::to_string))
            .unwrap_or_default();
        let n = ann
            .quotes
            .iter()
            .filter(|q| q.speaker == Some(s.id))
            .count();
        let role = s
            .role
            .as_ref()
            .map(|r| format!(", role: {r}"))
            .unwrap_or_default();
        writeln!(out, "s{} {} ({kind}{role}) — {n} quote(s)", s.id, s.name).unwrap();
        let ms: Vec<String> = s
            .mentions
            .iter()
            .map(|m| format!("«{}»", slice(text, *m)))
            .collect();
        writeln!(out, "    mentions: {}", ms.join(", ")).unwrap();
    }
    writeln!(out, "\n## sources").unwrap();
    for s in &ann.sources {
        let kind = serde_json::to_value(s.kind)
            .ok()
            .and_then(|v| v.as_str().map(str::to_string))
            .unwrap_or_default();
        let n = ann.quotes.iter().filter(|q| q.source == Some(s.id)).count();
        let ms: Vec<String> = s
            .mentions
            .iter()
            .map(|m| format!("«{}»", slice(text, *m)))
            .collect();
        writeln!(
            out,
            "src{} {} ({kind}) — backs {n} quote(s); mentions: {}",
            s.id,
            s.name,
            ms.join(", ")
        )
        .unwrap();
    }
    out
}

/// A line diff (longest common subsequence) with three lines of context.
fn diff(old: &str, new: &str) -> String {
    let a: Vec<&str> = old.lines().collect();
    let b: Vec<&str> = new.lines().collect();
    let (n, m) = (a.len(), b.len());
    let mut lcs = vec![vec![0u32; m + 1]; n + 1];
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            lcs[i][j] = if a[i] == b[j] {
                lcs[i + 1][j + 1] + 1
            } else {
                lcs[i + 1][j].max(lcs[i][j + 1])
            };
        }
    }
    let mut ops: Vec<(char, &str)> = Vec::new();
    let (mut i, mut j) = (0, 0);
    while i < n || j < m {
        if i < n && j < m && a[i] == b[j] {
            ops.push((' ', a[i]));
            i += 1;
            j += 1;
        } else if j < m && (i == n || lcs[i][j + 1] >= lcs[i + 1][j]) {
            ops.push(('+', b[j]));
            j += 1;
        } else {
            ops.push(('-', a[i]));
            i += 1;
        }
    }
    let near = |k: usize| {
        ops[k.saturating_sub(3)..(k + 4).min(ops.len())]
            .iter()
            .any(|o| o.0 != ' ')
    };
    let mut out = String::new();
    let mut skipped = false;
    for (k, (op, line)) in ops.iter().enumerate() {
        if *op != ' ' || near(k) {
            if skipped {
                out.push_str("  ⋮\n");
                skipped = false;
            }
            writeln!(out, "{op} {line}").unwrap();
        } else {
            skipped = true;
        }
    }
    out
}

fn articles(dir: &Path) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("tests/golden exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt" || x == "md"))
        .collect();
    v.sort();
    v
}

#[test]
fn golden_articles() {
    let dir = golden_dir();
    let update = std::env::var("UPDATE_SNAPSHOTS").is_ok_and(|v| !v.is_empty() && v != "0");
    let list = articles(&dir);
    assert!(!list.is_empty(), "no articles in {}", dir.display());
    let mut failures = Vec::new();
    let mut expected_snaps = Vec::new();
    for path in &list {
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        let text = std::fs::read_to_string(path).unwrap();
        let ann = if name.ends_with(".md") {
            whosaid::annotate_markdown(&text)
        } else {
            whosaid::annotate(&text)
        };
        let snap = render(&name, &text, &ann);
        let snap_path = path.with_extension("snap");
        expected_snaps.push(snap_path.clone());
        let stored = std::fs::read_to_string(&snap_path).ok();
        if stored.as_deref() == Some(snap.as_str()) {
            continue;
        }
        if update {
            std::fs::write(&snap_path, &snap).unwrap();
            println!("golden: wrote {}", snap_path.display());
            continue;
        }
        match stored {
            None => failures.push(format!(
                "=== {name}: no snapshot {}; the engine now gives:\n{snap}",
                snap_path.file_name().unwrap().to_string_lossy()
            )),
            Some(old) => failures.push(format!(
                "=== {name}: snapshot changed (- stored, + now):\n{}",
                diff(&old, &snap)
            )),
        }
    }
    // A snapshot without its article is stale.
    for entry in std::fs::read_dir(&dir).unwrap().filter_map(Result::ok) {
        let p = entry.path();
        if p.extension().is_some_and(|x| x == "snap") && !expected_snaps.contains(&p) {
            if update {
                std::fs::remove_file(&p).unwrap();
                println!("golden: removed orphan {}", p.display());
            } else {
                failures.push(format!("=== {}: snapshot without an article", p.display()));
            }
        }
    }
    println!(
        "golden: {} articles, {} mismatches",
        list.len(),
        failures.len()
    );
    if !failures.is_empty() {
        panic!(
            "\n{}\n{} golden snapshot(s) differ. If the change is intended, review it and run\n    UPDATE_SNAPSHOTS=1 cargo test --test golden\n",
            failures.join("\n"),
            failures.len()
        );
    }
}

#[test]
fn diff_marks_changed_lines() {
    let d = diff("a\nb\nc\n", "a\nx\nc\n");
    assert!(d.contains("- b") && d.contains("+ x") && d.contains("  a"));
}
