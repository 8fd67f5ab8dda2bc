//! Which rows of a budget table belong to which duty, when the text does not draw the merged
//! 职责 cells.
//!
//! 职责序号 / 部门职责 / 职责目标 are one merged cell per duty, and OCR'd text prints its text on
//! one row of the cells it spans (an *anchor*): the first row (text at the top of the cell),
//! the middle row (centred vertically) or the last. A table follows one convention, and a
//! duty that runs over a page break is printed as one part per page, each with its anchor,
//! or goes on without one on the next page.
//!
//! The rows between two anchors are split between them, and how depends on the convention.
//! Rather than guess the convention from one sign, each is weighed by how well it explains
//! the whole table — how probable the sequence of anchors and plain rows is under it — and
//! the rows go where the most probable convention puts them. The model:
//!
//! - duties have a size `n` (rows) drawn from [`size_prior`]; an anchor that holds no
//!   indicator of its own (its cells printed on a row of their own) covers `n` rows around it;
//! - under *first* the anchor is the first row of its duty's part on its page, under *last*
//!   the last, under *middle* it has as many rows above as below, give or take one (an even
//!   part centres its text between two rows; its first line, which the anchor is, falls on
//!   the upper one far more often: [`UPPER_MIDDLE`]); a row breaking the convention costs
//!   [`OFF_CONVENTION`] each;
//! - a merged cell cut by a page break prints its text in its first part, whatever its
//!   alignment: a duty may go on onto a later page without its cells ([`UNANCHORED_PART`]),
//!   never begin on an earlier page than them;
//! - a row that shares words with a duty (its 部门职责 — most, the name is the duty's subject
//!   in a few words — and 职责目标; less, the indicators,
//!   工作活动 and 预算项目 of its rows: [`super::affinity`]) belongs to it a little more
//!   likely ([`AFFINITY`] per shared word pair, a pair that k duties share counting 1/k):
//!   indicators put a duty into numbers, and name what it names. This decides between
//!   conventions the positions alone cannot tell apart (a first row that is an anchor and a
//!   last row that is one), and where the rows between two centred anchors split;
//! - where the table is seen to print a duty's cells again on the page it goes on to, a part
//!   without them is rarer still ([`Hints::unanchored`]).
//!
//! Every split of every gap is summed over (forward–backward over the chain of anchors), and
//! over the conventions, weighed by how probable each is: each row gets the probability of
//! each duty it may belong to and goes to the likelier. A row below [`SURE`] is reported: its
//! duty, and the numbering of the indicators after it, are a guess.

pub use super::affinity::word_pairs;
use super::affinity::Vocabulary;

/// A row's role in the duty structure.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Item {
    /// Page block of the row.
    pub block: usize,
    /// The row prints duty cells.
    pub anchor: bool,
    /// The row holds an indicator (false for a row printing only duty cells).
    pub indicator: bool,
    /// The character pairs of the row's indicator, its explanation, 工作活动 and 预算项目
    /// ([`word_pairs`]).
    pub words: Vec<(char, char)>,
    /// Those of an anchor's 部门职责 and 职责目标.
    pub duty_words: Vec<(char, char)>,
    /// Those of an anchor's 部门职责 alone: the duty's name, its subject in a few words.
    pub name_words: Vec<(char, char)>,
    /// An anchor that prints the duty of the anchor before it again (a page break cut the
    /// merged cell): both are one duty's.
    pub continues: bool,
}

/// How the table prints its duty cells.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Convention {
    First,
    Middle,
    Last,
}

impl Convention {
    pub const ALL: [Convention; 3] = [Convention::First, Convention::Middle, Convention::Last];

    pub fn name(self) -> &'static str {
        match self {
            Convention::First => "first",
            Convention::Middle => "middle",
            Convention::Last => "last",
        }
    }

    /// How common each convention is: most tables print a merged cell's text at its top.
    fn prior(self) -> f64 {
        match self {
            Convention::First => 0.5,
            Convention::Middle => 0.25,
            Convention::Last => 0.25,
        }
    }
}

/// Probability factor of each row that breaks the convention (a row above a first-row
/// anchor, …): rare in a table that follows it.
const OFF_CONVENTION: f64 = 0.02;
/// Probability that the anchor of a duty part with an even number of rows is the upper of
/// its two middle rows. The anchor is the row the cells' first line lands on, and centred text
/// of several lines starts above the cell's centre: a 职责目标 is a sentence or two in a
/// narrow column, so it is several lines in all but the shortest. Only a one-line cell may
/// land on the lower row.
const UPPER_MIDDLE: f64 = 0.85;
/// Probability factor of a duty part on another page than its anchor, printed without its
/// cells: as common as repeating them, unless the table is seen to repeat them.
pub const UNANCHORED_PART: f64 = 0.5;
/// The same where the table repeats a duty's cells on the page it goes on to.
pub const UNANCHORED_PART_WHERE_REPEATED: f64 = 0.05;

