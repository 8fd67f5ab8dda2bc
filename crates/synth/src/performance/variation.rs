//! The variations a generated notice can carry, each with the probability that a document
//! wants it and the note its gold file gives when it is applied.
//!
//! All wishes are rolled once, at the start, from the document's dice ([`Wishes::roll`]), so
//! a seed names the same set on every run. The variations from [`FIRST_OF_SECOND_STREAM`] on
//! were added later: they are rolled, and make all their own choices, from a second stream of
//! the seed ([`Wishes::more`]), so a document that carries none of them is byte for byte the
//! document its seed gave before they existed. A wish is only a wish: a variation that needs an
//! opportunity (a page break inside an indicator, an indicator whose rows share their people…)
//! is applied only where the document offers one, and only an applied variation is noted in
//! the gold (`gold_notes`), which the tests read to check that every variation occurs.

use std::collections::BTreeSet;

use crate::dice::Dice;

macro_rules! variations {
    ($($name:ident = $key:literal, $p:literal, $note:literal;)*) => {
        /// One way a notice differs from the clean rendering.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum Variation { $($name),* }

        impl Variation {
            pub const ALL: &'static [Variation] = &[$(Variation::$name),*];

            /// The short name that opens its note: `persons_spill`.
            pub fn key(self) -> &'static str {
                match self { $(Variation::$name => $key),* }
            }

            /// The probability that a document wants it.
            pub fn probability(self) -> f64 {
                match self { $(Variation::$name => $p),* }
            }

            /// What it does, for the gold notes.
            pub fn note(self) -> &'static str {
                match self { $(Variation::$name => $note),* }
            }
        }
    };
}

