//! Scoring against a gold file (the contract's gold format, code-point offsets),
//! with the definitions of the reference scorer `shared/eval/score.py`:
//! exact and lenient (overlap ≥ half the gold span) one-to-one greedy matching,
//! kind subsets that ignore predictions belonging to other kinds, lenient speaker
//! accuracy over matched quotes, and end-to-end F1.

use crate::offsets::{convert, Unit};
use crate::Annotations;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// One quote of a gold (or prediction) document.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct GoldQuote {
    /// Start, in code points.
    pub start: usize,
    /// End, in code points.
    pub end: usize,
    /// `direct`, `indirect` or `mixed`.
    #[serde(default)]
    pub kind: Option<String>,
    /// The speaker's surface text (gold) or canonical name (prediction).
    #[serde(default)]
    pub speaker: Option<String>,
    /// Start of the words naming the speaker, in code points.
    #[serde(default)]
    pub speaker_start: Option<usize>,
    /// End of the words naming the speaker, in code points.
    #[serde(default)]
    pub speaker_end: Option<usize>,
    /// The words naming the speaker for this quote (predictions).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub speaker_mention: Option<String>,
    /// The cue's text.
    #[serde(default)]
    pub cue: Option<String>,
    /// Neither a miss when absent nor a false positive when found.
    #[serde(default)]
    pub optional: bool,
    /// Alternative names for the speaker.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub speaker_aliases: Option<Vec<String>>,
}

/// One gold document.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct GoldDoc {
    /// Document id.
    pub id: String,
    /// The text.
    pub text: String,
    /// The quotes.
    #[serde(default)]
    pub quotes: Vec<GoldQuote>,
}

/// Converts annotations of `text` into the gold format (code-point offsets),
/// leaving out `mention` quotes.
pub fn to_gold(id: &str, text: &str, ann: Annotations) -> GoldDoc {
    let ann = convert(ann, text, Unit::Chars);
    let chars: Vec<char> = text.chars().collect();
    let slice = |s: usize, e: usize| -> String {
        chars
            .get(s..e.min(chars.len()))
            .map(|c| c.iter().collect())
            .unwrap_or_default()
    };
    let quotes = ann
        .quotes
        .iter()
        .filter(|q| q.kind != crate::QuoteKind::Mention)
        .map(|q| GoldQuote {
            start: q.start,
            end: q.end,
            kind: Some(q.kind.as_str().to_string()),
            speaker: q
                .speaker
                .and_then(|s| ann.speakers.get(s))
                .map(|s| s.name.clone()),
            speaker_start: q.mention.map(|m| m.start),
            speaker_end: q.mention.map(|m| m.end),
            speaker_mention: q.mention.map(|m| slice(m.start, m.end)),
            cue: q.cue.map(|c| slice(c.start, c.end)),
            optional: false,
            speaker_aliases: None,
        })
        .collect();
    GoldDoc {
        id: id.to_string(),
        text: String::new(),
        quotes,
    }
}

/// Counts for one subset of kinds.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    /// Gold quotes in the subset.
    pub gold: usize,
    /// Predictions counted.
    pub pred: usize,
    /// Exact matches.
    pub tp_exact: usize,
    /// Lenient matches.
    pub tp_lenient: usize,
    /// Matched quotes whose gold has a speaker.
    pub spk_n: usize,
    /// … whose speaker is lenient-correct.
    pub spk_lenient: usize,
    /// … whose speaker is strictly correct.
    pub spk_strict: usize,
    /// End-to-end correct predictions.
    pub e2e: usize,
}

/// Precision, recall and F1 for `tp` of `npred` predictions and `ngold` gold items.
pub fn prf(tp: usize, npred: usize, ngold: usize) -> (f64, f64, f64) {
    let p = if npred > 0 {
        tp as f64 / npred as f64
    } else {
        0.0
    };
    let r = if ngold > 0 {
        tp as f64 / ngold as f64
    } else {
        0.0
    };
    let f = if p + r > 0.0 {
        2.0 * p * r / (p + r)
    } else {
        0.0
    };
    (p, r, f)
}

fn trim(chars: &[char], s: usize, e: usize) -> (usize, usize) {
    let (mut s, mut e) = (s.min(chars.len()), e.min(chars.len()));
    while s < e && chars[s].is_whitespace() {
        s += 1;
    }
    while e > s && chars[e - 1].is_whitespace() {
        e -= 1;
    }
    (s, e)
}

fn overlap(a: (usize, usize), b: (usize, usize)) -> usize {
    a.1.min(b.1).saturating_sub(a.0.max(b.0))
}