/// What the table itself says about how it prints its duties.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Hints {
    /// The convention, when the reader knows it (merged cells: the text is on the first row).
    pub only: Option<Convention>,
    /// Probability factor of a duty part without its anchor on its page.
    pub unanchored: f64,
}

impl Default for Hints {
    fn default() -> Self {
        Hints { only: None, unanchored: UNANCHORED_PART }
    }
}
/// Log-odds a row gains for a duty per word pair it shares with that duty's text alone.
const AFFINITY: f64 = 0.6;
/// Shared word pairs counted at most: a long explanation must not outvote the layout.
const MAX_SHARED: usize = 4;
/// A row is placed surely when the probability of its duty is at least this. A row placed
/// wrong renumbers every row of the later duty, so one in twenty is already too many to
/// leave unsaid.
pub const SURE: f64 = 0.95;

/// The prior probability of a duty with `n` indicator rows.
fn size_prior(n: usize) -> f64 {
    const P: [f64; 9] = [0.01, 0.10, 0.16, 0.20, 0.19, 0.14, 0.09, 0.05, 0.03];
    P.get(n).copied().unwrap_or_else(|| 0.03 * 0.6_f64.powi((n - 8) as i32))
}

/// Where each row goes.
#[derive(Debug, Clone, PartialEq)]
pub struct Partition {
    /// The anchor (index among the anchors) each item belongs to; `None` when the table has
    /// no anchor at all.
    pub owner: Vec<Option<usize>>,
    /// Probability that the item's owner is right.
    pub confidence: Vec<f64>,
    /// The other anchor an unsure item may belong to.
    pub alternative: Vec<Option<usize>>,
    pub convention: Option<Convention>,
    /// Posterior probability of each convention, in [`Convention::ALL`] order.
    pub posterior: [f64; 3],
}

/// The rows of one gap between anchors, by page block.
struct Gap {
    blocks: Vec<usize>,
    /// Running sums of each row's affinity to the anchor before the gap and to the one after
    /// it: `to_prev[j]` sums rows `..j`.
    to_prev: Vec<f64>,
    to_next: Vec<f64>,
}

impl Gap {
    fn new() -> Gap {
        Gap { blocks: Vec::new(), to_prev: vec![0.0], to_next: vec![0.0] }
    }
    fn sum(v: &[f64], from: usize, to: usize) -> f64 {
        v.get(to).copied().unwrap_or(0.0) - v.get(from).copied().unwrap_or(0.0)
    }
}

/// Log of a sum of exponentials.
fn log_sum(values: impl Iterator<Item = f64>) -> f64 {
    let v: Vec<f64> = values.filter(|x| x.is_finite()).collect();
    let Some(max) = v.iter().copied().reduce(f64::max) else { return f64::NEG_INFINITY };
    max + v.iter().map(|x| (x - max).exp()).sum::<f64>().ln()
}

struct Model {
    anchors: Vec<Item>,
    gaps: Vec<Gap>,
    convention: Convention,
    unanchored: f64,
}

impl Model {
    /// Log-factor of anchor `k` owning the last `len(gap k) - before` rows of the gap before
    /// it and the first `after` rows of the gap after it.
    fn factor(&self, k: usize, before: usize, after: usize) -> f64 {
        let (Some(anchor), Some(gap_b), Some(gap_a)) = (self.anchors.get(k), self.gaps.get(k), self.gaps.get(k + 1)) else {
            return f64::NEG_INFINITY;
        };
        let above = gap_b.blocks.get(before..).unwrap_or(&[]);
        let below = gap_a.blocks.get(..after).unwrap_or(&[]);
        // Rows on the anchor's page above and below it; rows of the duty on a later page (a
        // part whose cells the duty's one merged cell printed on the page before), and on an
        // earlier page (which no printing puts there: a merged cell's text lands in its
        // first part, whatever its alignment).
        let h = above.iter().filter(|&&b| b == anchor.block).count();
        let t = below.iter().filter(|&&b| b == anchor.block).count();
        let earlier = above.len() - h;
        let later = usize::from(t < below.len());
        let affinity = Gap::sum(&gap_b.to_next, before, gap_b.blocks.len()) + Gap::sum(&gap_a.to_prev, 0, after);
        let n = above.len() + below.len() + usize::from(anchor.indicator);
        let pos = match self.convention {
            Convention::First => OFF_CONVENTION.powi(h as i32),
            Convention::Last => OFF_CONVENTION.powi(t as i32),
            // An even part centres its text between two rows ([`UPPER_MIDDLE`]).
            Convention::Middle => match (h.abs_diff(t), h < t) {
                (0, _) => 1.0,
                (1, true) => UPPER_MIDDLE,
                (1, false) => 1.0 - UPPER_MIDDLE,
                (d, _) => 0.3 * OFF_CONVENTION.powi(d as i32 - 1),
            },
        };
        size_prior(n).ln()
            + pos.ln()
            + OFF_CONVENTION.ln() * earlier as f64
            + self.unanchored.ln() * later as f64
            + affinity
    }

