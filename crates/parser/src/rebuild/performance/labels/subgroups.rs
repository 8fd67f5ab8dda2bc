//! Groups keyed by the second number of three-part ids.
//!
//! Most tables number three-part ids group-indicator-row (`1-3-2`: group 1, its third
//! first-level indicator), so a group is the rows sharing a first number. Some print a
//! category of their own the same way one level up: key-group-row (`4-2-1`: 行政能力目标,
//! its second group), the first number standing for the category. The ids alone do not say
//! which; the labels do: a block whose first number is the only one its category covers,
//! printing different group labels each confined to the rows of one second number, is
//! grouped by the second number.

use super::{named_in, split_runs, Assigned, Convention, IdBlock, Level, Seen};
use crate::rebuild::{Draft, Evidence};
use zhibiao_model::{Issue, Severity};

/// Runs of rows of `blk` sharing their first two id numbers, as absolute row ranges.
fn second_number_units(drafts: &[Draft], blk: &IdBlock) -> Vec<(usize, usize)> {
    let key = |d: &Draft| d.id.split('-').take(2).collect::<Vec<_>>().join("-");
    let mut units: Vec<(usize, usize)> = Vec::new();
    let mut last: Option<String> = None;
    for i in blk.start..blk.end {
        let Some(d) = drafts.get(i) else { break };
        let k = key(d);
        match units.last_mut() {
            Some(u) if last.as_deref() == Some(k.as_str()) => u.1 = i + 1,
            _ => units.push((i, i + 1)),
        }
        last = Some(k);
    }
    units
}

/// True when the block's first number is its category's key: the rows of the block carry a
/// category no other row carries, or, where no category is known, the block is the only one
/// of its section.
pub(super) fn keys_its_category(k: usize, blocks: &[IdBlock], cat: &Assigned, sections: &[(usize, usize)]) -> bool {
    let Some(blk) = blocks.get(k) else { return false };
    let name_at = |i: usize| cat.get(i).and_then(|c| c.as_ref()).map(|(n, _)| n.as_str());
    match name_at(blk.start) {
        Some(name) => {
            (blk.start..blk.end).all(|i| name_at(i) == Some(name)) && (0..cat.len()).filter(|i| !(blk.start..blk.end).contains(i)).all(|i| name_at(i) != Some(name))
        }
        None => sections.iter().any(|&(b0, b1)| b0 == k && b1 == k + 1),
    }
}

/// Groups the rows of a three-part block by their second number when its group labels say
/// so (see the module doc): each label printed within one second number's rows, no two
/// labels in the same rows. Returns `None` when they do not, leaving the block to the usual
/// rule. A second number printing no label takes its neighbour's by the table's label
/// convention, marked weak and reported.
pub(super) fn assign_by_second_number(
    drafts: &[Draft],
    blk: &IdBlock,
    seen: &[Seen],
    convention: Convention,
    grp: &mut Assigned,
    issues: &mut Vec<Issue>,
) -> Option<()> {
    let units = second_number_units(drafts, blk);
    if units.len() < 2 {
        return None;
    }
    let unit_of = |at: usize| units.iter().position(|&(a, b)| a <= at && at < b);
    // Every group label of the block: which unit prints it.
    let mut printed: Vec<(usize, &str)> = seen.iter().filter(|s| s.level == Level::Group).filter_map(|s| unit_of(s.at).map(|u| (u, s.name.as_str()))).collect();
    printed.sort_unstable();
    printed.dedup();
    let mut names: Vec<&str> = printed.iter().map(|p| p.1).collect();
    names.sort_unstable();
    names.dedup();
    let one_name_per_unit = printed.windows(2).all(|w| w.first().map(|p| p.0) != w.get(1).map(|p| p.0));
    // A name printed in two units is one group over several second numbers: not this shape.
    if names.len() < 2 || names.len() != printed.len() || !one_name_per_unit {
        return None;
    }
    let named = named_in(seen, Level::Group, &units, 0, units.len());
    for (name, from, to, _) in split_runs(&named, 0, units.len(), &units, convention, drafts) {
        for u in from..to {
            let Some(&(a, b)) = units.get(u) else { continue };
            // A second number printing its own label is its group; one printing none took
            // a neighbour's by the convention: a guess.
            let own = printed.iter().any(|p| p.0 == u);
            let ev = (!own).then_some(Evidence::Weak);
            for slot in grp.get_mut(a..b).unwrap_or(&mut []) {
                *slot = Some((name.clone(), ev));
            }
            if own {
                continue;
            }
            let rows = drafts.get(a..b).unwrap_or(&[]);
            let ids: Vec<String> = rows.iter().map(|d| d.id.clone()).collect();
            let line = rows.first().map(Draft::line).unwrap_or(0);
            for id in &ids {
                issues.push(
                    Issue::new(
                        Severity::Warning,
                        "label_boundary_guessed",
                        format!("the rows {} print no group label of their own; read as the neighbouring '{name}'", ids.join(", ")),
                    )
                    .record(id.clone())
                    .at_line(line)
                    .fields(&["group"]),
                );
            }
        }
    }
    Some(())
}