fn matching(
    golds: &[(usize, usize)],
    preds: &[(usize, usize)],
    exact: bool,
) -> Vec<(usize, usize)> {
    let mut cands = Vec::new();
    for (gi, g) in golds.iter().enumerate() {
        for (pi, p) in preds.iter().enumerate() {
            if exact {
                if g == p {
                    cands.push((g.1 - g.0, gi, pi));
                }
            } else {
                let ov = overlap(*g, *p);
                if ov > 0 && ov * 2 >= g.1 - g.0 {
                    cands.push((ov, gi, pi));
                }
            }
        }
    }
    // Stable sort by decreasing overlap, as Python's sort does.
    cands.sort_by_key(|c| std::cmp::Reverse(c.0));
    let (mut ug, mut up, mut out) = (
        vec![false; golds.len()],
        vec![false; preds.len()],
        Vec::new(),
    );
    for (_, gi, pi) in cands {
        if !ug[gi] && !up[pi] {
            ug[gi] = true;
            up[pi] = true;
            out.push((gi, pi));
        }
    }
    out
}

const PUNCT: &[char] = &[
    ' ', '\t', '\n', '"', '\'', '“', '”', '‘', '’', '«', '»', '(', ')', '[', ']', '{', '}', ',',
    '.', ';', ':', '!', '?', '-', '–', '—',
];

/// Normalises a speaker string into words, as score.py does.
pub fn norm_speaker(s: &str) -> Vec<String> {
    let mut s = s
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase();
    for suf in ["'s", "’s"] {
        if s.ends_with(suf) {
            s.truncate(s.len() - suf.len());
        }
    }
    for suf in ["s'", "s’"] {
        if s.ends_with(suf) {
            let keep = s.len() - suf.len() + 1;
            s.truncate(keep);
        }
    }
    let s = s.trim_matches(PUNCT);
    // Tokens: \w+(?:[.'’-]\w+)*\.?  then strip a final dot.
    let mut toks = Vec::new();
    let chars: Vec<char> = s.chars().collect();
    let mut i = 0;
    let w = |c: char| c.is_alphanumeric() || c == '_';
    while i < chars.len() {
        if !w(chars[i]) {
            i += 1;
            continue;
        }
        let st = i;
        while i < chars.len() {
            let joined = matches!(chars[i], '.' | '\'' | '’' | '-')
                && i + 1 < chars.len()
                && w(chars[i + 1]);
            if w(chars[i]) || joined {
                i += 1;
            } else {
                break;
            }
        }
        let tok: String = chars[st..i].iter().collect();
        if i < chars.len() && chars[i] == '.' {
            i += 1;
        }
        toks.push(tok);
    }
    toks
}

fn contains(a: &[String], b: &[String]) -> bool {
    !a.is_empty() && !b.is_empty() && b.len() <= a.len() && a.windows(b.len()).any(|w| w == b)
}

fn speaker_ok(gold: &GoldQuote, pred: Option<&str>) -> (bool, bool) {
    let golds: Vec<&str> = match &gold.speaker_aliases {
        Some(a) if !a.is_empty() => a.iter().map(String::as_str).collect(),
        _ => gold.speaker.as_deref().into_iter().collect(),
    };
    let golds: Vec<&str> = golds.into_iter().filter(|g| !g.is_empty()).collect();
    let Some(p) = pred.filter(|p| !p.is_empty()) else {
        return (false, false);
    };
    if golds.is_empty() {
        return (false, false);
    }
    let strict = golds.iter().any(|g| g.trim() == p.trim());
    let pn = norm_speaker(p);
    let lenient = strict
        || golds.iter().any(|g| {
            let gn = norm_speaker(g);
            gn == pn && !gn.is_empty() || contains(&gn, &pn) || contains(&pn, &gn)
        });
    (lenient, strict)
}

/// Scores `pred` against `gold` for the kinds in `kinds`.
pub fn evaluate(gold: &[GoldDoc], pred: &HashMap<String, GoldDoc>, kinds: &[&str]) -> Counts {
    let mut c = Counts::default();
    let empty = GoldDoc::default();
    for gd in gold {
        let chars: Vec<char> = gd.text.chars().collect();
        let pd = pred.get(&gd.id).unwrap_or(&empty);
        let kind_of = |q: &GoldQuote| q.kind.clone().unwrap_or_else(|| "direct".into());
        let keep: Vec<&GoldQuote> = gd
            .quotes
            .iter()
            .filter(|q| kinds.contains(&kind_of(q).as_str()) && !q.optional)
            .collect();
        let other: Vec<&GoldQuote> = gd
            .quotes
            .iter()
            .filter(|q| !kinds.contains(&kind_of(q).as_str()) || q.optional)
            .collect();
        let gsp: Vec<_> = keep.iter().map(|q| trim(&chars, q.start, q.end)).collect();
        let osp: Vec<_> = other.iter().map(|q| trim(&chars, q.start, q.end)).collect();
        let pq: Vec<&GoldQuote> = pd.quotes.iter().filter(|q| q.end > q.start).collect();
        let psp: Vec<_> = pq.iter().map(|q| trim(&chars, q.start, q.end)).collect();
        let matched: Vec<usize> = matching(&gsp, &psp, false)
            .into_iter()
            .map(|(_, p)| p)
            .collect();
        let mut keep_p = Vec::new();
        for (pi, p) in psp.iter().enumerate() {
            if !matched.contains(&pi) {
                if pq[pi].kind.as_deref().is_some_and(|k| !kinds.contains(&k)) {
                    continue;
                }
                if osp.iter().any(|o| {
                    let ov = overlap(*o, *p);
                    ov > 0 && ov * 2 >= (o.1 - o.0).min(p.1 - p.0)
                }) {
                    continue;
                }
            }
            keep_p.push(pi);
        }
        let psp2: Vec<_> = keep_p.iter().map(|&i| psp[i]).collect();
        let pq2: Vec<&GoldQuote> = keep_p.iter().map(|&i| pq[i]).collect();
        c.gold += gsp.len();
        c.pred += psp2.len();
        c.tp_exact += matching(&gsp, &psp2, true).len();
        let pairs = matching(&gsp, &psp2, false);
        c.tp_lenient += pairs.len();
        for (gi, pi) in pairs {
            let g = keep[gi];
            if g.speaker.as_deref().is_some_and(|s| !s.is_empty()) {
                c.spk_n += 1;
                let (mut le, st) = speaker_ok(g, pq2[pi].speaker.as_deref());
                if !le {
                    if let Some(pm) = pq2[pi].speaker_mention.as_deref() {
                        le = speaker_ok(g, Some(pm)).0;
                    }
                }
                if !le {
                    if let (Some(ms), Some(me), Some(gs), Some(ge)) = (
                        pq2[pi].speaker_start,
                        pq2[pi].speaker_end,
                        g.speaker_start,
                        g.speaker_end,
                    ) {
                        le = overlap((ms, me), (gs, ge)) > 0;
                    }
                }
                c.spk_lenient += usize::from(le);
                c.spk_strict += usize::from(st);
                c.e2e += usize::from(le);
            } else {
                c.e2e += 1;
            }
        }
    }
    c
}