    /// Split choices of gap `k`: rows going to the anchor before it (the first `s`). The
    /// gaps before the first anchor and after the last have one choice each.
    fn splits(&self, k: usize) -> std::ops::RangeInclusive<usize> {
        let len = self.gaps.get(k).map(|g| g.blocks.len()).unwrap_or(0);
        if k == 0 {
            0..=0
        } else if k == self.anchors.len() {
            len..=len
        } else {
            0..=len
        }
    }

    /// Forward and backward log-messages over the splits: `fwd[k][s]` sums the anchors before
    /// gap k with split s, `bwd[k][s]` the anchors after; returns the log-likelihood and the
    /// posterior of each split of each gap.
    fn run(&self) -> (f64, Vec<Vec<f64>>) {
        let k_n = self.anchors.len();
        let width = |k: usize| self.gaps.get(k).map(|g| g.blocks.len()).unwrap_or(0) + 1;
        let mut fwd: Vec<Vec<f64>> = (0..=k_n).map(|k| vec![f64::NEG_INFINITY; width(k)]).collect();
        if let Some(f) = fwd.get_mut(0).and_then(|v| v.get_mut(0)) {
            *f = 0.0;
        }
        for k in 0..k_n {
            for s_next in self.splits(k + 1) {
                let sum = log_sum(self.splits(k).map(|s| {
                    self.factor(k, s, s_next) + fwd.get(k).and_then(|v| v.get(s)).copied().unwrap_or(f64::NEG_INFINITY)
                }));
                if let Some(v) = fwd.get_mut(k + 1).and_then(|v| v.get_mut(s_next)) {
                    *v = sum;
                }
            }
        }
        let last = self.gaps.get(k_n).map(|g| g.blocks.len()).unwrap_or(0);
        let z = fwd.get(k_n).and_then(|v| v.get(last)).copied().unwrap_or(f64::NEG_INFINITY);
        // Backward messages, then the posterior of each split.
        let mut bwd: Vec<Vec<f64>> = (0..=k_n).map(|k| vec![f64::NEG_INFINITY; width(k)]).collect();
        if let Some(v) = bwd.get_mut(k_n).and_then(|v| v.get_mut(last)) {
            *v = 0.0;
        }
        for k in (0..k_n).rev() {
            for s in self.splits(k) {
                let sum = log_sum(self.splits(k + 1).map(|s_next| {
                    self.factor(k, s, s_next) + bwd.get(k + 1).and_then(|v| v.get(s_next)).copied().unwrap_or(f64::NEG_INFINITY)
                }));
                if let Some(v) = bwd.get_mut(k).and_then(|v| v.get_mut(s)) {
                    *v = sum;
                }
            }
        }
        let posterior: Vec<Vec<f64>> = (0..=k_n)
            .map(|k| {
                (0..width(k))
                    .map(|s| {
                        let f = fwd.get(k).and_then(|v| v.get(s)).copied().unwrap_or(f64::NEG_INFINITY);
                        let b = bwd.get(k).and_then(|v| v.get(s)).copied().unwrap_or(f64::NEG_INFINITY);
                        if z.is_finite() {
                            (f + b - z).exp()
                        } else {
                            0.0
                        }
                    })
                    .collect()
            })
            .collect();
        (z, posterior)
    }
}

