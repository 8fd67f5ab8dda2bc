//! Table recognition: where each table starts and ends in the block sequence, its family,
//! its page blocks (a header and the rows under it), and its title and unit from the prose
//! above.
//!
//! A table starts at a header row ([`header_family`] says of which family). Each later run of
//! header rows of the same family starts a new page block of the same table (headers repeat
//! on every page, often with the columns in another order), unless a title paragraph
//! (`…考评表`) stands between, which starts a new table. Rows printed right before a new
//! table's header (with no prose or blank line between them and the table above) are its
//! preamble: a budget table's 部门名称 /
//! 资金来源 / 战略目标 rows. Prose inside the table's span (page footers such as `抄送：…`) is
//! kept aside so the rebuild can say what it skipped; rows that belong to no table are kept
//! too, so they can be reported instead of lost.

use crate::grid::{Block, GridRow, Paragraph, SourceGrid};
pub use crate::header::Family;
use crate::header::{continues_header, header_family, ColumnMap};
use once_cell::sync::Lazy;
use regex::Regex;
use zhibiao_normalize::text::{fold_text, squash};

/// One page's header and the rows under it.
#[derive(Debug, Clone, Default)]
pub struct PageBlock {
    pub map: ColumnMap,
    /// Header rows first (`header_rows` of them), then the data rows.
    pub rows: Vec<GridRow>,
}

#[derive(Debug, Clone)]
pub struct TableRegion {
    pub family: Family,
    pub title: Option<String>,
    pub unit: Option<String>,
    /// Line of the first header row.
    pub line: u32,
    /// Rows right before the first header, with no prose between.
    pub preamble: Vec<GridRow>,
    pub blocks: Vec<PageBlock>,
    /// Prose paragraphs between the table's rows.
    pub prose: Vec<Paragraph>,
    /// Whether the reader knows merged cells ([`SourceGrid::spans_known`]).
    pub spans_known: bool,
}

/// What [`find_tables`] found.
#[derive(Debug, Clone, Default)]
pub struct Regions {
    pub tables: Vec<TableRegion>,
    /// Rows before the first table that are not its preamble: no table takes them.
    pub stray_rows: Vec<GridRow>,
    /// Tables of another kind after an indicator table (a 联络员名单 under its own
    /// `序号 | 科室 | 联络员 | 职务 | 联系电话` header): their header row and how many rows
    /// follow it. Not read, and said so.
    pub other_tables: Vec<(GridRow, usize)>,
}

/// Words of the header of a table that is no indicator table (a list of contacts, of
/// members): a row of three or more short cells without digits, one of them one of these,
/// printed after prose, opens such a table.
const OTHER_HEADER_WORDS: &[&str] = &["序号", "姓名", "职务", "职称", "电话", "联系电话", "手机", "科室", "部门", "单位", "名称", "联络员", "联系人"];

fn is_other_header(row: &GridRow) -> bool {
    let cells: Vec<String> = row.filled().map(|i| squash(row.cell(i))).collect();
    cells.len() >= 3
        && cells.iter().all(|c| c.chars().count() <= 8 && !c.chars().any(|ch| ch.is_ascii_digit() || matches!(ch, '。' | '，' | '；' | '、')))
        && cells.iter().any(|c| OTHER_HEADER_WORDS.contains(&c.as_str()))
}

static UNIT_RE: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"^(?:参评单位|填报单位|考评单位|单位名称|单位)(?:[(（]盖章[)）])?[:：]\s*(.+)$").expect("valid regex"));

/// A paragraph that names a table (`泉州市科技局绩效目标考评表`), not a cross-reference to one
/// (`附件：2019年度…考评表`).
fn is_table_title(text: &str) -> bool {
    let s = squash(text);
    let names_table = ["考评表", "目标表", "指标表", "分解表", "一览表", "评分表"].iter().any(|t| s.ends_with(t));
    names_table && !s.starts_with("附件") && s.chars().count() <= 60
}

/// Finds every table in reading order.
pub fn find_tables(grid: &SourceGrid) -> Vec<TableRegion> {
    find_regions(grid).tables
}

