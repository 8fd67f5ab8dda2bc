//! A 文件依据 cell merged over several first-level indicators, printed once.
//!
//! Adjacent indicators citing the same documents often share one merged 文件依据 cell. Text
//! input keeps no trace of the merge: the cell's text is printed on one row (the first row of
//! the span, or its middle where the writer centres cells) and the other indicators show
//! none. Whether they cite nothing or share the printed cell is read from where the text
//! sits: a table prints its merged cells by one convention, learned from the indicators
//! whose rows show their 文件依据 or 一级指标 once; a text printed where that convention puts
//! the cell of a wider span, and nowhere the indicator's own cell would be, belongs to the
//! span, when the indicator's own cell would not be printed there. When more than one span
//! fits — the indicator's own among them, or a wider one printing its cell there by another
//! convention (tables mix them) — the neighbours are marked doubtful rather than filled:
//! they may share the cell or cite nothing, and the text cannot tell.
//!
//! Readers that know the merged cells (DOCX, a PDF lattice) have already spread them; this
//! runs only on text.

use super::first_level_key;
use crate::header::Field;
use crate::rebuild::{groups, Draft, Evidence};
use zhibiao_model::{Issue, Severity};
use zhibiao_normalize::basis::cited_sources;

/// Where a table prints a merged cell among the rows it spans.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Place {
    First,
    Middle,
    Last,
}

/// One first-level indicator of a group: its rows (indices into the group's rows) and the
/// row its 文件依据 is printed on, when it is printed on exactly one.
struct Indicator {
    key: String,
    rows: std::ops::Range<usize>,
    members: Vec<usize>,
    basis_row: Option<usize>,
    has_basis: bool,
}

/// Where `at` sits in `rows`, when at one of the places a merged cell is printed.
fn places(rows: &std::ops::Range<usize>, at: usize) -> Vec<Place> {
    let n = rows.len();
    let mut out = Vec::new();
    if n == 0 || !rows.contains(&at) {
        return out;
    }
    if at == rows.start {
        out.push(Place::First);
    }
    let mid_lo = rows.start + (n - 1) / 2;
    let mid_hi = rows.start + n / 2;
    if at == mid_lo || at == mid_hi {
        out.push(Place::Middle);
    }
    if at + 1 == rows.end {
        out.push(Place::Last);
    }
    out
}

/// The places the table prints merged cells at: from indicators of three rows or more whose
/// 文件依据 or 一级指标 is printed on exactly one row. Empty when nothing tells.
fn convention(drafts: &[Draft], indicators: &[Vec<Indicator>]) -> Vec<Place> {
    let mut counts = [0usize; 3];
    for ind in indicators.iter().flatten().filter(|i| i.rows.len() >= 3) {
        for f in [Field::Basis, Field::Primary] {
            let printed: Vec<usize> = ind
                .members
                .iter()
                .enumerate()
                .filter(|(_, &j)| drafts.get(j).is_some_and(|d| d.get(f).is_some() && !d.spanned.contains(&f)))
                .map(|(k, _)| ind.rows.start + k)
                .collect();
            if let [at] = printed[..] {
                for p in places(&ind.rows, at) {
                    if let Some(c) = counts.get_mut(p as usize) {
                        *c += 1;
                    }
                }
            }
        }
    }
    let best = counts.iter().copied().max().unwrap_or(0);
    if best == 0 {
        return Vec::new();
    }
    [Place::First, Place::Middle, Place::Last].into_iter().filter(|p| counts.get(*p as usize) == Some(&best)).collect()
}

/// The indicators of each group of three-part ids (one first number), in reading order.
fn indicators_by_group(drafts: &[Draft]) -> Vec<Vec<Indicator>> {
    let three_part: Vec<usize> = (0..drafts.len()).filter(|&j| drafts.get(j).is_some_and(|d| d.id.split('-').count() == 3)).collect();
    let first_number = |j: usize| drafts.get(j).map(|d| d.id.split('-').next().unwrap_or("").to_string()).unwrap_or_default();
    let mut out: Vec<Vec<Indicator>> = Vec::new();
    let mut last_group: Option<String> = None;
    for members in groups(drafts, |d| first_level_key(&d.id)) {
        let Some(&first) = members.first() else { continue };
        if !three_part.contains(&first) {
            continue;
        }
        let group = first_number(first);
        if last_group.as_ref() != Some(&group) {
            out.push(Vec::new());
            last_group = Some(group);
        }
        let Some(list) = out.last_mut() else { continue };
        let start = list.last().map(|i: &Indicator| i.rows.end).unwrap_or(0);
        let printed: Vec<usize> = members
            .iter()
            .enumerate()
            .filter(|(_, &j)| drafts.get(j).is_some_and(|d| d.get(Field::Basis).is_some() && !d.spanned.contains(&Field::Basis)))
            .map(|(k, _)| start + k)
            .collect();
        list.push(Indicator {
            key: first_level_key(drafts.get(first).map(|d| d.id.as_str()).unwrap_or("")),
            rows: start..start + members.len(),
            basis_row: if let [at] = printed[..] { Some(at) } else { None },
            // An indicator whose 一级指标 names its documents has them (or inherits the cell
            // above: [`super::merge::share_first_level`]).
            has_basis: !printed.is_empty() || cites_sources(drafts, &members),
            members,
        });
    }
    out
}