/// Splits the rows among the anchors (see the module doc), with what the table says of itself
/// ([`Hints`]). Twice: the rows placed surely by their duties' anchors then add their words
/// to their duties' ([`Vocabulary::grown`]), and the rows left open are placed again with them.
/// A row placed surely keeps its place: the rows' words are weaker evidence than the duty's
/// own text, there only to settle what the anchors left open. (The probability of a row's
/// duty falls monotonically down a gap, so the sure rows are its ends and the places stay
/// in order.)
pub fn partition(items: &[Item], hints: Hints) -> Partition {
    let vocab = Vocabulary::of_anchors(items);
    let first = partition_with(items, hints, &vocab);
    let sure: Vec<bool> = first.confidence.iter().map(|&c| c >= SURE).collect();
    let vocab = vocab.grown(items, &first.owner, &sure);
    let mut second = partition_with(items, hints, &vocab);
    for (i, _) in sure.iter().enumerate().filter(|(_, s)| **s) {
        if let (Some(o), Some(&f)) = (second.owner.get_mut(i), first.owner.get(i)) {
            *o = f;
        }
        if let (Some(c), Some(&f)) = (second.confidence.get_mut(i), first.confidence.get(i)) {
            *c = f;
        }
        if let (Some(a), Some(&f)) = (second.alternative.get_mut(i), first.alternative.get(i)) {
            *a = f;
        }
    }
    second
}