/// The subsets reported, as score.py reports them.
pub const SUBSETS: &[(&str, &[&str])] = &[
    ("all", &["direct", "mixed", "indirect"]),
    ("direct", &["direct"]),
    ("mixed", &["mixed"]),
    ("indirect", &["indirect"]),
    ("direct+mixed", &["direct", "mixed"]),
];

/// A printable table of all subsets.
pub fn report(gold: &[GoldDoc], pred: &HashMap<String, GoldDoc>) -> String {
    use std::fmt::Write;
    let mut s = String::new();
    let _ = writeln!(
        s,
        "{:<13}{:>6}{:>6} | {:>5}{:>6}{:>6} | {:>5}{:>6}{:>7} | {:>5}{:>6}{:>7} | {:>5}",
        "subset",
        "gold",
        "pred",
        "P_ex",
        "R_ex",
        "F1_ex",
        "P_len",
        "R_len",
        "F1_len",
        "spk_n",
        "spk",
        "spk_st",
        "e2eF1"
    );
    let mut all = None;
    for (name, kinds) in SUBSETS {
        let c = evaluate(gold, pred, kinds);
        let (pe, re, fe) = prf(c.tp_exact, c.pred, c.gold);
        let (pl, rl, fl) = prf(c.tp_lenient, c.pred, c.gold);
        let sa = if c.spk_n > 0 {
            c.spk_lenient as f64 / c.spk_n as f64
        } else {
            0.0
        };
        let ss = if c.spk_n > 0 {
            c.spk_strict as f64 / c.spk_n as f64
        } else {
            0.0
        };
        let (_, _, f2) = prf(c.e2e, c.pred, c.gold);
        if *name == "all" {
            all = Some((fl, sa, fe, ss, f2));
        }
        if c.gold == 0 && *name != "all" {
            continue;
        }
        let _ = writeln!(s, "{:<13}{:>6}{:>6} | {:>5.2}{:>6.2}{:>6.2} | {:>5.2}{:>6.2}{:>7.2} | {:>5}{:>6.2}{:>7.2} | {:>5.2}", name, c.gold, c.pred, pe, re, fe, pl, rl, fl, c.spk_n, sa, ss, f2);
    }
    if let Some((fl, sa, fe, ss, f2)) = all {
        let _ = writeln!(s, "quotes_f1={fl:.2} speaker_acc={sa:.2} quotes_f1_exact={fe:.2} speaker_acc_strict={ss:.2} e2e_f1={f2:.2} subset=all");
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn speaker_normalisation_matches_the_reference() {
        assert_eq!(norm_speaker("Mr. Smith's"), vec!["mr", "smith"]);
        assert_eq!(
            norm_speaker("  The New York Times reports: "),
            vec!["the", "new", "york", "times", "reports"]
        );
        let g = GoldQuote {
            speaker: Some("the mayor, John Smith".into()),
            ..Default::default()
        };
        assert!(speaker_ok(&g, Some("John Smith")).0);
        let g = GoldQuote {
            speaker: Some("Stephen".into()),
            ..Default::default()
        };
        assert!(!speaker_ok(&g, Some("he")).0);
    }

    #[test]
    fn lenient_needs_half_the_gold_span() {
        let g = [(0, 10)];
        assert_eq!(matching(&g, &[(0, 5)], false).len(), 1);
        assert_eq!(matching(&g, &[(0, 4)], false).len(), 0);
        assert_eq!(matching(&g, &[(0, 10)], true).len(), 1);
    }
}