/// Finds every table in reading order, and the rows no table takes.
pub fn find_regions(grid: &SourceGrid) -> Regions {
    let mut out = Regions::default();
    let tables = &mut out.tables;
    // Paragraphs since the last table row, to find titles and units.
    let mut prose_since_row: Vec<&Paragraph> = Vec::new();
    // Non-header rows not yet given to a table: they may turn out to be the preamble of the
    // next table's header.
    let mut pending: Vec<GridRow> = Vec::new();
    // The family of the header run the previous row belonged to, and that row.
    let mut in_header: Option<Family> = None;
    let mut last_header: Option<GridRow> = None;
    // Header rows per block, to build the maps at the end.
    let mut header_rows: Vec<Vec<usize>> = Vec::new();
    // A table of another kind being passed over: its header and its rows so far.
    let mut other: Option<(GridRow, usize)> = None;
    for block in &grid.blocks {
        match block {
            Block::Paragraph(p) => {
                flush(tables, &mut pending, &mut prose_since_row, &mut out.stray_rows);
                prose_since_row.push(p);
            }
            Block::Break(_) => {
                in_header = None;
                // Rows that follow the table above with no prose between, then a blank line,
                // are its last rows, not the preamble of a header below.
                if prose_since_row.is_empty() && !tables.is_empty() {
                    flush(tables, &mut pending, &mut prose_since_row, &mut out.stray_rows);
                }
            }
            Block::Row(row) => {
                // A row the file marks as a repeated header, right under a header row, is part
                // of that header even where its labels are not in the vocabulary.
                let marked = in_header.filter(|_| row.header_marked);
                // A row completing labels the header row above wrapped onto it.
                let wrapped = in_header.filter(|&f| last_header.as_ref().is_some_and(|above| continues_header(f, above, row)));
                let Some(family) = header_family(row, in_header).or(marked).or(wrapped) else {
                    in_header = None;
                    if let Some((_, rows)) = other.as_mut() {
                        *rows += 1;
                    } else if pending.is_empty() && !prose_since_row.is_empty() && !tables.is_empty() && is_other_header(row) {
                        other = Some((row.clone(), 0));
                    } else {
                        pending.push(row.clone());
                    }
                    continue;
                };
                if let Some(o) = other.take() {
                    out.other_tables.push(o);
                }
                last_header = Some(row.clone());
                if in_header.is_none() {
                    let title = prose_since_row.iter().rev().find(|p| is_table_title(&p.text));
                    let family_changes = tables.last().map(|t| t.family != family).unwrap_or(true);
                    if family_changes || title.is_some() {
                        let unit = prose_since_row
                            .iter()
                            .rev()
                            .find_map(|p| UNIT_RE.captures(p.text.trim()).and_then(|c| c.get(1)))
                            .map(|m| fold_text(m.as_str()));
                        tables.push(TableRegion {
                            family,
                            title: title.map(|p| fold_text(&p.text)),
                            unit,
                            line: row.pos.line,
                            preamble: std::mem::take(&mut pending),
                            blocks: Vec::new(),
                            prose: Vec::new(),
                            spans_known: grid.spans_known,
                        });
                    } else {
                        flush(tables, &mut pending, &mut prose_since_row, &mut out.stray_rows);
                        if let Some(t) = tables.last_mut() {
                            t.prose.extend(prose_since_row.iter().map(|p| (*p).clone()));
                        }
                    }
                    if let Some(t) = tables.last_mut() {
                        t.blocks.push(PageBlock::default());
                        header_rows.push(Vec::new());
                    }
                }
                in_header = Some(family);
                if let Some(block) = tables.last_mut().and_then(|t| t.blocks.last_mut()) {
                    if let Some(h) = header_rows.last_mut() {
                        h.push(block.rows.len());
                    }
                    block.rows.push(row.clone());
                }
                prose_since_row.clear();
            }
        }
    }
    flush(tables, &mut pending, &mut prose_since_row, &mut out.stray_rows);
    if let Some(o) = other.take() {
        out.other_tables.push(o);
    }
    // Build each block's map from its header rows (at the head of `rows`) and drop them.
    let mut k = 0;
    for t in tables.iter_mut() {
        for b in &mut t.blocks {
            let count = header_rows.get(k).map(Vec::len).unwrap_or(0);
            k += 1;
            let headers: Vec<&GridRow> = b.rows.iter().take(count).collect();
            b.map = ColumnMap::from_headers(t.family, &headers);
            b.rows.drain(..count.min(b.rows.len()));
        }
    }
    out
}

