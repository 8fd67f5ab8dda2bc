//! Duties: which indicator rows each 职责 has, its number, and its merged cells given to
//! every row of it.
//!
//! 1. [`group_duties`]: the rows that print duty cells (anchors) and the rows between them
//!    are split by [`super::convention`]; consecutive parts that are one duty going on (a
//!    page break printed its cells again, with the same name or number) are joined.
//! 2. [`number_duties`]: the printed number, else the one after the duty above (reported);
//!    a number printed again for another duty is a misread, renumbered so no two records
//!    share an id. Ids are `{duty_no}-{n}`.
//! 3. [`share_duty_fields`]: the duty's cells go to each of its rows; a row that did not
//!    print them has them inferred, weakly where its duty was a close call.

use std::collections::BTreeMap;

use super::convention::{partition, word_pairs, Convention, Hints, Item, SURE, UNANCHORED_PART, UNANCHORED_PART_WHERE_REPEATED};
use super::place::{duty_no, DUTY_FIELDS};
use crate::header::Field;
use crate::rebuild::{Draft, Evidence};
use crate::trace::Trace;
use zhibiao_model::{Issue, Severity};
use zhibiao_normalize::text::{fold_text, squash};

/// One duty: its merged cells and its indicator rows.
#[derive(Debug, Default)]
pub struct Duty {
    pub no: Option<u32>,
    /// Duty-level cells as printed, with their lines.
    pub cells: BTreeMap<Field, (String, u32)>,
    pub members: Vec<Draft>,
    /// Anchors (indices among the table's anchors) whose parts this duty joins.
    anchors: Vec<usize>,
    /// Members whose duty was a close call: `(member index, the other anchor, probability)`.
    unsure: Vec<(usize, usize, f64)>,
    /// Line of a lower row that printed the rest of the duty's cells, and whether rows stand
    /// between it and the anchor ([`split_cells`]).
    split_at: Option<(u32, bool)>,
}

impl Duty {
    pub fn line(&self) -> u32 {
        self.cells.values().map(|c| c.1).min().or_else(|| self.members.first().map(Draft::line)).unwrap_or(0)
    }
}

/// A draft that shows indicator cells, not only the duty's.
fn has_indicator_cells(d: &Draft) -> bool {
    d.fields.iter().any(|(f, t)| !DUTY_FIELDS.contains(f) && !t.trim().is_empty())
}

