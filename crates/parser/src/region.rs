//! Table recognition: where each table starts and ends in the block sequence, its page
//! blocks (a header and the rows under it), and its title and unit from the prose above.
//!
//! A table starts at a header row. Each later run of header rows starts a new page block of
//! the same table (headers repeat on every page, often with the columns in another order),
//! unless a title paragraph (`…考评表`) stands between, which starts a new table. Prose inside
//! the table's span (page footers such as `抄送：…`) is kept aside so the rebuild can say what
//! it skipped.

use crate::grid::{Block, GridRow, Paragraph, SourceGrid};
use crate::header::{is_header_row, ColumnMap};
use once_cell::sync::Lazy;
use regex::Regex;
use zhibiao_normalize::text::{fold_text, squash};

/// Which template a table follows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Family {
    /// 绩效目标考评表.
    PerformanceTargets,
    /// 部门预算整体绩效目标表 (read by a later reader; recognised so it is not misread).
    BudgetTargets,
}

/// One page's header and the rows under it.
#[derive(Debug, Clone, Default)]
pub struct PageBlock {
    pub map: ColumnMap,
    pub rows: Vec<GridRow>,
}

#[derive(Debug, Clone)]
pub struct TableRegion {
    pub family: Family,
    pub title: Option<String>,
    pub unit: Option<String>,
    /// Line of the first header row.
    pub line: u32,
    pub blocks: Vec<PageBlock>,
    /// Prose paragraphs between the table's rows.
    pub prose: Vec<Paragraph>,
}

static UNIT_RE: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"^(?:参评单位|填报单位|考评单位|单位名称|单位)(?:[(（]盖章[)）])?[:：]\s*(.+)$").expect("valid regex"));

/// Labels of the budget-target family's header.
const BUDGET_LABELS: &[&str] = &["职责序号", "部门职责", "职责目标", "绩效指标", "年度指标值", "指标解释"];

fn is_budget_header(row: &GridRow) -> bool {
    row.cells.iter().filter(|c| BUDGET_LABELS.contains(&squash(&c.text).as_str())).count() >= 3
}

/// A paragraph that names a table (`泉州市科技局绩效目标考评表`), not a cross-reference to one
/// (`附件：2019年度…考评表`).
fn is_table_title(text: &str) -> bool {
    let s = squash(text);
    let names_table = ["考评表", "目标表", "指标表", "分解表", "一览表", "评分表"].iter().any(|t| s.ends_with(t));
    names_table && !s.starts_with("附件") && s.chars().count() <= 60
}

/// Finds every table in reading order.
pub fn find_tables(grid: &SourceGrid) -> Vec<TableRegion> {
    let mut tables: Vec<TableRegion> = Vec::new();
    // Paragraphs since the last table row, to find titles and units.
    let mut prose_since_row: Vec<&Paragraph> = Vec::new();
    let mut in_header = false;
    for block in &grid.blocks {
        match block {
            Block::Paragraph(p) => prose_since_row.push(p),
            Block::Break(_) => in_header = false,
            Block::Row(row) => {
                let budget = is_budget_header(row);
                if is_header_row(row) || budget {
                    if !in_header {
                        let title = prose_since_row.iter().rev().find(|p| is_table_title(&p.text));
                        let family_changes = tables.last().map(|t| (t.family == Family::BudgetTargets) != budget).unwrap_or(true);
                        let starts_table = family_changes || title.is_some();
                        if starts_table {
                            let unit = prose_since_row
                                .iter()
                                .rev()
                                .find_map(|p| UNIT_RE.captures(p.text.trim()).and_then(|c| c.get(1)))
                                .map(|m| fold_text(m.as_str()));
                            tables.push(TableRegion {
                                family: if budget { Family::BudgetTargets } else { Family::PerformanceTargets },
                                title: title.map(|p| fold_text(&p.text)),
                                unit,
                                line: row.pos.line,
                                blocks: Vec::new(),
                                prose: Vec::new(),
                            });
                        } else if let Some(t) = tables.last_mut() {
                            t.prose.extend(prose_since_row.iter().map(|p| (*p).clone()));
                        }
                        if let Some(t) = tables.last_mut() {
                            t.blocks.push(PageBlock::default());
                        }
                    }
                    in_header = true;
                    // Header rows stay at the head of the block's rows until the map is built.
                    if let Some(block) = tables.last_mut().and_then(|t| t.blocks.last_mut()) {
                        block.rows.push(row.clone());
                    }
                    prose_since_row.clear();
                } else {
                    in_header = false;
                    if let Some(t) = tables.last_mut() {
                        t.prose.extend(prose_since_row.iter().map(|p| (*p).clone()));
                        if let Some(b) = t.blocks.last_mut() {
                            b.rows.push(row.clone());
                        }
                    }
                    prose_since_row.clear();
                }
            }
        }
    }
    // Build each block's map from its header rows (kept at the head of `rows`).
    for t in &mut tables {
        for b in &mut t.blocks {
            let header_count = b.rows.iter().take_while(|r| is_header_row(r) || is_budget_header(r)).count();
            let headers: Vec<&GridRow> = b.rows.iter().take(header_count).collect();
            b.map = ColumnMap::from_headers(&headers);
            b.rows.drain(..header_count);
        }
    }
    tables
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
    fn no_header_no_table() {
        assert!(find_tables(&read_text("安科〔2021〕12号\n关于印发方案的通知\n")).is_empty());
    }
}
