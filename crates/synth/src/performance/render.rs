//! The final text: each table's heading lines, then its page blocks, each a header and rows
//! of TAB-separated cells, with the lines between blocks. Cell-level OCR damage (wrap spaces,
//! punctuation width, spaced deadlines and ids) and the row shifts chosen in
//! [`super::layout`] are applied here, as the cells are printed.

use crate::dice::Dice;

use super::breakage::{self, Shift};
use super::columns::{self, Positions};
use super::layout::{header, Page, Slot, Table, Words};
use super::rows::{Col, Kind, Row, COLS};
use super::variation::{Variation as V, Wishes};

/// The lines of every table.
pub fn tables(dice: &mut Dice, tables: &[Table], words: &Words, wishes: &mut Wishes) -> Vec<String> {
    let mut out = Vec::new();
    for (t, table) in tables.iter().enumerate() {
        if t > 0 {
            out.push(String::new());
        }
        out.extend(table.heading.iter().cloned());
        for (p, page) in table.pages.iter().enumerate() {
            if p > 0 {
                out.push(String::new());
            }
            out.extend(page.before.iter().cloned());
            if p > 0 && wishes.try_more(V::TitleRepeated, 0.7) {
                if let Some(title) = table.heading.first() {
                    let suffix = *wishes.more().pick(&["（续表）", "（续表）", "（续）", "(续表)"]);
                    out.push(format!("{title}{suffix}"));
                    wishes.applied(V::TitleRepeated);
                }
            }
            let mut lines = header(page, words);
            columns::misalign_header(wishes, &mut lines);
            for cells in lines {
                out.push(cells.join("\t"));
            }
            for row in &page.rows {
                out.push(row_line(dice, row, page, wishes));
            }
        }
    }
    out
}

/// One row as printed on `page`.
fn row_line(dice: &mut Dice, row: &Row, page: &Page, wishes: &mut Wishes) -> String {
    if row.kind == Kind::Banner {
        return columns::banner_cells(wishes, row, page.slots.len()).join("\t");
    }
    let has_cat = page.slots.contains(&Slot::Col(Col::Cat));
    let has_group = page.slots.contains(&Slot::Col(Col::Group));
    let structural = matches!(row.kind, Kind::Total | Kind::GrandTotal | Kind::SignOff);
    // A total or sign-off row prints its label in the 项目 column, or (a table without 项目
    // columns) in the 序号 column.
    let label_col = if has_cat {
        Col::Cat
    } else if has_group {
        Col::Group
    } else {
        Col::Id
    };
    let mut cells: Vec<String> = Vec::with_capacity(page.slots.len() + 4);
    let mut weight_at = None;
    let mut id_at = None;
    let mut at: Positions = [None; COLS];
    for slot in &page.slots {
        let Slot::Col(c) = *slot else {
            cells.push(String::new());
            continue;
        };
        if row.content_merged && matches!(c, Col::Basis | Col::Primary | Col::Points) {
            continue;
        }
        let raw = if structural && c == label_col && c != Col::Cat { row.cell(Col::Cat) } else { row.cell(c) };
        let text = if structural {
            if c == Col::Weight && row.kind == Kind::Total {
                columns::weight_cell(wishes, raw, true)
            } else {
                raw.to_string()
            }
        } else {
            match c {
                Col::Basis | Col::Primary | Col::Secondary | Col::Remarks => breakage::text(dice, raw, wishes),
                Col::Deadline => breakage::deadline(dice, raw, wishes),
                Col::Id => {
                    let id = breakage::id(dice, raw, wishes);
                    columns::id_cell(wishes, &id)
                }
                Col::Weight => columns::weight_cell(wishes, raw, false),
                _ => raw.to_string(),
            }
        };
        if let Some(p) = at.get_mut(c.index()) {
            *p = Some(cells.len());
        }
        if c == Col::Weight {
            weight_at = Some(cells.len());
        }
        if c == Col::Id {
            id_at = Some(cells.len());
        }
        cells.push(text);
    }
    if row.shift == Shift::None && !row.leading_tab {
        columns::drop_gaps(wishes, row, &mut cells, &at);
    }
    match row.shift {
        Shift::None => {}
        Shift::LoseBeforeId => {
            let lost = id_at.and_then(|id| (0..id).find(|&k| cells.get(k).is_some_and(String::is_empty)));
            if let Some(k) = lost {
                cells.remove(k);
            }
        }
        Shift::GainAfterWeight => {
            if let Some(w) = weight_at {
                cells.insert(w + 1, String::new());
            }
        }
    }
    if row.leading_tab {
        cells.insert(0, String::new());
    }
    cells.extend(std::iter::repeat_n(String::new(), row.trailing));
    cells.join("\t")
}
