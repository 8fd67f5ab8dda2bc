//! Generated 绩效目标考评表 notices with exact gold.
//!
//! A seed gives one notice of one agency (卫健委, 住建局, 市场监管局, 统计局… in cities and
//! counties of ten provinces) with its attached target table, rendered as OCR'd TAB text the
//! way archives hold them, and the document a careful reader would extract from it. The gold
//! is decided first, from clean content ([`content`]); the renderer then prints it with the
//! variations real archives show ([`variation`]: header and column variants, 项目 labels
//! anywhere in their span, merged cells printed once, id-less rows, OCR damage, declared
//! counts and distractors in the prose), each applied with some probability and noted in the
//! gold's `gold_notes`. No variation destroys what the gold needs: a careful reader of the
//! text can always recover it.
//!
//! - [`places`], [`sectors`], [`phrases`]: the vocabularies;
//! - [`content`]: the clean notice and table, weights adding up by construction;
//! - [`notice`]: the prose, with the declared counts;
//! - [`rows`]: records as rows, merged cells and id-less rows;
//! - [`layout`]: pages, headers, 项目 labels, page-break splits, shifted rows;
//! - [`breakage`]: cell-level OCR damage; [`render`]: the TAB text; [`gold`]: the document.

pub mod breakage;
pub mod columns;
pub mod content;
pub mod gold;
pub mod layout;
pub mod notice;
pub mod phrases;
pub mod places;
pub mod prose;
pub mod render;
pub mod reshape;
pub mod rows;
pub mod sectors;
pub mod variation;

#[cfg(test)]
mod tests;

use crate::dice::Dice;
use crate::Generated;

use layout::Words;
use rows::AdminMode;
use variation::{Variation as V, Wishes};

/// The note every gold file of this generator opens with.
const EXACT: &str = "Generated document (performance): every field is exact by construction from the clean content; the text only prints it.";

/// The document of seed `seed`.
pub fn generate(seed: u64) -> Generated {
    generate_with_wishes(seed).0
}

/// The document of seed `seed` and the variations it carries.
pub fn generate_with_wishes(seed: u64) -> (Generated, Wishes) {
    generate_inner(seed, Later::AsRolled)
}

/// The document of seed `seed` as the first stream alone makes it: none of the later
/// variations wanted.
pub fn generate_first_stream_only(seed: u64) -> Generated {
    generate_inner(seed, Later::Only(None)).0
}

/// The document of seed `seed` with one later variation wanted and none of the others (the
/// first stream's as ever): what that variation alone does to the document. `None`: the
/// first stream alone.
pub fn generate_with_only(seed: u64, v: Option<V>) -> (Generated, Wishes) {
    generate_inner(seed, Later::Only(v))
}

/// Which later variations a document wants.
enum Later {
    /// As the second stream rolled them.
    AsRolled,
    /// This one (or none).
    Only(Option<V>),
}

fn generate_inner(seed: u64, later: Later) -> (Generated, Wishes) {
    let name = format!("performance-{seed:06}");
    let mut dice = Dice::new(seed);
    let mut wishes = Wishes::roll(&mut dice, seed);
    if let Later::Only(only) = later {
        wishes.drop_later();
        if let Some(v) = only.filter(|v| *v >= variation::FIRST_OF_SECOND_STREAM) {
            wishes.force(v);
        }
    }
    let mut content = content::plan(&mut dice, &mut wishes);
    let titles = notice::titles(&mut dice, &content, &wishes);
    let (mut lines, notice) = notice::front(&mut dice, &content, &titles, &mut wishes);

    let mode = if wishes.wants(V::AdminSeparateTable) {
        AdminMode::SeparateTable
    } else if wishes.wants(V::AdminOwnHeader) {
        AdminMode::OwnHeader
    } else {
        AdminMode::SameColumns
    };
    // The later variations of what the table holds (they change no count the notice declares).
    reshape::apply(&mut content, mode, &mut wishes);
    let plan = columns::plan(&mut wishes);
    let rows = rows::build(&mut dice, &content, mode, &mut wishes);
    let totals = rows.totals.clone();

    let unit_line = |dice: &mut Dice| format!("参评单位（盖章）：{}{}", if dice.chance(0.4) { " " } else { "" }, titles.unit);
    let mut heading = vec![titles.table.clone(), String::new(), unit_line(&mut dice)];
    if wishes.wants(V::TableDate) {
        wishes.applied(V::TableDate);
        let (y, m, d) = content.date;
        let d = if d < 28 && dice.chance(0.5) { d + 1 } else { d };
        heading.extend([String::new(), format!("{y}年{m}月{d}日")]);
    }
    heading.push(String::new());
    let admin_heading = vec![titles.admin_table.clone(), String::new(), unit_line(&mut dice), String::new()];

    let words = words(&mut dice, &mut wishes);
    let tables = layout::paginate(&mut dice, &content, rows, mode, heading, admin_heading, &plan, &mut wishes);
    lines.extend(render::tables(&mut dice, &tables, &words, &mut wishes));
    lines.extend(notice::back(&mut dice, &content, &mut wishes));
    let mut text = lines.join("\n");
    text.push('\n');

    let file = format!("{name}.txt");
    let doc = gold::document(&file, &content, notice, &titles, mode, &totals);
    let mut notes = vec![EXACT.to_string()];
    notes.extend(wishes.notes());
    let gold = crate::gold_json(&doc, &notes);
    (Generated { name, text, gold }, wishes)
}

/// The header wordings of one document.
fn words(dice: &mut Dice, wishes: &mut Wishes) -> Words {
    let two_rows = !wishes.wants(V::HeaderOneRow);
    if !two_rows {
        wishes.applied(V::HeaderOneRow);
    }
    let mut w = Words { two_rows, unit: "责任单位", deadline: "完成时限", weight: "权重", scoring: "考核标准", points: "分值" };
    if wishes.wants(V::HeaderWording) {
        w.unit = *dice.pick(&["责任部门", "责任科室", "责任股室", "责任单位"]);
        w.deadline = *dice.pick(&["完成时间", "完成时限"]);
        w.weight = *dice.pick(&["分值", "权重"]);
        // A 分值 column of the 一级指标 leaves 权重 its own word.
        if wishes.was_applied(V::PointsColumn) {
            w.weight = "权重";
        }
        if w.unit != "责任单位" || w.deadline != "完成时限" || w.weight != "权重" {
            wishes.applied(V::HeaderWording);
        }
    }
    if wishes.was_applied(V::ScoringColumn) {
        w.scoring = *wishes.more().pick(columns::SCORING_WORDS);
    }
    if wishes.was_applied(V::PointsColumn) {
        w.points = *wishes.more().pick(columns::POINTS_WORDS);
    }
    w
}