/// Groups the drafts into duties (see the module doc). `spans_known`: the reader knows merged
/// cells, so a duty's text is on the first row of its span.
pub fn group_duties(drafts: Vec<Draft>, spans_known: bool, trace: &mut Trace, issues: &mut Vec<Issue>) -> Vec<Duty> {
    let printed = |d: &Draft| -> Vec<Field> { DUTY_FIELDS.iter().copied().filter(|&f| d.get(f).is_some()).collect() };
    let split = split_cells(&drafts);
    // Cells joined by a break, so that no word spans two cells.
    let text_of = |d: &Draft, fields: [Field; 2]| -> String { fields.iter().filter_map(|&f| d.get(f)).collect::<Vec<_>>().join("\t") };
    let mut items: Vec<Item> = drafts
        .iter()
        .enumerate()
        .map(|(i, d)| {
            let anchor = !printed(d).is_empty() && split.get(i).copied().flatten().is_none();
            // A row's words: its indicator's, and its 工作活动 and 预算项目 (the duty's work
            // and its money name the duty's subject as much as the indicator does, and rows
            // of one duty often print the same ones). An anchor's duty words: its 部门职责 and
            // 职责目标.
            let own = format!(
                "{}\t{}",
                text_of(d, [Field::Indicator, Field::Explanation]),
                text_of(d, [Field::Activity, Field::BudgetItem])
            );
            let duty_words = if anchor { word_pairs(&text_of(d, [Field::Duty, Field::DutyGoal])) } else { Vec::new() };
            let name_words = if anchor { word_pairs(d.get(Field::Duty).unwrap_or("")) } else { Vec::new() };
            Item { block: d.block, anchor, indicator: has_indicator_cells(d), words: word_pairs(&own), duty_words, name_words, continues: false }
        })
        .collect();
    mark_continuing(&drafts, &mut items);
    // The words of a duty's cells printed on a lower row are its anchor's words too.
    for (i, j) in split.iter().enumerate().filter_map(|(i, j)| Some((i, (*j)?))) {
        let Some(d) = drafts.get(i) else { continue };
        let more = word_pairs(&text_of(d, [Field::Duty, Field::DutyGoal]));
        if let Some(item) = items.get_mut(j) {
            item.duty_words.extend(more);
            item.duty_words.sort_unstable();
            item.duty_words.dedup();
        }
    }
    let hints = Hints {
        only: spans_known.then_some(Convention::First),
        unanchored: if repeats_on_new_page(&drafts, &items) { UNANCHORED_PART_WHERE_REPEATED } else { UNANCHORED_PART },
    };
    let part = partition(&items, hints);
    if let Some(c) = part.convention {
        let [first, middle, last] = part.posterior;
        trace.note(format!("duty cells printed on the {} row of each duty (first {first:.3}, middle {middle:.3}, last {last:.3})", c.name()));
        if c != Convention::First && !spans_known {
            let line = drafts.first().map(Draft::line).unwrap_or(0);
            issues.push(
                Issue::new(
                    Severity::Info,
                    "duty_cells_centred",
                    format!(
                        "the table prints each duty's 职责序号 / 部门职责 / 职责目标 on the {} row of its rows (probability {:.2}); the rows above them are read as theirs",
                        c.name(),
                        part.posterior.iter().copied().fold(0.0, f64::max)
                    ),
                )
                .at_line(line),
            );
        }
    }
    let anchors = items.iter().filter(|i| i.anchor).count();
    if anchors == 0 {
        if drafts.is_empty() {
            return Vec::new();
        }
        issues.push(Issue::new(
            Severity::Warning,
            "duty_missing",
            "no row of the table prints a 职责序号 or 部门职责: the indicators are given duty 1",
        ));
        return vec![Duty { members: drafts, ..Default::default() }];
    }
    let mut parts: Vec<Duty> = (0..anchors).map(|k| Duty { anchors: vec![k], ..Default::default() }).collect();
    for (i, mut d) in drafts.into_iter().enumerate() {
        let Some(k) = part.owner.get(i).copied().flatten() else { continue };
        if let Some(j) = split.get(i).copied().flatten() {
            // The rest of a duty's cells, printed on a lower row: they go to the anchor's duty.
            if let Some(duty) = part.owner.get(j).copied().flatten().and_then(|a| parts.get_mut(a)) {
                take_duty_cells(&mut d, duty, issues);
                duty.split_at = Some((d.line(), i > j + 1));
            }
        }
        let Some(duty) = parts.get_mut(k) else { continue };
        if items.get(i).is_some_and(|it| it.anchor) {
            take_duty_cells(&mut d, duty, issues);
        }
        let conf = part.confidence.get(i).copied().unwrap_or(1.0);
        if conf < SURE {
            let other = part.alternative.get(i).copied().flatten().unwrap_or(k);
            duty.unsure.push((duty.members.len(), other, conf));
        }
        if items.get(i).is_some_and(|it| it.indicator) {
            duty.members.push(d);
        } else if let Some(last) = duty.members.last_mut() {
            // Only duty cells on this row: its line still belongs to the duty's rows.
            last.add_line(d.line());
        }
    }
    let mut duties = join_continued(parts, issues);
    settle_joined(&mut duties);
    duties
}

/// Whether the table prints a duty's cells again on the page it goes on to: an anchor on a
/// new page names the duty of the last anchor before it. Such a table rarely lets a duty run
/// onto a page without them.
fn repeats_on_new_page(drafts: &[Draft], items: &[Item]) -> bool {
    let key = |d: &Draft, f: Field| d.get(f).map(|t| squash(&fold_text(t)));
    let anchors: Vec<(usize, &Draft)> =
        drafts.iter().zip(items).filter(|(_, it)| it.anchor).map(|(d, it)| (it.block, d)).collect();
    anchors.windows(2).any(|w| match w {
        [(b1, a), (b2, b)] if b1 != b2 => {
            let mut same = 0;
            for f in DUTY_FIELDS {
                match (key(a, f), key(b, f)) {
                    (Some(x), Some(y)) if x == y => same += 1,
                    (Some(_), Some(_)) => return false,
                    _ => {}
                }
            }
            same > 0
        }
        _ => false,
    })
}

