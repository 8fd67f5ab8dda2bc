//! 一级指标 cells printed in pieces.
//!
//! A 一级指标 is a cell merged over the rows of its first-level indicator, and its text
//! ends with the points the indicator declares (`（4分）`). A page break cuts such a cell:
//! the head stays on the last row of one page, the tail (`络（属市政府工作报告第13项）（4分）`)
//! opens the next — on a row of the same indicator, or, when the break falls between two
//! indicators' rows, on the first row of the next indicator. OCR also spreads one cell over
//! two rows. The pieces are joined back here, before the cell is shared by the indicator's
//! rows ([`super::merge::share_first_level`]):
//!
//! - a piece without points followed, on the next row of the same indicator, by more text
//!   is the head of that text;
//! - a piece without points on an indicator's last row, followed across a page break by a
//!   piece on the next indicator's first row, is joined with it when the next indicator has
//!   a 一级指标 of its own on another row (so the piece is not its), or when the tail's points
//!   are the weights of this indicator and not of the next;
//! - in a table that prints the points in a 一级指标分值 column of their own, no piece ends
//!   with points: pieces on consecutive rows of one indicator are joined (it has one 一级指标);
//! - what remains without points while the table's other 一级指标 declare theirs, or with a
//!   bracket left open, is reported: a piece may have been lost.

use super::first_level_key;
use crate::header::Field;
use crate::rebuild::{Draft, Evidence};
use zhibiao_model::{Issue, Severity};
use zhibiao_normalize::text::fold_text;
use zhibiao_normalize::values::{parse_weight, split_points};

/// A 一级指标 text printed on one row.
struct Piece {
    draft: usize,
    key: String,
    points: bool,
}

/// A cited document (a document number, or `关于…通知`) is a 文件依据 piece, never a head of
/// a 一级指标.
fn cites(text: &str) -> bool {
    let t = fold_text(text);
    zhibiao_normalize::classify::has_doc_number(&t) || (t.contains("关于") && ["通知", "意见", "方案", "规定", "决定", "办法"].iter().any(|w| t.contains(w)))
}

fn has_points(text: &str) -> bool {
    split_points(&fold_text(text)).1.is_some()
}

/// The weights of an indicator's rows, when each shows one.
fn weight_sum(drafts: &[Draft], key: &str) -> Option<f64> {
    let rows: Vec<&Draft> = drafts.iter().filter(|d| first_level_key(&d.id) == key).collect();
    let weights: Vec<f64> = rows.iter().filter_map(|d| d.get(Field::Weight).and_then(parse_weight)).collect();
    (!rows.is_empty() && weights.len() == rows.len()).then(|| weights.iter().sum())
}

fn points_of(text: &str) -> Option<f64> {
    split_points(&fold_text(text)).1
}

/// A 文件依据 wrapped over two lines shows its document number only on the second: its
/// first line, typed by nothing, took the 一级指标 slot beside the row's 二级指标, and the
/// wrapped line joined it there. A 一级指标 without points that cites a document number once
/// whole, on a row with no 文件依据, is read as the row's 文件依据 (as a cell printed whole
/// would have been), before any 一级指标 piece is joined with it.
pub fn retype_wrapped_basis(drafts: &mut [Draft]) {
    for d in drafts.iter_mut() {
        let Some(t) = d.get(Field::Primary) else { continue };
        let folded = fold_text(t);
        let basis = zhibiao_normalize::classify::has_doc_number(&folded) && !has_points(t);
        if !basis || d.get(Field::Basis).is_some() || d.get(Field::Secondary).is_none() || d.spanned.contains(&Field::Primary) {
            continue;
        }
        if let Some(text) = d.fields.remove(&Field::Primary) {
            d.fields.insert(Field::Basis, text);
        }
        if let Some(col) = d.cols.remove(&Field::Primary) {
            d.cols.insert(Field::Basis, col);
        }
        d.repairs.push("basis_retyped: the text in the 一级指标 slot cites a document number once its wrapped line is joined; read as 文件依据".to_string());
        d.infer(Field::Basis, Evidence::Strong);
    }
}

