//! Labels against the weights: a group's or category's printed points (`科学行政（4分）`,
//! `职能工作目标80分`) are the sum of its rows' weights.

use super::{same_points, Level, Seen};
use crate::header::Field;
use crate::rebuild::Draft;
use zhibiao_model::{Issue, Severity};
use zhibiao_normalize::values::parse_weight;

/// A group's or category's declared points against the weights of the rows it covers.
pub(super) fn check_points(drafts: &[Draft], seen: &[Seen], issues: &mut Vec<Issue>) {
    for level in [Level::Group, Level::Category] {
        let name_of = |d: &Draft| if level == Level::Group { d.group.clone() } else { d.category.clone() };
        // Consecutive runs of one name.
        let mut runs: Vec<(String, usize, usize)> = Vec::new();
        for (i, d) in drafts.iter().enumerate() {
            let Some(n) = name_of(d) else { continue };
            match runs.last_mut() {
                Some(r) if r.0 == n && r.2 == i => r.2 = i + 1,
                _ => runs.push((n, i, i + 1)),
            }
        }
        for (name, a, b) in runs {
            let declared: Vec<f64> = seen.iter().filter(|s| s.level == level && s.name == name && s.at >= a && s.at < b).filter_map(|s| s.points).collect();
            let Some(&p) = declared.first() else { continue };
            let rows = drafts.get(a..b).unwrap_or(&[]);
            if rows.iter().any(|d| d.get(Field::Weight).and_then(parse_weight).is_none()) {
                continue;
            }
            let sum: f64 = rows.iter().filter_map(|d| d.get(Field::Weight)).filter_map(parse_weight).sum();
            if same_points(sum, p) {
                continue;
            }
            let (first, last) = (rows.first().map(|d| d.id.clone()).unwrap_or_default(), rows.last().map(|d| d.id.clone()).unwrap_or_default());
            let msg = format!(
                "the {} '{name}' declares {} points but the weights of its {} rows ({first} … {last}) sum to {}",
                if level == Level::Group { "group" } else { "category" },
                fmt(p),
                rows.len(),
                fmt(sum)
            );
            let line = rows.first().map(Draft::line).unwrap_or(0);
            let field = if level == Level::Group { "group" } else { "category" };
            for d in rows {
                issues.push(
                    Issue::new(Severity::Warning, "label_points_mismatch", msg.clone()).record(d.id.clone()).at_line(line).fields(&["weight", field]),
                );
            }
        }
    }
}

fn fmt(v: f64) -> String {
    if v.fract() == 0.0 {
        format!("{}", v as i64)
    } else {
        format!("{v}")
    }
}