/// Marks the anchors that print the duty of the anchor before them again, by the test that
/// joins their parts later ([`same_duty`]): their rows name the same things.
fn mark_continuing(drafts: &[Draft], items: &mut [Item]) {
    let mut last: Option<Duty> = None;
    for (d, it) in drafts.iter().zip(items.iter_mut()) {
        if !it.anchor {
            continue;
        }
        let mut here = Duty::default();
        for f in DUTY_FIELDS {
            if let Some(t) = d.get(f).filter(|t| !t.trim().is_empty()) {
                if f == Field::DutyNo {
                    here.no = duty_no(t);
                }
                here.cells.insert(f, (t.to_string(), d.line()));
            }
        }
        it.continues = last.as_ref().is_some_and(|prev| same_duty(prev, &here));
        last = Some(here);
    }
}

/// Rows that print the rest of the duty cells of the anchor above them: each column of a
/// merged cell has its own vertical alignment, so a number printed at the top and a goal
/// centred show on two rows of one duty. A row is such a rest when it prints only duty cells
/// the last anchor of its page did not print, and that anchor only ones it does not: the two
/// make one set (`3 | 产业培育 | ` over ` | | 提升创新能力。`), also across a page break that
/// cut the merged cell. Returns, per draft, the anchor it completes.
fn split_cells(drafts: &[Draft]) -> Vec<Option<usize>> {
    let printed = |d: &Draft| -> Vec<Field> { DUTY_FIELDS.iter().copied().filter(|&f| d.get(f).is_some()).collect() };
    let mut out = vec![None; drafts.len()];
    // The last anchor: its index and the fields printed so far for it.
    let mut last: Option<(usize, Vec<Field>)> = None;
    for (i, d) in drafts.iter().enumerate() {
        let here = printed(d);
        if here.is_empty() {
            continue;
        }
        match &mut last {
            // Also across a page break: a merged cell cut by one prints part of its text on
            // each page.
            Some((j, fields)) if here.iter().all(|f| !fields.contains(f)) => {
                fields.extend(here);
                if let Some(o) = out.get_mut(i) {
                    *o = Some(*j);
                }
            }
            _ => last = Some((i, here)),
        }
    }
    out
}

/// Moves an anchor row's duty cells from its fields to its duty's cells.
fn take_duty_cells(d: &mut Draft, duty: &mut Duty, issues: &mut Vec<Issue>) {
    for f in DUTY_FIELDS {
        let Some(text) = d.fields.remove(&f).filter(|t| !t.trim().is_empty()) else { continue };
        if f == Field::DutyNo {
            duty.no = duty_no(&text);
            if duty.no.is_none() {
                // Only the number is output: text that is not one must be said.
                issues.push(
                    Issue::new(Severity::Warning, "unplaced_text", format!("the 职责序号 cell reads '{}', not a duty number", fold_text(&text)))
                        .at_line(d.line()),
                );
            }
        }
        duty.cells.insert(f, (text, d.line()));
    }
}

/// The identity of a duty part for telling whether the next part is the same duty.
fn same_duty(a: &Duty, b: &Duty) -> bool {
    let key = |d: &Duty, f: Field| d.cells.get(&f).map(|(t, _)| squash(&fold_text(t)));
    let mut compared = 0;
    for f in DUTY_FIELDS {
        let same = match f {
            Field::DutyNo => match (a.no, b.no) {
                (Some(x), Some(y)) => Some(x == y),
                _ => None,
            },
            _ => match (key(a, f), key(b, f)) {
                (Some(x), Some(y)) => Some(x == y),
                _ => None,
            },
        };
        match same {
            Some(false) => return false,
            Some(true) => compared += 1,
            None => {}
        }
    }
    compared > 0
}

