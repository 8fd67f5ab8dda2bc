//! Telling apart the touching cells of a table drawn without rules and without padding.
//!
//! With neither rules nor padding, the text of one row's cell runs straight into the next
//! row's in the same column at the same line pitch: nothing on the page separates them but
//! where each cell sits. Word, WPS and LibreOffice centre a cell's text vertically, and the
//! sequence id, a one-line cell of its row, sits in the row's middle. So a run of touching
//! lines splits, at lines that end a sentence, into groups each centred on an id of the
//! page: each is that row's cell. A group at the top of the page, above the first id, is the
//! rest of a row the page break cut. A run that cannot be split so (a merged cell centred
//! over several rows, text that is not centred) is left whole, for the caller's rules.

/// One line of a run of touching lines in one column.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RunLine {
    pub top: f32,
    pub bottom: f32,
    /// The line's text ends a sentence (or a title, a number…): a cell may end after it.
    pub ends: bool,
}

/// A group of consecutive lines of a run and the row it goes to.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Group {
    /// The first and one past the last line of the run.
    pub lines: (usize, usize),
    /// The index of the anchor (id centre) it is centred on; `None` for the rest of a cut row
    /// above the first anchor.
    pub anchor: Option<usize>,
}

/// How far (× line pitch) a group's centre may be from an id's centre and still be its row's.
pub const CENTRE_TOLERANCE: f32 = 0.35;

/// Splits `run` (lines top to bottom, touching) into groups each centred on one of
/// `anchors` (the centres of the page's sequence ids, top to bottom), each group but the
/// last ending a sentence. `None` unless there are two groups or more and every group but
/// a leading rest of a cut row is centred on its own anchor.
pub fn split_run(run: &[RunLine], anchors: &[f32]) -> Option<Vec<Group>> {
    let n = run.len();
    if n < 2 || anchors.is_empty() {
        return None;
    }
    let pitch = line_pitch(run)?;
    let tol = CENTRE_TOLERANCE * pitch;
    let centre = |i: usize, j: usize| -> Option<f32> { Some((run.get(i)?.top + run.get(j - 1)?.bottom) / 2.0) };
    // Centred on an id, and holding no other row's id within its lines: a cell of one row.
    // (A merged cell centred on the middle one of three rows holds the others: not split.)
    let fit = |i: usize, j: usize| -> Option<usize> {
        let c = centre(i, j)?;
        let own = anchors.iter().position(|&a| (a - c).abs() <= tol)?;
        let (top, bottom) = (run.get(i)?.top, run.get(j - 1)?.bottom);
        let foreign = anchors.iter().enumerate().any(|(k, &a)| k != own && a >= top && a <= bottom);
        (!foreign).then_some(own)
    };
    // best[j] = the fewest groups covering run[..j], with the last group's anchor and where
    // it starts; only partitions whose every group fits are kept.
    #[derive(Clone, Copy)]
    struct Step {
        groups: usize,
        start: usize,
        anchor: Option<usize>,
    }
    let mut best: Vec<Option<Step>> = vec![None; n + 1];
    for j in 1..=n {
        for i in 0..j {
            // A group ends a sentence unless it closes the run.
            if j < n && !run.get(j - 1).is_some_and(|l| l.ends) {
                continue;
            }
            let (groups, last_anchor) = if i == 0 {
                (0, None)
            } else {
                match best.get(i).copied().flatten() {
                    Some(s) => (s.groups, s.anchor),
                    None => continue,
                }
            };
            let anchor = match fit(i, j) {
                Some(a) if last_anchor.is_none_or(|l| a > l) => Some(a),
                // The rest of a row cut by the page break: first, and above the first anchor.
                // It ends before the first row begins, so above the first id's centre.
                _ if i == 0 && j < n && run.get(j - 1).is_some_and(|l| anchors.first().is_some_and(|&a| l.bottom < a - tol)) => None,
                // The head of a row the page break cuts: last, unfinished, and its row's id
                // lies within it or just below (its centre counts the lines on the next page).
                _ if j == n && !run.get(j - 1).is_some_and(|l| l.ends) => {
                    let (Some(top), Some(bottom)) = (run.get(i).map(|l| l.top), run.get(j - 1).map(|l| l.bottom)) else { continue };
                    let mid = (top + bottom) / 2.0;
                    let own = anchors.iter().position(|&a| a >= mid - tol && a <= bottom + 2.0 * pitch);
                    // No other row's id within it: it would span that row too.
                    let foreign = anchors.iter().enumerate().any(|(k, &a)| Some(k) != own && a >= top && a <= bottom);
                    match own {
                        Some(a) if !foreign && last_anchor.is_none_or(|l| a > l) => Some(a),
                        _ => continue,
                    }
                }
                _ => continue,
            };
            let step = Step { groups: groups + 1, start: i, anchor };
            let better = match best.get(j).copied().flatten() {
                Some(b) => step.groups < b.groups,
                None => true,
            };
            if better {
                if let Some(slot) = best.get_mut(j) {
                    *slot = Some(step);
                }
            }
        }
    }
    let mut out = Vec::new();
    let mut j = n;
    while j > 0 {
        let s = best.get(j).copied().flatten()?;
        out.push(Group { lines: (s.start, j), anchor: s.anchor });
        j = s.start;
    }
    out.reverse();
    (out.len() >= 2).then_some(out)
}