variations! {
    // The notice.
    NoLetterhead = "no_letterhead", 0.2, "no letterhead: the issuer is the signature block's.";
    LetterheadSpaced = "letterhead_spaced", 0.25, "the letterhead is printed spaced out (`X X 市 X X 局 文 件`).";
    DocNumberBrackets = "doc_number_brackets", 0.35, "the 发文字号 prints its year in （） or [] brackets; the gold has 〔〕.";
    DocNumberSpaced = "doc_number_spaced", 0.15, "the 发文字号 carries OCR spaces.";
    TitleWrapped = "title_wrapped", 0.3, "the title is wrapped over two lines; the gold joins them.";
    TitleWrapSpace = "title_wrap_space", 0.2, "the title carries a wrap space.";
    TitleWithoutYear = "title_without_year", 0.12, "the title names no year; the year is the table title's 年度.";
    YearDiffers = "year_differs", 0.2, "the notice is dated the year before the targets' year (its number too); year is the targets' year.";
    DateChineseNumerals = "date_chinese_numerals", 0.2, "the signature date is in Chinese numerals (二〇二二年三月十五日).";
    DateSpaced = "date_spaced", 0.15, "the signature date is printed with spaces (2022 年 3 月 15 日).";
    PrintedFooter = "printed_footer", 0.4, "a 印发 line after the table carries a later date; notice.date is the signature's.";
    TableDate = "table_date", 0.2, "a date line under 参评单位 (the same or a later day); notice.date is the signature's.";
    CountsPerGroup = "counts_per_group", 0.6, "declared counts per group (重点/常规/动态工作目标), each with its scope.";
    CountsOneSentence = "counts_one_sentence", 0.2, "the groups' counts in one sentence, one clause per group.";
    CountsOwnSentence = "counts_own_sentence", 0.3, "a group's counts in a sentence of their own after its paragraph, naming the group (上述重点工作目标共有一级指标…).";
    CountsBeforeNoun = "counts_before_noun", 0.2, "counts printed before the noun (设置11项一级指标).";
    CountsChineseNumerals = "counts_chinese_numerals", 0.1, "counts in Chinese numerals (一级指标十一项).";
    AdminCount = "admin_count", 0.6, "行政能力目标 declares a count without a level: scope 行政能力目标, level null.";
    SummaryCount = "summary_count", 0.45, "a summary count that names no target: scope 全部 (the 职能工作目标 indicators, the only ones with levels).";
    SummaryAfterAdmin = "summary_after_admin", 0.5, "the summary count stands after the 行政能力目标 paragraph; its scope is still 全部.";
    CountDistractors = "count_distractors", 0.6, "rules and bounds (一级指标原则上不少于10项, 每个一级指标下设二级指标至少2项) that are not counts.";
    // The table's structure.
    AdminSeparateTable = "admin_separate_table", 0.25, "行政能力目标 is a second table with its own title and one-row header.";
    AdminOwnHeader = "admin_own_header", 0.2, "行政能力目标 rows follow in the same table under a one-row header of their own.";
    AdminContentMerged = "admin_content_merged", 0.3, "行政能力目标 rows in the main layout print 目标内容 in one cell merged over 文件依据–二级指标 (two cells fewer).";
    AdminPerGroupKeys = "admin_per_group_keys", 0.4, "行政能力目标 groups each have their own id key (4-1…, 5-1…).";
    ExtraCategories = "extra_categories", 0.2, "one-row categories 文明创建 / 平安建设 after 行政能力目标 (category, no group).";
    ExtraFunctionGroup = "extra_function_group", 0.2, "a 职能工作目标 group the schema does not name (创新工作目标…); no declared count for it.";
    GroupSubtotals = "group_subtotals", 0.2, "小计 rows after 职能工作目标 groups; they are declared totals, in table order.";
    GrandTotal = "grand_total", 0.6, "a 绩效目标考评得分 grand total row; not a declared total.";
    // Headers and columns.
    HeaderOneRow = "header_one_row", 0.4, "one-row page headers.";
    HeaderWording = "header_wording", 0.5, "header wordings 责任部门/责任科室, 完成时间, 分值.";
    HeaderSpaced = "header_spaced", 0.3, "page headers printed spaced out (序 号, 权 重).";
    ColumnsSwapped = "columns_swapped", 0.3, "权重 and 完成时限 swapped on some pages, in the header and the rows.";
    ExtraEmptyColumn = "extra_empty_column", 0.2, "an extra empty column on a page, in the header and the rows.";
    // 项目 labels.
    LabelFirst = "label_first", 0.0, "项目 labels printed on the first row of the rows they span.";
    LabelMiddle = "label_middle", 0.0, "项目 labels printed on the middle row of the rows they span.";
    LabelLast = "label_last", 0.0, "项目 labels printed on the last row of the rows they span.";
    LabelFragments = "label_fragments", 0.25, "项目 labels printed in fragments on consecutive rows of their span.";
    LabelSpaced = "label_spaced", 0.3, "项目 labels printed spaced out (职 能 工 作 目 标).";
    LabelPageSuffix = "label_page_suffix", 0.3, "项目 labels on later pages carry a suffix (（续）, （二）); the gold has none.";
    LabelParagraph = "label_paragraph", 0.2, "a 项目 label printed as a line between page blocks, before the rows it heads.";
    CategoryPoints = "category_points", 0.6, "category labels carry their points (职能工作目标80分); the gold has none.";
    GroupPoints = "group_points", 0.35, "group labels carry their points (科学行政（4分）); the gold has none.";
    // Merged cells.
    MergedTextLater = "merged_text_later", 0.6, "文件依据 / 一级指标 printed on the middle or last row of their indicator.";
    BasisSplitRows = "basis_split_rows", 0.2, "an indicator's 文件依据 documents printed one per row over its rows.";
    BasisSharedSpan = "basis_shared_span", 0.2, "adjacent indicators of a group citing the same documents share one merged 文件依据 cell, printed once.";
    PrimarySplitPage = "primary_split_page", 0.35, "a 一级指标 split over a page break: head on the last row of a page, tail (with the points) on the first row of the next.";
    RespMerged = "resp_merged", 0.6, "分管领导/责任单位/责任人/完成时限 merged over an indicator's or group's rows, printed once.";
    PersonsSpill = "persons_spill", 0.3, "a merged 责任人 cell lists more names than it has rows: one name per line, running onto id-less rows. Every row of the cell gets all names.";
    SecondaryLate = "secondary_late", 0.25, "the 二级指标 texts of an indicator sit one row below their ids, the last on an id-less row; its rows share weight, deadline and people.";
    WrapContinuation = "wrap_continuation", 0.4, "long cells wrapped onto an id-less row below, in the same column.";
    BreakBeforeContinuation = "break_before_continuation", 0.25, "a page break falls before a wrapped cell's continuation row.";
    // OCR damage.
    WrapSpaces = "wrap_spaces", 0.6, "wrap spaces inside Chinese text (保 税区).";
    PaddedNames = "padded_names", 0.6, "two-character names padded with a space (林 鹏, 薛　诚): one name each.";
    UnitAliasSpaced = "unit_alias_spaced", 0.3, "a unit's bracketed alias printed after a space (综合科 （法规科）): one unit.";
    MixedSeparators = "mixed_separators", 0.5, "names and units separated by spaces, 、 or ，.";
    CellsShifted = "cells_shifted", 0.3, "rows that lost an empty cell before the id or gained one (cells shifted one column).";
    PunctWidth = "punct_width", 0.4, "half-width punctuation in some cells (( ) , ;); the gold is full-width.";
    StrayLeadingTab = "stray_leading_tab", 0.15, "rows with a stray leading TAB.";
    TrailingCells = "trailing_cells", 0.3, "rows with trailing empty cells.";
    DeadlineOcr = "deadline_ocr", 0.25, "deadlines with OCR spaces or full-width digits (12 月, １２月).";
    IdSpaced = "id_spaced", 0.1, "ids with OCR spaces (1 - 3 - 2).";
    // Around the table.
    Footnote = "footnote", 0.5, "a 说明 footnote under the table.";
    PageNumbers = "page_numbers", 0.4, "page-number lines between page blocks.";
    CcBetweenPages = "cc_between_pages", 0.15, "a 抄送 line between page blocks.";
    SignOffRow = "sign_off_row", 0.2, "a 单位主要领导：… sign-off row after the table (not a record).";
    // Added later, rolled from the second stream. Column sets.
    NoBasisColumn = "no_basis_column", 0.12, "no 文件依据 column at all: every record's basis is [].";
    NoLeadersColumn = "no_leaders_column", 0.12, "no 分管领导 column at all: every record's leaders is [].";
    NoRemarksColumn = "no_remarks_column", 0.2, "no 备注 column at all: every record's remarks is null.";
    ScoringColumn = "scoring_column", 0.15, "an extra 考核标准/评分标准/计分方法 column; its text is not a field of any record.";
    PointsColumn = "points_column", 0.12, "the 一级指标 points in a column of their own (分值) beside it, not in （4分）; primary_points is that cell.";
    WeightWithUnit = "weight_with_unit", 0.15, "weights (and total rows) printed with their unit (2分, 1.5 分); weight is the number.";
    RespColumnsReordered = "resp_columns_reordered", 0.15, "完成时限/分管领导/责任单位/责任人 in another order in the main table, header and rows alike.";
    HeaderMisaligned = "header_misaligned", 0.2, "a header row carries an extra empty cell before a late label (权重…备注): its labels from there sit one column right of their data.";
    // Table shapes.
    CategoryBanner = "category_banner", 0.12, "no 项目 category column: each category is a row of its own (一、职能工作目标（80分）) above its rows; category is its name.";
    GroupBanner = "group_banner", 0.08, "no 项目 columns at all: categories and groups are rows of their own ((一)重点工作目标（50分）) above their rows.";
    TitleRepeated = "title_repeated", 0.15, "the table title repeated with （续表） above later page headers; the same table.";
    FunctionTwoPartIds = "function_two_part_ids", 0.2, "职能 indicators with a single target printed with a two-part id (1-14); the record has that id, its primary, and primary_points only where the points are printed.";
    AdminThreePartIds = "admin_three_part_ids", 0.12, "行政能力目标 ids in three parts (4-1-1: key, group, row).";
    AdminIdsRestart = "admin_ids_restart", 0.5, "the separate 行政能力目标 table numbers its rows afresh (1-1…, extras after); no 职能 id has two parts, so ids stay unique.";
    // Cells.
    AnchorTexts = "anchor_texts", 0.25, "二级指标 texts holding month words and numbers (年底前完成…, 12月底前建成3个, 1.5万人次, 1-6月).";
    DeadlineForms = "deadline_forms", 0.25, "deadlines 2023年11月30日前, 6月30日前, 11月中旬 (deadline_month the month named) and 全年, 每季度, 长期, 常态化 (deadline_month null).";
    ManyNames = "many_names", 0.2, "分管领导 / 责任人 cells listing 4 to 6 names.";
    UnitBrackets = "unit_brackets", 0.2, "units with a list or a bracket inside their brackets (各县（市、区）, X科（Y科（窗口））): one unit each.";
    RemarksLookalike = "remarks_lookalike", 0.15, "remarks that read like names or units (新增, 续建, 办公室牵头): remarks as printed.";
    // OCR damage.
    GapsDropped = "gaps_dropped", 0.15, "rows that lost the empty cells a merged 文件依据/一级指标 or 完成时限 leaves: the values after them sit one to three columns left, in order.";
    FullwidthDigits = "fullwidth_digits", 0.15, "ids and weights in full-width digits (１－２－１, ２．５).";
    IdDashOcr = "id_dash_ocr", 0.12, "ids whose dashes OCR read as —, －, – or 一 (1—3—2, 1一3一2); the id is 1-3-2.";
    // Prose.
    CountsPhrasing = "counts_phrasing", 0.2, "counts in other phrasings (一级指标共计10个, 设一级指标10项，下设二级指标27项).";
    CountsList = "counts_list", 0.3, "per-group counts as a list after the groups, one line per group (重点工作目标：一级指标10项；二级指标27项) or TAB rows under a 类别/一级指标/二级指标 header.";
    SecondAttachment = "second_attachment", 0.15, "a second attachment after the table: a 联络员 list in TAB rows and 填报说明 items; neither gives records or counts.";
    JointIssuers = "joint_issuers", 0.1, "the notice issued jointly with a second body (both in the letterhead, title and signature); issuer is the lead body, the first named, whose 发文字号 it carries.";
}