/// Joins consecutive parts that are one duty: its cells printed again (after a page break)
/// with the same number, name or goal and nothing that differs.
fn join_continued(parts: Vec<Duty>, issues: &mut Vec<Issue>) -> Vec<Duty> {
    let mut out: Vec<Duty> = Vec::new();
    for p in parts {
        match out.last_mut() {
            Some(prev) if same_duty(prev, &p) && !p.members.is_empty() => {
                issues.push(
                    Issue::new(
                        Severity::Info,
                        "duty_continued",
                        format!(
                            "the duty cells at line {} repeat those of the duty above ({}): read as that duty going on, as after a page break",
                            p.line(),
                            prev.cells.get(&Field::Duty).map(|c| fold_text(&c.0)).unwrap_or_else(|| prev.no.map(|n| n.to_string()).unwrap_or_default())
                        ),
                    )
                    .at_line(p.line()),
                );
                let offset = prev.members.len();
                prev.unsure.extend(p.unsure.iter().map(|&(m, o, c)| (m + offset, o, c)));
                prev.members.extend(p.members);
                prev.anchors.extend(p.anchors);
                prev.no = prev.no.or(p.no);
                for (f, c) in p.cells {
                    prev.cells.entry(f).or_insert(c);
                }
            }
            _ => out.push(p),
        }
    }
    out
}

/// Gives every duty its number and its rows their ids (see the module doc); drops duties
/// without indicators (reported) and reports the rows whose duty was a close call.
pub fn number_duties(duties: &mut Vec<Duty>, issues: &mut Vec<Issue>) {
    let printed: Vec<u32> = duties.iter().filter_map(|d| d.no).collect();
    let mut counted: BTreeMap<u32, usize> = BTreeMap::new();
    let mut previous = 0;
    for duty in duties.iter_mut() {
        let no = match duty.no {
            Some(n) if counted.contains_key(&n) => {
                let next = previous + 1;
                let free = !counted.contains_key(&next) && !printed.contains(&next);
                let use_no = if free { next } else { n };
                issues.push(
                    Issue::new(
                        Severity::Warning,
                        "duty_no_repeated",
                        if free {
                            format!("职责序号 {n} is printed again for another duty; read as {next}, the number after the duty above, which no duty prints")
                        } else {
                            format!("职责序号 {n} is printed again for another duty; its indicators continue duty {n}'s numbering so that ids stay unique")
                        },
                    )
                    .record(use_no.to_string())
                    .at_line(duty.line()),
                );
                use_no
            }
            Some(n) => n,
            None => {
                let n = previous + 1;
                issues.push(
                    Issue::new(Severity::Warning, "duty_no_inferred", format!("a duty has no readable 职责序号; numbered {n}, after the duty above"))
                        .record(n.to_string())
                        .at_line(duty.line()),
                );
                // Without a number the duty may be the one above going on (its cells printed
                // again without it, or an indicator read as a duty): its rows would follow
                // that duty's.
                if let Some(&count) = counted.get(&previous) {
                    issues.push(
                        Issue::new(
                            Severity::Warning,
                            "duty_no_inferred",
                            format!("the duty numbered {n} prints no 职责序号 and may be duty {previous} going on"),
                        )
                        .record(format!("{previous}-{}", count + 1))
                        .at_line(duty.line()),
                    );
                }
                n
            }
        };
        duty.no = Some(no);
        previous = no;
        if let Some((line, apart)) = duty.split_at {
            let (severity, why) = if apart {
                (Severity::Warning, "with rows between them; were they another duty's whose other cells were lost, its rows are counted here")
            } else {
                (Severity::Info, "on the next row")
            };
            issues.push(
                Issue::new(
                    severity,
                    "duty_cells_split",
                    format!("the rest of duty {no}'s cells is printed at line {line}, {why}"),
                )
                .record(no.to_string())
                .at_line(line),
            );
        }
        let seen = counted.entry(no).or_insert(0);
        for m in duty.members.iter_mut() {
            *seen += 1;
            m.id = format!("{no}-{seen}");
        }
        if duty.members.is_empty() {
            let printed: Vec<String> = duty.cells.values().map(|c| fold_text(&c.0)).collect();
            issues.push(
                Issue::new(
                    Severity::Warning,
                    "duty_without_indicators",
                    format!("duty {no} ('{}') has no performance indicator rows", printed.join("' | '")),
                )
                .record(no.to_string())
                .at_line(duty.line()),
            );
        }
    }
    report_unsure(duties, issues);
    duties.retain(|d| !d.members.is_empty());
}