fn partition_with(items: &[Item], hints: Hints, vocab: &Vocabulary) -> Partition {
    let anchor_at: Vec<usize> = items.iter().enumerate().filter(|(_, it)| it.anchor).map(|(i, _)| i).collect();
    let n = items.len();
    if anchor_at.is_empty() {
        return Partition {
            owner: vec![None; n],
            confidence: vec![1.0; n],
            alternative: vec![None; n],
            convention: None,
            posterior: [0.0; 3],
        };
    }
    let affinity = |i: usize, k: Option<usize>| -> f64 {
        let Some(k) = k else { return 0.0 };
        AFFINITY * vocab.shared(items, i, k, MAX_SHARED as f64)
    };
    // Gap k holds the plain rows before anchor k (the last gap: after the last anchor).
    let mut gaps: Vec<Gap> = Vec::new();
    let mut gap_rows: Vec<Vec<usize>> = Vec::new();
    let mut current = Gap::new();
    let mut current_rows = Vec::new();
    for (i, it) in items.iter().enumerate() {
        if it.anchor {
            gaps.push(std::mem::replace(&mut current, Gap::new()));
            gap_rows.push(std::mem::take(&mut current_rows));
        } else {
            let k = gaps.len();
            let (prev, next) = (k.checked_sub(1), (k < anchor_at.len()).then_some(k));
            let p = current.to_prev.last().copied().unwrap_or(0.0) + affinity(i, prev);
            let nx = current.to_next.last().copied().unwrap_or(0.0) + affinity(i, next);
            current.to_prev.push(p);
            current.to_next.push(nx);
            current.blocks.push(it.block);
            current_rows.push(i);
        }
    }
    gaps.push(current);
    gap_rows.push(current_rows);
    let anchors: Vec<Item> = anchor_at.iter().filter_map(|&i| items.get(i).cloned()).collect();

    let mut runs = Vec::new();
    for c in Convention::ALL {
        if hints.only.is_some_and(|o| o != c) {
            continue;
        }
        let model = Model { anchors: anchors.clone(), gaps: std::mem::take(&mut gaps), convention: c, unanchored: hints.unanchored };
        let (z, post) = model.run();
        gaps = model.gaps;
        runs.push((c, c.prior().ln() + z, post));
    }
    let total = log_sum(runs.iter().map(|r| r.1));
    let weights: Vec<f64> = runs.iter().map(|r| if total.is_finite() { (r.1 - total).exp() } else { 0.0 }).collect();
    let best = weights.iter().enumerate().max_by(|a, b| a.1.total_cmp(b.1)).map(|(i, _)| i).unwrap_or(0);
    let mut posterior = [0.0; 3];
    for ((c, ..), w) in runs.iter().zip(&weights) {
        if let Some(p) = Convention::ALL.iter().position(|x| x == c).and_then(|i| posterior.get_mut(i)) {
            *p = *w;
        }
    }
    let Some((convention, ..)) = runs.get(best) else {
        return Partition { owner: vec![None; n], confidence: vec![0.0; n], alternative: vec![None; n], convention: None, posterior };
    };

    let mut owner: Vec<Option<usize>> = vec![None; n];
    let mut confidence = vec![1.0; n];
    let mut alternative: Vec<Option<usize>> = vec![None; n];
    for (k, &i) in anchor_at.iter().enumerate() {
        if let Some(o) = owner.get_mut(i) {
            *o = Some(k);
        }
    }
    let k_n = anchor_at.len();
    // Rows before the first anchor or after the last have only one anchor to go to, but under
    // the first-row (last-row) convention they belong to none: a duty whose cells were lost.
    // They are as sure as that convention is unlikely.
    let edge = |c: Convention| runs.iter().zip(&weights).filter(|r| r.0 .0 == c).map(|r| *r.1).sum::<f64>();
    for (g, rows) in gap_rows.iter().enumerate() {
        if g == 0 || g == k_n {
            let mine = if g == 0 { 0 } else { k_n - 1 };
            let sure = 1.0 - edge(if g == 0 { Convention::First } else { Convention::Last });
            for &i in rows {
                if let Some(o) = owner.get_mut(i) {
                    *o = Some(mine);
                }
                if let Some(c) = confidence.get_mut(i) {
                    *c = sure;
                }
            }
            continue;
        }
        for (j, &i) in rows.iter().enumerate() {
            // Probability, over the conventions and the splits, that row j goes to the anchor
            // before the gap (the split leaves it above). Each row goes where it more
            // probably belongs: the best convention's single best split would put a row
            // against the odds where the conventions nearly tie. The probability falls down
            // the gap, so the rows chosen for the anchor above are the gap's first ones.
            let up: f64 = runs
                .iter()
                .zip(&weights)
                .map(|((_, _, post), w)| {
                    let dist = post.get(g).map(Vec::as_slice).unwrap_or(&[]);
                    w * dist.iter().enumerate().filter(|(s, _)| j < *s).map(|(_, p)| p).sum::<f64>()
                })
                .sum();
            let (mine, other, p) = if up > 0.5 { (g - 1, g, up) } else { (g, g - 1, 1.0 - up) };
            if let Some(o) = owner.get_mut(i) {
                *o = Some(mine);
            }
            if let Some(c) = confidence.get_mut(i) {
                *c = p;
            }
            if p < SURE {
                if let Some(a) = alternative.get_mut(i) {
                    *a = Some(other);
                }
            }
        }
    }
    Partition { owner, confidence, alternative, convention: Some(*convention), posterior }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `A` an anchor row, `a` an anchor without an indicator, `r` a plain row, `|` a page break.
    fn items(s: &str) -> Vec<Item> {
        let mut block = 0;
        let mut out = Vec::new();
        for c in s.chars() {
            match c {
                '|' => block += 1,
                'A' => out.push(Item { block, anchor: true, indicator: true, words: Vec::new(), duty_words: Vec::new(), name_words: Vec::new(), continues: false }),
                'a' => out.push(Item { block, anchor: true, indicator: false, words: Vec::new(), duty_words: Vec::new(), name_words: Vec::new(), continues: false }),
                'r' => out.push(Item { block, anchor: false, indicator: true, words: Vec::new(), duty_words: Vec::new(), name_words: Vec::new(), continues: false }),
                _ => {}
            }
        }
        out
    }

    fn owners(p: &Partition) -> Vec<usize> {
        p.owner.iter().map(|o| o.unwrap_or(99)).collect()
    }

    #[test]
    fn rows_under_first_row_anchors() {
        let p = partition(&items("ArrrArrArrrr"), Hints::default());
        assert_eq!(p.convention, Some(Convention::First));
        assert_eq!(owners(&p), [0, 0, 0, 0, 1, 1, 1, 2, 2, 2, 2, 2]);
        assert!(p.confidence.iter().all(|&c| c >= SURE), "{:?}", p.confidence);
    }

    #[test]
    fn rows_over_last_row_anchors() {
        let p = partition(&items("rrArArrrArrA"), Hints::default());
        assert_eq!(p.convention, Some(Convention::Last));
        assert_eq!(owners(&p), [0, 0, 0, 1, 1, 2, 2, 2, 2, 3, 3, 3]);
    }

    #[test]
    fn rows_around_middle_anchors() {
        // Sizes 5, 3, 1, 5, 3, 3: each anchor in the middle of its duty.
        let p = partition(&items("rrArrrArA|rrArrrrArrrAr"), Hints::default());
        assert_eq!(p.convention, Some(Convention::Middle));
        assert_eq!(owners(&p)[..9], [0, 0, 0, 0, 0, 1, 1, 1, 2]);
    }

    #[test]
    fn even_parts_centre_their_cells_on_the_upper_middle_row() {
        // Parts of 3, 2, 2 | 2, 5, 3 rows; the third duty goes on after the page break and
        // prints its cells again there. Each even part's cells are on its upper middle row,
        // so the row between the second and third anchors is the second duty's, and the row
        // after the repeated anchor the third duty's.
        let p = partition(&items("rArArAr|ArrrArrrAr"), Hints { unanchored: UNANCHORED_PART_WHERE_REPEATED, only: None });
        assert_eq!(p.convention, Some(Convention::Middle));
        assert_eq!(owners(&p), [0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 4, 4, 4, 5, 5, 5]);
    }

    #[test]
    fn a_duty_going_on_after_a_page_break_without_its_cells() {
        // First-row anchors, and a last duty that ends the table with rows below its anchor;
        // the next page starts with a row of the duty above.
        let p = partition(&items("ArrrArrrr|rArrrArrr"), Hints::default());
        assert_eq!(p.convention, Some(Convention::First));
        assert!(p.posterior[0] > 2.0 * p.posterior[1], "{:?}", p.posterior);
        assert_eq!(owners(&p), [0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3]);
    }

    #[test]
    fn words_shared_with_a_duty_decide_what_positions_cannot() {
        // An anchor first and last: first-row and last-row readings explain the positions
        // equally well; the rows' words say whose they are.
        let duty = |block, words: &str| Item { block, anchor: true, indicator: true, words: Vec::new(), duty_words: word_pairs(words), name_words: Vec::new(), continues: false };
        let row = |words: &str| Item { block: 0, anchor: false, indicator: true, words: word_pairs(words), duty_words: Vec::new(), name_words: Vec::new(), continues: false };
        let items = vec![
            duty(0, "安全生产综合监管，防范遏制重特大事故"),
            row("较大以上生产安全事故起数"),
            row("重大事故隐患整改率"),
            duty(0, "危险化学品与非煤矿山监管"),
            row("危化品企业执法检查"),
            duty(0, "防灾减灾救灾，保障受灾群众基本生活"),
        ];
        let p = partition(&items, Hints::default());
        assert_eq!(owners(&p), [0, 0, 0, 1, 1, 2]);
        assert_eq!(p.convention, Some(Convention::First));
    }

    #[test]
    fn a_word_of_a_duty_s_name_outweighs_a_word_of_another_duty_s_goal() {
        // Centred anchors: the row between them is the first duty's second row or the second
        // duty's first, and the positions nearly tie (a little for the second). The row names
        // `干部`, the first duty's subject, and `依法`, a word of the second duty's goal: the
        // name says more of what a duty is about than a sentence of its goal.
        let duty = |name: &str, goal: &str| Item {
            block: 0,
            anchor: true,
            indicator: true,
            words: Vec::new(),
            duty_words: word_pairs(&format!("{name}\t{goal}")),
            name_words: word_pairs(name),
            continues: false,
        };
        let row = |words: &str| Item { block: 0, anchor: false, indicator: true, words: word_pairs(words), duty_words: Vec::new(), name_words: Vec::new(), continues: false };
        let items = vec![
            duty("干部队伍建设", "优化结构，加强考核管理"),
            row("干部交流轮岗\t依法组织"),
            duty("普法宣传", "坚持依法决策，落实普法责任制"),
            row("普法宣传活动"),
        ];
        let p = partition(&items, Hints { only: Some(Convention::Middle), ..Hints::default() });
        assert_eq!(owners(&p), [0, 0, 1, 1]);
    }

    #[test]
    fn a_table_that_cannot_tell_says_so() {
        // One row between two anchors and nothing else: above or below, nothing says which.
        let p = partition(&items("ArA"), Hints::default());
        assert!(p.confidence[1] < SURE, "{:?}", p);
        assert_eq!(p.alternative[1], Some(if p.owner[1] == Some(0) { 1 } else { 0 }));
    }

    #[test]
    fn the_known_convention_is_used_alone() {
        // Rows above the first anchor have no other duty to go to, but under the first-row
        // convention they belong to none: they are unsure.
        let p = partition(&items("rrArA"), Hints { only: Some(Convention::First), ..Hints::default() });
        assert_eq!(p.convention, Some(Convention::First));
        assert_eq!(owners(&p), [0, 0, 0, 0, 1]);
        assert!(p.confidence[0] < SURE && p.confidence[1] < SURE, "{:?}", p.confidence);
        assert!(p.confidence[3] >= SURE);
    }

    #[test]
    fn no_anchor_no_owner() {
        let p = partition(&items("rrr"), Hints::default());
        assert_eq!(p.owner, [None, None, None]);
    }
}