/// Gives the pending rows to the current table's last page block, with the prose printed
/// before them (prose between a table's rows), or, before any table, to the stray rows.
fn flush(tables: &mut [TableRegion], pending: &mut Vec<GridRow>, prose: &mut Vec<&Paragraph>, stray: &mut Vec<GridRow>) {
    if pending.is_empty() {
        return;
    }
    match tables.last_mut() {
        Some(t) => {
            t.prose.extend(prose.drain(..).cloned());
            if let Some(b) = t.blocks.last_mut() {
                b.rows.append(pending);
            }
        }
        None => {
            prose.clear();
            stray.append(pending);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::read_text;

    #[test]
    fn repeated_headers_make_page_blocks_of_one_table() {
        let text = "附件\n\n泉州市某局绩效目标考评表\n\n参评单位（盖章）： 泉州市某局\n\n\
项目\t序号\t文件依据\t一级指标\t二级指标\t权重\t完成时限\n\
\t1-1-1\t文\t指标（2分）\t内容\t2\t12月\n\n\
项目\t序号\t文件依据\t一级指标\t二级指标\t完成时限\t权重\n\
\t1-2-1\t文\t指标（1分）\t内容\t1\t12月\n\n抄送：各单位。\n";
        let tables = find_tables(&read_text(text));
        assert_eq!(tables.len(), 1);
        let t = &tables[0];
        assert_eq!(t.title.as_deref(), Some("泉州市某局绩效目标考评表"));
        assert_eq!(t.unit.as_deref(), Some("泉州市某局"));
        assert_eq!(t.blocks.len(), 2);
        assert_eq!(t.blocks[0].rows.len(), 1);
        assert_eq!(t.blocks[1].map.column_of(crate::header::Field::Weight), Some(6));
    }

    #[test]
    fn a_row_the_file_marks_as_header_continues_the_header() {
        // The second header row holds labels outside the vocabulary; the file marks it as a
        // repeated header (DOCX w:tblHeader), so it is not a data row.
        let text = "某局绩效目标考评表\n\n项目\t序号\t文件依据\t一级指标\t二级指标\t权重\t完成时限\n\
\t甲栏\t乙栏\n\
\t1-1-1\t文\t指标（2分）\t内容\t2\t12月\n";
        let mut grid = read_text(text);
        for b in &mut grid.blocks {
            if let Block::Row(r) = b {
                r.header_marked = r.pos.line <= 4;
            }
        }
        let tables = find_tables(&grid);
        assert_eq!(tables[0].blocks[0].map.lines, vec![3, 4]);
        assert_eq!(tables[0].blocks[0].rows.len(), 1);
        // Unmarked, the same row is data.
        let tables = find_tables(&read_text(text));
        assert_eq!(tables[0].blocks[0].rows.len(), 2);
    }

    #[test]
    fn a_list_of_another_kind_after_the_table_is_passed_over_and_counted() {
        let text = "某局绩效目标考评表\n\n项目\t序号\t文件依据\t一级指标\t二级指标\t权重\t完成时限\n\
\t1-1-1\t文\t指标（2分）\t内容\t2\t12月\n\n\
2021年度绩效管理工作联络员名单\n\n\
序号\t科室\t联络员\t职务\t联系电话\n\
1\t办公室\t陈明\t干部\t0595-2221111\n\
2\t财务科\t林芳\t科员\t13800000000\n";
        let regions = find_regions(&read_text(text));
        assert_eq!(regions.tables.len(), 1);
        assert_eq!(regions.tables[0].blocks[0].rows.len(), 1);
        assert_eq!(regions.other_tables.len(), 1);
        assert_eq!(regions.other_tables[0].1, 2);
    }

    #[test]
    fn names_spilled_after_a_page_break_are_no_other_table() {
        let text = "某局绩效目标考评表\n\n项目\t序号\t文件依据\t一级指标\t二级指标\t权重\t完成时限\t分管领导\t责任单位\t责任人\n\
\t1-1-1\t文\t指标（2分）\t内容\t2\t12月\t陈建兴\t高新科\t梁秋生\n\n\
- 2 -\n\n\
\t\t\t\t\t\t\t林芳\t办公室\t陈明\n";
        let regions = find_regions(&read_text(text));
        assert!(regions.other_tables.is_empty());
        assert_eq!(regions.tables[0].blocks[0].rows.len(), 2);
    }

    #[test]
    fn no_header_no_table() {
        assert!(find_tables(&read_text("安科〔2021〕12号\n关于印发方案的通知\n")).is_empty());
    }

    #[test]
    fn rows_before_a_header_are_its_preamble() {
        let text = "2020年部门预算整体绩效目标表\n\n部门名称\t\t某局\t部门整体预算总额\t10万元\n战略目标\t\t发展。\n\
职责序号\t部门职责\t职责目标\t绩效指标\t指标解释\t年度指标值\n\
1\t职责\t目标\t指标\t解释\t5家\n";
        let regions = find_regions(&read_text(text));
        assert!(regions.stray_rows.is_empty());
        let t = &regions.tables[0];
        assert_eq!(t.family, Family::BudgetTargets);
        assert_eq!(t.title.as_deref(), Some("2020年部门预算整体绩效目标表"));
        assert_eq!(t.preamble.len(), 2);
        assert_eq!(t.blocks[0].rows.len(), 1);
    }

    #[test]
    fn rows_before_any_table_are_kept_as_stray() {
        let text = "说明\n\n甲\t乙\n\n某表\n\n项目\t序号\t文件依据\t一级指标\t二级指标\t权重\n\t1-1\t文\t指标（2分）\t内容\t2\n";
        let regions = find_regions(&read_text(text));
        assert_eq!(regions.stray_rows.len(), 1);
        assert_eq!(regions.tables.len(), 1);
        // …and reported, cell by cell, never dropped.
        let ex = crate::extract_grid(&read_text(text));
        let unplaced: Vec<&str> = ex.issues.iter().filter(|i| i.code == "unplaced_text").map(|i| i.message.as_str()).collect();
        assert_eq!(unplaced.len(), 2, "{unplaced:?}");
        assert!(unplaced.iter().any(|m| m.contains("'甲'")) && unplaced.iter().any(|m| m.contains("'乙'")));
    }
}