/// Drops the doubts that joining parts settled: a row between two parts of one duty is that
/// duty's either way, and its place among the duty's rows is the order they are printed in.
fn settle_joined(duties: &mut [Duty]) {
    for d in duties.iter_mut() {
        let anchors = d.anchors.clone();
        d.unsure.retain(|u| !anchors.contains(&u.1));
    }
}

/// One warning per duty whose rows may belong to the duty beside it: their duty cells, and
/// the ids of the duty's rows after them, are a guess.
fn report_unsure(duties: &[Duty], issues: &mut Vec<Issue>) {
    let index_of = |anchor: usize| duties.iter().position(|d| d.anchors.contains(&anchor));
    for (here, duty) in duties.iter().enumerate() {
        let Some(no) = duty.no else { continue };
        for &(m, other, p) in &duty.unsure {
            let Some(member) = duty.members.get(m) else { continue };
            let indicator = member.get(Field::Indicator).map(fold_text).unwrap_or_default();
            let there = index_of(other).filter(|&i| i != here);
            let other_no = there.and_then(|i| duties.get(i)).and_then(|d| d.no);
            let alt = other_no.map(|o| format!(" or duty {o}")).unwrap_or_else(|| " or to a duty whose cells were not printed".into());
            // Moving the row between two duties renumbers the later duty's rows, and the row
            // itself; the earlier duty's other rows keep their ids.
            let names: Vec<String> = match (there, other_no) {
                (Some(i), Some(o)) if i > here => vec![member.id.clone(), o.to_string()],
                // The row may be the earlier duty's last: the id it would have there.
                (Some(i), Some(o)) => {
                    let count = duties.get(i).map(|d| d.members.len()).unwrap_or(0);
                    vec![no.to_string(), format!("{o}-{}", count + 1)]
                }
                _ => vec![no.to_string()],
            };
            for n in names {
                issues.push(
                    Issue::new(
                        Severity::Warning,
                        "duty_ambiguous",
                        format!(
                            "the row at line {} ('{indicator}') belongs to duty {no}{alt}: the table does not show which (probability {p:.2}); its duty's cells and the ids of the later duty's rows may be off",
                            member.line()
                        ),
                    )
                    .record(n)
                    .fields(&["id", "duty_no", "duty", "duty_goal"])
                    .at_line(member.line()),
                );
            }
        }
    }
}

/// Gives the duty's merged cells to each of its indicator rows; a row that did not print them
/// has them inferred, weakly when its duty was a close call.
pub fn share_duty_fields(duty: &mut Duty) {
    let no = duty.no.unwrap_or(0);
    for (i, m) in duty.members.iter_mut().enumerate() {
        let unsure = duty.unsure.iter().any(|u| u.0 == i);
        let mut elsewhere: BTreeMap<u32, Vec<&str>> = BTreeMap::new();
        for (f, (text, line)) in &duty.cells {
            if *line != m.line() {
                elsewhere.entry(*line).or_default().push(f.name());
                m.add_line(*line);
                m.infer(*f, if unsure { Evidence::Weak } else { Evidence::Strong });
            }
            m.fields.insert(*f, text.clone());
        }
        if unsure {
            // The number comes with the duty; `id` too, from the count within it.
            m.infer_named("id", Evidence::Weak);
            m.infer(Field::DutyNo, Evidence::Weak);
        }
        for (line, names) in elsewhere {
            m.repairs.push(format!("merged_cell_shared: {} of duty {no} printed on line {line}", names.join(", ")));
        }
    }
}