/// The first variation rolled from the second stream.
pub const FIRST_OF_SECOND_STREAM: Variation = Variation::NoBasisColumn;

/// What one document wants, and what it got.
#[derive(Debug, Clone)]
pub struct Wishes {
    wanted: BTreeSet<Variation>,
    applied: BTreeSet<Variation>,
    /// The second stream of the seed: every choice of a later variation is drawn from it.
    more: Dice,
}

impl Wishes {
    /// Rolls every variation once: the first ones from `dice`, the later ones from the second
    /// stream of `seed`.
    pub fn roll(dice: &mut Dice, seed: u64) -> Wishes {
        let mut more = Dice::stream(seed, 1);
        let wanted = Variation::ALL
            .iter()
            .copied()
            .filter(|v| if *v < FIRST_OF_SECOND_STREAM { dice.chance(v.probability()) } else { more.chance(v.probability()) })
            .collect();
        Wishes { wanted, applied: BTreeSet::new(), more }
    }

    /// Wants none of the later variations.
    pub fn drop_later(&mut self) {
        self.wanted.retain(|v| *v < FIRST_OF_SECOND_STREAM);
    }

    /// Wants `v` whatever the dice said (a profile that measures one variation alone).
    pub fn force(&mut self, v: Variation) {
        self.wanted.insert(v);
    }

    /// The dice of the later variations.
    pub fn more(&mut self) -> &mut Dice {
        &mut self.more
    }

    /// Whether `v` is wanted and, drawn from the second stream, chance `p` says yes: a later
    /// variation's decision to act at one opportunity.
    pub fn try_more(&mut self, v: Variation, p: f64) -> bool {
        self.wants(v) && self.more.chance(p)
    }

    pub fn wants(&self, v: Variation) -> bool {
        self.wanted.contains(&v)
    }

    /// Records that `v` was applied.
    pub fn applied(&mut self, v: Variation) {
        self.applied.insert(v);
    }

    pub fn was_applied(&self, v: Variation) -> bool {
        self.applied.contains(&v)
    }

    /// `key: note` of every applied variation, in the order of [`Variation::ALL`].
    pub fn notes(&self) -> Vec<String> {
        self.applied.iter().map(|v| format!("{}: {}", v.key(), v.note())).collect()
    }
}