/// Joins 一级指标 pieces (see the module doc). Three-part ids only: a two-part row is its
/// own indicator.
pub fn join_split_primaries(drafts: &mut [Draft], issues: &mut Vec<Issue>) {
    let pieces: Vec<Piece> = drafts
        .iter()
        .enumerate()
        .filter(|(_, d)| d.id.split('-').count() >= 3 && !d.spanned.contains(&Field::Primary))
        .filter_map(|(i, d)| {
            let t = d.get(Field::Primary)?;
            Some(Piece { draft: i, key: first_level_key(&d.id), points: has_points(t) })
        })
        .collect();
    let points_column = drafts.iter().any(|d| d.get(Field::Points).is_some());
    let mut k = 0;
    while let Some(head) = pieces.get(k) {
        if head.points || drafts.get(head.draft).and_then(|d| d.get(Field::Primary)).is_some_and(cites) {
            k += 1;
            continue;
        }
        // The run of pieces on consecutive rows that ends with the first one with points.
        let mut run: Vec<&Piece> = vec![head];
        while let (Some(last), Some(next)) = (run.last(), pieces.get(k + run.len())) {
            let same_text = |a: &Piece, b: &Piece| {
                let t = |p: &Piece| drafts.get(p.draft).and_then(|d| d.get(Field::Primary)).map(fold_text);
                t(a) == t(b)
            };
            if next.draft != last.draft + 1 || same_text(last, next) {
                break;
            }
            let crosses = next.key != last.key;
            if crosses && !tail_of_previous(drafts, &pieces, k + run.len(), last) {
                break;
            }
            run.push(next);
            if next.points {
                break;
            }
        }
        // In a table with a 一级指标分值 column no text ends with points; there an indicator's
        // pieces on its consecutive rows, all of one indicator, are one 一级指标 (it has one).
        let own_pieces = points_column && run.iter().all(|p| p.key == head.key);
        if run.len() < 2 || (run.last().is_some_and(|p| !p.points) && !own_pieces) {
            k += run.len().max(1);
            continue;
        }
        let text: String = run.iter().filter_map(|p| drafts.get(p.draft)?.get(Field::Primary)).collect::<Vec<_>>().join("");
        let lines: Vec<u32> = run.iter().filter_map(|p| drafts.get(p.draft).map(Draft::line)).collect();
        let key = head.key.clone();
        let crossed = run.iter().any(|p| p.key != key);
        let msg = format!(
            "primary_joined: the 一级指标 of {key} is printed in {} pieces on lines {}{}; joined",
            run.len(),
            lines.iter().map(u32::to_string).collect::<Vec<_>>().join(", "),
            if crossed { ", the last on the next indicator's first row after a page break" } else { "" }
        );
        issues.push(Issue::new(Severity::Info, "primary_joined", msg.clone()).record(key.clone()).at_line(lines.first().copied().unwrap_or(0)));
        for p in &run {
            if let Some(d) = drafts.get_mut(p.draft) {
                if p.key == key {
                    d.fields.insert(Field::Primary, text.clone());
                    d.infer(Field::Primary, Evidence::Strong);
                } else {
                    // The tail belongs to the indicator above: this row shows no 一级指标.
                    d.fields.remove(&Field::Primary);
                }
                d.repairs.push(msg.clone());
            }
        }
        for d in drafts.iter_mut().filter(|d| first_level_key(&d.id) == key) {
            if d.get(Field::Primary) != Some(text.as_str()) && d.get(Field::Primary).is_some() {
                d.fields.insert(Field::Primary, text.clone());
            }
        }
        k += run.len();
    }
    report_incomplete(drafts, issues);
}

/// Whether the piece at `at`, on the first row of the next indicator, is the tail of `head`
/// (a piece without points on the last row of its indicator, before a page break).
fn tail_of_previous(drafts: &[Draft], pieces: &[Piece], at: usize, head: &Piece) -> bool {
    let (Some(tail), Some(hd), Some(td)) = (pieces.get(at), drafts.get(head.draft), pieces.get(at).and_then(|p| drafts.get(p.draft))) else {
        return false;
    };
    if hd.block == td.block || !tail.points {
        return false;
    }
    // The next indicator prints a 一级指标 of its own on another of its rows.
    let own = pieces.iter().skip(at + 1).take_while(|p| p.key == tail.key).any(|_| true);
    if own {
        return true;
    }
    let (Some(p), Some(here), there) = (drafts.get(tail.draft).and_then(|d| d.get(Field::Primary)).and_then(points_of), weight_sum(drafts, &head.key), weight_sum(drafts, &tail.key)) else {
        return false;
    };
    (p - here).abs() < 1e-6 && there.is_none_or(|t| (p - t).abs() >= 1e-6)
}

/// A 一级指标 left without points while the table's others declare theirs, or with a bracket
/// left open, may have lost a piece: its rows say so.
fn report_incomplete(drafts: &[Draft], issues: &mut Vec<Issue>) {
    let primaries: Vec<(String, String, u32)> = {
        let mut seen: Vec<(String, String, u32)> = Vec::new();
        for d in drafts.iter().filter(|d| d.id.split('-').count() >= 3) {
            let Some(t) = d.get(Field::Primary) else { continue };
            let key = first_level_key(&d.id);
            if !seen.iter().any(|(k, _, _)| *k == key) {
                seen.push((key, t.to_string(), d.line()));
            }
        }
        seen
    };
    let with_points = primaries.iter().filter(|(_, t, _)| has_points(t)).count();
    for (key, text, line) in &primaries {
        let folded = fold_text(text);
        let open = folded.matches(['（', '(']).count() > folded.matches(['）', ')']).count();
        let missing_points = !has_points(text) && with_points * 2 > primaries.len();
        if open || missing_points {
            issues.push(
                Issue::new(
                    Severity::Warning,
                    "primary_incomplete",
                    format!(
                        "the 一级指标 of {key} ('{folded}') {}; a piece of it may be printed elsewhere or lost",
                        if open { "leaves a bracket open" } else { "declares no points, as the table's others do" }
                    ),
                )
                .record(key.clone())
                .at_line(*line)
                .fields(&["primary", "primary_points"]),
            );
        }
    }
}