fn cites_sources(drafts: &[Draft], members: &[usize]) -> bool {
    members.iter().any(|&j| drafts.get(j).and_then(|d| d.get(Field::Primary)).is_some_and(|p| !cited_sources(p).is_empty()))
}

/// Gives a 文件依据 printed once to the neighbouring indicators its merged cell spans, or
/// marks them doubtful when the print leaves the span open. Text input only.
pub fn share_basis_spans(drafts: &mut [Draft], spans_known: bool, issues: &mut Vec<Issue>) {
    if spans_known {
        return;
    }
    let by_group = indicators_by_group(drafts);
    let conv = convention(drafts, &by_group);
    let fits = |rows: &std::ops::Range<usize>, at: usize| places(rows, at).iter().any(|p| conv.is_empty() || conv.contains(p));
    for list in &by_group {
        for (i, ind) in list.iter().enumerate() {
            let Some(at) = ind.basis_row else { continue };
            // The basis-less neighbours on each side.
            let lo = (0..i).rev().take_while(|&k| list.get(k).is_some_and(|x| !x.has_basis)).last().unwrap_or(i);
            let hi = (i + 1..list.len()).take_while(|&k| list.get(k).is_some_and(|x| !x.has_basis)).last().unwrap_or(i);
            if lo == i && hi == i {
                continue;
            }
            let rows_of = |a: usize, b: usize| {
                let s = list.get(a).map(|x| x.rows.start).unwrap_or(0);
                let e = list.get(b).map(|x| x.rows.end).unwrap_or(0);
                s..e
            };
            let all = || (lo..=i).flat_map(|a| (i..=hi).map(move |b| (a, b)));
            // Every span that prints its cell on this row by some convention — except, where
            // the indicator's own cell explains the print by the table's convention, a wider
            // one that convention prints on the very same row: the text cannot weigh the two
            // (a first-row print of one indicator is the first row of it and the next), and
            // the table's other prints are its evidence: an indicator printing its own is the
            // common case. A wider cell only another convention puts here stays open: tables
            // mix their conventions.
            let own_fits = fits(&ind.rows, at);
            let possible: Vec<(usize, usize)> = all()
                .filter(|&(a, b)| !places(&rows_of(a, b), at).is_empty())
                .filter(|&(a, b)| !own_fits || (a, b) == (i, i) || !fits(&rows_of(a, b), at))
                .collect();
            let mut spans: Vec<(usize, usize)> = all().filter(|&(a, b)| fits(&rows_of(a, b), at)).collect();
            if spans.is_empty() {
                // Printed where the convention puts no cell of any span: this cell does not
                // follow it, and any place is possible.
                spans.clone_from(&possible);
            }
            let sure = matches!(spans[..], [only] if only != (i, i));
            // A print the convention leaves open, or reads as the indicator's own: tables mix
            // their conventions, so the neighbours of every span that could print its cell
            // here are doubtful, never filled.
            let wider: Vec<(usize, usize)> = if sure { spans } else { possible }.into_iter().filter(|&w| w != (i, i)).collect();
            if wider.is_empty() {
                continue;
            }
            let Some(text) = ind.members.iter().find_map(|&j| drafts.get(j).and_then(|d| d.get(Field::Basis)).map(str::to_string)) else {
                continue;
            };
            let (a, b) = if sure { wider.first().copied().unwrap_or((i, i)) } else { (wider.iter().map(|w| w.0).min().unwrap_or(i), wider.iter().map(|w| w.1).max().unwrap_or(i)) };
            let covered: Vec<&Indicator> = (a..=b).filter(|&k| k != i).filter_map(|k| list.get(k)).collect();
            let names: Vec<&str> = covered.iter().map(|x| x.key.as_str()).collect();
            let line = ind.members.iter().find_map(|&j| drafts.get(j).filter(|d| d.get(Field::Basis).is_some()).map(Draft::line)).unwrap_or(0);
            let (code, message) = if sure {
                (
                    "basis_span_inferred",
                    format!(
                        "the 文件依据 of {} is printed where this table prints a merged cell spanning {} as well, which show none: read as theirs too",
                        ind.key,
                        names.join(", ")
                    ),
                )
            } else {
                (
                    "basis_span_unsure",
                    format!(
                        "the 文件依据 printed for {} may be a merged cell that also spans {}, which show none; left empty there",
                        ind.key,
                        names.join(", ")
                    ),
                )
            };
            for x in &covered {
                for (n, &j) in x.members.iter().enumerate() {
                    let Some(d) = drafts.get_mut(j) else { continue };
                    if sure && n == 0 {
                        d.fields.insert(Field::Basis, text.clone());
                    }
                    d.repairs.push(format!("{code}: 文件依据 printed on line {line}"));
                    d.infer(Field::Basis, Evidence::Weak);
                }
                issues.push(Issue::new(Severity::Warning, code, message.clone()).record(x.key.clone()).at_line(line).fields(&["basis"]));
            }
        }
    }
}