/// The run's usual distance from one line's top to the next one's.
fn line_pitch(run: &[RunLine]) -> Option<f32> {
    let mut steps: Vec<f32> = run.windows(2).filter_map(|w| match w {
        [a, b] => Some(b.top - a.top),
        _ => None,
    }).filter(|d| *d > 0.0).collect();
    steps.sort_by(f32::total_cmp);
    steps.get(steps.len() / 2).copied()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Lines 11.6 apart, 9.4 high, from `top`; `ends` marks the lines that end a sentence.
    fn run(top: f32, ends: &[bool]) -> Vec<RunLine> {
        ends.iter().enumerate().map(|(k, &e)| RunLine { top: top + k as f32 * 11.6, bottom: top + k as f32 * 11.6 + 9.4, ends: e }).collect()
    }

    #[test]
    fn touching_cells_split_on_the_ids_they_are_centred_on() {
        // quanzhou-science-2019 without rules, page 7's 二级指标: the rest of 1-7-1 (4 lines),
        // then 1-7-2 (5 lines, id centre 166.7), 1-8-1 (3 lines, 213.2), 1-8-2 (4 lines, 254.0).
        let mut lines = run(92.3, &[false, false, false, true]);
        lines.extend(run(138.8, &[false, false, false, false, true]));
        lines.extend(run(196.8, &[false, false, true]));
        lines.extend(run(231.9, &[false, false, false, true]));
        let groups = split_run(&lines, &[166.7, 213.2, 254.0]).expect("split");
        assert_eq!(groups, [
            Group { lines: (0, 4), anchor: None },
            Group { lines: (4, 9), anchor: Some(0) },
            Group { lines: (9, 12), anchor: Some(1) },
            Group { lines: (12, 16), anchor: Some(2) },
        ]);
    }

    #[test]
    fn the_rest_of_a_cut_row_ends_above_the_first_row() {
        // Without that, the rest of the cut row and the next rows' cells make one fewer group.
        let mut lines = run(92.3, &[false, false, false, true]);
        lines.extend(run(138.8, &[false, false, false, false, true]));
        lines.extend(run(196.8, &[false, false, true]));
        let groups = split_run(&lines, &[166.7, 213.2]).expect("split");
        assert_eq!(groups.len(), 3, "{groups:?}");
    }

    #[test]
    fn the_head_of_a_row_cut_at_the_page_bottom_goes_to_its_id() {
        // 1-9-3 (5 lines, centre 468.4), then 1-10-1's first two lines, cut by the page break:
        // not centred on its id (525.2), which sits lower.
        let mut lines = run(440.9, &[false, false, false, false, true]);
        lines.extend(run(510.5, &[false, false]));
        let groups = split_run(&lines, &[468.4, 525.2]).expect("split");
        assert_eq!(groups, [Group { lines: (0, 5), anchor: Some(0) }, Group { lines: (5, 7), anchor: Some(1) }]);
    }

    #[test]
    fn one_line_cells_of_touching_rows_each_go_to_their_id() {
        // Three one-line cells, ids centred on each; the three lines together are centred on
        // the middle id too, but hold the other two.
        let lines = run(100.0, &[true, true, true]);
        let c = |k: f32| 100.0 + k * 11.6 + 4.7;
        let groups = split_run(&lines, &[c(0.0), c(1.0), c(2.0)]).expect("split");
        assert_eq!(groups.len(), 3, "{groups:?}");
    }

    #[test]
    fn a_run_centred_over_several_rows_is_left_whole() {
        // A merged cell of 6 lines centred between two ids.
        let lines = run(100.0, &[false, true, false, true, false, true]);
        assert_eq!(split_run(&lines, &[110.0, 160.0]), None);
    }

    #[test]
    fn a_cut_that_falls_mid_sentence_is_no_cell_border() {
        // Centres would fit at a split after line 2, but line 2 does not end a sentence.
        let lines = run(100.0, &[false, false, false, true]);
        let c1 = (100.0 + 100.0 + 11.6 + 9.4) / 2.0;
        let c2 = (100.0 + 2.0 * 11.6 + 100.0 + 3.0 * 11.6 + 9.4) / 2.0;
        assert_eq!(split_run(&lines, &[c1, c2]), None);
    }
}
