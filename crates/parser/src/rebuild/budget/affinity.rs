//! What a row's words say about its duty: the vocabulary each duty is known by, and how much
//! a row shares with it.
//!
//! A duty is first known by its anchor's text (部门职责, 职责目标, and the indicator, 工作活动
//! and 预算项目 printed beside them). Once the rows have been split among the duties, the rows
//! placed surely add their words to their duty's: the rows of one duty name the same things
//! (its 预算项目, the subject of its indicators), so a row left open between two duties is
//! compared with everything known of each, not only with the one row that printed the duty's
//! cells. Generic words (完成, 数量, the department's own trade) end up in every duty's
//! vocabulary and so weigh next to nothing.

use std::collections::HashMap;

use super::convention::Item;

type Pair = (char, char);

/// The pairs of adjacent Chinese characters of a text, sorted and distinct: a cheap stand-in
/// for its words. Only characters printed next to each other pair: punctuation, digits and
/// the breaks between cells (`\t`) part words, so no pair spans two phrases (`参与率` of one
/// cell and `重大` of the next are no word `率重`).
pub fn word_pairs(text: &str) -> Vec<Pair> {
    let han = |c: char| ('\u{4e00}'..='\u{9fff}').contains(&c);
    let chars: Vec<char> = text.chars().collect();
    let mut pairs: Vec<Pair> =
        chars.windows(2).filter_map(|w| Some((*w.first()?, *w.get(1)?))).filter(|&(a, b)| han(a) && han(b)).collect();
    pairs.sort_unstable();
    pairs.dedup();
    pairs
}

/// A pair a duty's rows print counts this much of one its 部门职责 or 职责目标 prints: the
/// indicators of different duties share the words of their form (`入学率`, `覆盖率`,
/// `完成数量`), the duty's own text names only its subject.
const ROW_WORD: f64 = 0.5;

/// A pair the duty's name (部门职责) prints counts this much of one only its 职责目标 prints.
const NAME_WORD: f64 = 2.0;

/// Each duty's words: those of its own text, and those of its rows counted by how many rows
/// print them.
pub struct Vocabulary {
    /// The duty (group of anchors printing one duty) of each anchor, by anchor index.
    group_of: Vec<usize>,
    text: Vec<HashMap<Pair, u32>>,
    names: Vec<HashMap<Pair, u32>>,
    rows: Vec<HashMap<Pair, u32>>,
    /// The group each item's row words were counted in, if any.
    counted_in: Vec<Option<usize>>,
    /// How specific each pair is to a few rows of the table, 0 to 1 ([`specificity`]).
    specific: HashMap<Pair, f64>,
}

/// How much a pair can tell one duty from another by how many of the table's rows print it:
/// 1 for a pair two rows share, falling to 0 for one every row prints (`比例` of every rate's
/// explanation, the department's trade `审计`), on a log scale (inverse document frequency).
fn specificity(items: &[Item]) -> HashMap<Pair, f64> {
    let mut df: HashMap<Pair, usize> = HashMap::new();
    for it in items {
        let mut all: Vec<&Pair> = it.words.iter().chain(&it.duty_words).collect();
        all.sort_unstable();
        all.dedup();
        for w in all {
            *df.entry(*w).or_insert(0) += 1;
        }
    }
    let n = items.len().max(3) as f64;
    df.into_iter().map(|(w, d)| (w, ((n / d.max(1) as f64).ln() / (n / 2.0).ln()).clamp(0.0, 1.0))).collect()
}

fn count(map: &mut HashMap<Pair, u32>, words: &[Pair]) {
    for w in words {
        *map.entry(*w).or_insert(0) += 1;
    }
}

impl Vocabulary {
    /// The duties known by their anchors' words. Anchors that print the duty of the anchor
    /// before them again ([`Item::continues`]) make one duty with it.
    pub fn of_anchors(items: &[Item]) -> Vocabulary {
        let mut v = Vocabulary {
            group_of: Vec::new(),
            text: Vec::new(),
            names: Vec::new(),
            rows: Vec::new(),
            counted_in: vec![None; items.len()],
            specific: specificity(items),
        };
        for (i, it) in items.iter().enumerate().filter(|(_, it)| it.anchor) {
            if !it.continues || v.text.is_empty() {
                v.text.push(HashMap::new());
                v.names.push(HashMap::new());
                v.rows.push(HashMap::new());
            }
            let g = v.text.len() - 1;
            v.group_of.push(g);
            if let Some(c) = v.counted_in.get_mut(i) {
                *c = Some(g);
            }
            if let (Some(t), Some(r)) = (v.text.get_mut(g), v.rows.get_mut(g)) {
                count(t, &it.duty_words);
                if let Some(n) = v.names.get_mut(g) {
                    count(n, &it.name_words);
                }
                count(r, &it.words);
            }
        }
        v
    }

    /// Adds the words of the rows placed surely (`owner`: the anchor each row belongs to,
    /// `sure`: whether that is sure) to their duty's.
    pub fn grown(mut self, items: &[Item], owner: &[Option<usize>], sure: &[bool]) -> Vocabulary {
        for (i, it) in items.iter().enumerate() {
            if it.anchor || !sure.get(i).copied().unwrap_or(false) {
                continue;
            }
            let Some(g) = owner.get(i).copied().flatten().and_then(|k| self.group_of.get(k).copied()) else { continue };
            if let Some(r) = self.rows.get_mut(g) {
                count(r, &it.words);
            }
            if let Some(c) = self.counted_in.get_mut(i) {
                *c = Some(g);
            }
        }
        self
    }

    /// How duty `g` has pair `w`, leaving item `i`'s own words out: 1 in its text, on its rows
    /// [`ROW_WORD`] as far as the pair is specific (a word the duty's text chose names its
    /// subject; one an indicator shares with many rows of the table may only be the form of
    /// an indicator), 0 not at all.
    fn holds(&self, g: usize, w: &Pair, i: usize) -> f64 {
        if self.names.get(g).is_some_and(|m| m.contains_key(w)) {
            return NAME_WORD;
        }
        if self.text.get(g).is_some_and(|m| m.contains_key(w)) {
            return 1.0;
        }
        let n = self.rows.get(g).and_then(|m| m.get(w)).copied().unwrap_or(0);
        let own = u32::from(self.counted_in.get(i).copied().flatten() == Some(g));
        if n > own {
            ROW_WORD * self.specific.get(w).copied().unwrap_or(0.0)
        } else {
            0.0
        }
    }

    /// The words item `i` shares with the duty of anchor `k`, each weighed by how many duties
    /// have it besides the row itself (a pair only one duty has tells a row's duty from its
    /// neighbours', one that half the duties have hardly) and by how the duty has it.
    /// Capped at `cap`: a long explanation must not outvote the layout.
    pub fn shared(&self, items: &[Item], i: usize, k: usize, cap: f64) -> f64 {
        let (Some(row), Some(&g)) = (items.get(i), self.group_of.get(k)) else { return 0.0 };
        let shared: f64 = row
            .words
            .iter()
            .map(|w| {
                let here = self.holds(g, w, i);
                if here == 0.0 {
                    return 0.0;
                }
                let holders = (0..self.text.len()).filter(|&h| self.holds(h, w, i) > 0.0).count();
                here / holders.max(1) as f64
            })
            .sum();
        shared.min(cap)
    }
}
