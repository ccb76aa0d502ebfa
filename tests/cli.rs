//! The command-line tool, run as a user runs it (the built `whosaid` binary):
//! the lexicon options reach the engine, a missing list file is a clear error,
//! and a malformed `--jsonl` line is named and skipped while the others are
//! annotated.
#![cfg(not(target_arch = "wasm32"))]

use std::io::Write;
use std::process::{Command, Output, Stdio};

fn whosaid(args: &[&str], stdin: &str) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_whosaid"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("whosaid runs");
    // A run that fails on its arguments exits without reading its input: a
    // broken pipe here is expected then, and the exit status tells the rest.
    let _ = child
        .stdin
        .take()
        .expect("stdin")
        .write_all(stdin.as_bytes());
    child.wait_with_output().expect("whosaid finishes")
}

/// (speaker name, source name) of every quote of an `annotate` JSON output.
fn attributions(out: &Output) -> Vec<(Option<String>, Option<String>)> {
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON output");
    let name = |list: &str, i: &serde_json::Value| {
        i.as_u64()
            .map(|i| v[list][i as usize]["name"].as_str().unwrap().to_string())
    };
    v["quotes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|q| {
            (
                name("speakers", &q["speaker"]),
                name("sources", &q["source"]),
            )
        })
        .collect()
}

const ARTICLE: &str = "Tom Moss met Ngozi Obi. \"It went well,\" he quipped.\n\n\"We are done,\" she told Nets Daily.";

#[test]
fn lexicon_flags_reach_the_engine() {
    let dir = std::env::temp_dir().join(format!("whosaid-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let list = dir.join("outlets.txt");
    std::fs::write(&list, "# our outlets\n\nNets Daily\n").unwrap();
    let plain = whosaid(&["annotate"], ARTICLE);
    assert!(plain.status.success());
    // Without the extras, "quipped" is no cue and Nets Daily no outlet.
    assert_ne!(attributions(&plain)[0].0.as_deref(), Some("Tom Moss"));
    assert!(attributions(&plain).iter().all(|(_, src)| src.is_none()));
    let list = list.to_str().unwrap();
    let extra = whosaid(
        &[
            "annotate",
            "--cue",
            "quipped",
            "--outlets-file",
            list,
            "--female-name",
            "Ngozi",
        ],
        ARTICLE,
    );
    assert!(
        extra.status.success(),
        "{}",
        String::from_utf8_lossy(&extra.stderr)
    );
    assert_eq!(
        attributions(&extra),
        vec![
            (Some("Tom Moss".into()), None),
            (Some("Ngozi Obi".into()), Some("Nets Daily".into())),
        ]
    );
    // `--outlet` is the same as a line of the file.
    let flag = whosaid(
        &["annotate", "--cue", "quipped", "--outlet", "Nets Daily"],
        ARTICLE,
    );
    assert_eq!(attributions(&flag)[1].1.as_deref(), Some("Nets Daily"));
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn a_missing_outlet_list_is_named() {
    let out = whosaid(
        &["annotate", "--outlets-file", "/nonexistent/outlets.txt"],
        ARTICLE,
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("/nonexistent/outlets.txt"), "{err}");
}

#[test]
fn a_malformed_jsonl_line_is_named_and_skipped() {
    let input = "{\"id\":1,\"text\":\"\\\"Yes,\\\" said Jane Lee.\"}\nnot json\n{\"id\":3,\"text\":\"x\"}\n";
    let out = whosaid(&["annotate", "--jsonl"], input);
    assert_eq!(out.status.code(), Some(1), "some input failed");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("line 2"), "{err}");
    let ids: Vec<u64> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| {
            serde_json::from_str::<serde_json::Value>(l).unwrap()["id"]
                .as_u64()
                .unwrap()
        })
        .collect();
    assert_eq!(ids, vec![1, 3]);
}
