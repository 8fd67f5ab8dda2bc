//! The variations a generated budget document may carry, and the notes that record them.
//!
//! Every variation the generator applies is written into the gold's `gold_notes` as
//! `tag: what was done (and to which records)`, so a failing document says what it is made of,
//! the tests can check that each variation occurs, and a benchmark's failures can be grouped by
//! cause. Notes that state a gold convention rather than a variation start with `gold:`.

/// One kind of variation. [`Variation::ALL`] lists them; [`Variation::tag`] is the note prefix.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Variation {
    // The notice around the table.
    NoticeLetterhead,
    NoticeLetterheadSpaced,
    NoticeSignatureOnly,
    NoticeDocNumber,
    NoticeDocNumberBrackets,
    NoticeTitleWrapped,
    NoticeSignedYearBefore,
    NoticeTableDateIgnored,
    BareTable,
    BareTableDate,
    TableTitleSpace,
    // The header.
    PlanPeriod14th,
    HeaderLabels,
    HeaderRows1,
    HeaderRows2,
    HeaderRows3,
    HeaderSpacedLabel,
    HeaderWrappedLabel,
    ColumnSeq,
    // The column set.
    ColumnsNoPlan,
    ColumnsNoActivity,
    ColumnsNoRemarks,
    ColumnExtraUnit,
    ColumnExtraType,
    // The merged duty cells.
    DutyCellsFirst,
    DutyCellsMiddle,
    DutyCellsLast,
    DutyContinuedRepeated,
    DutyContinuedEmpty,
    // Cells OCR lost or gained.
    CellsCollapsedPartial,
    CellsCollapsedFull,
    CellsGainedEmpty,
    PageHeaderShifted,
    RowsTrailingTrimmed,
    // Wrapped and spaced text.
    WrapDutyGoal,
    WrapExplanation,
    WrapIndicator,
    WrapStrategy,
    WrapSpaces,
    NumberSpaces,
    HalfwidthPunctuation,
    // The budget header.
    PreambleSeparateRows,
    PreambleTwoPerRow,
    PreambleFormGrid,
    PreambleAmountInItemCell,
    SourceAmountBlank,
    SourceFirstNotFiscal,
    SourcesThree,
    // Rows around the table.
    TotalsRow,
    Footnote,
    PageFooterNumber,
}

impl Variation {
    pub const ALL: &'static [Variation] = &[
        Variation::NoticeLetterhead,
        Variation::NoticeLetterheadSpaced,
        Variation::NoticeSignatureOnly,
        Variation::NoticeDocNumber,
        Variation::NoticeDocNumberBrackets,
        Variation::NoticeTitleWrapped,
        Variation::NoticeSignedYearBefore,
        Variation::NoticeTableDateIgnored,
        Variation::BareTable,
        Variation::BareTableDate,
        Variation::TableTitleSpace,
        Variation::PlanPeriod14th,
        Variation::HeaderLabels,
        Variation::HeaderRows1,
        Variation::HeaderRows2,
        Variation::HeaderRows3,
        Variation::HeaderSpacedLabel,
        Variation::HeaderWrappedLabel,
        Variation::ColumnSeq,
        Variation::ColumnsNoPlan,
        Variation::ColumnsNoActivity,
        Variation::ColumnsNoRemarks,
        Variation::ColumnExtraUnit,
        Variation::ColumnExtraType,
        Variation::DutyCellsFirst,
        Variation::DutyCellsMiddle,
        Variation::DutyCellsLast,
        Variation::DutyContinuedRepeated,
        Variation::DutyContinuedEmpty,
        Variation::CellsCollapsedPartial,
        Variation::CellsCollapsedFull,
        Variation::CellsGainedEmpty,
        Variation::PageHeaderShifted,
        Variation::RowsTrailingTrimmed,
        Variation::WrapDutyGoal,
        Variation::WrapExplanation,
        Variation::WrapIndicator,
        Variation::WrapStrategy,
        Variation::WrapSpaces,
        Variation::NumberSpaces,
        Variation::HalfwidthPunctuation,
        Variation::PreambleSeparateRows,
        Variation::PreambleTwoPerRow,
        Variation::PreambleFormGrid,
        Variation::PreambleAmountInItemCell,
        Variation::SourceAmountBlank,
        Variation::SourceFirstNotFiscal,
        Variation::SourcesThree,
        Variation::TotalsRow,
        Variation::Footnote,
        Variation::PageFooterNumber,
    ];

    /// The prefix of the variation's note.
    pub fn tag(self) -> &'static str {
        match self {
            Variation::NoticeLetterhead => "notice-letterhead",
            Variation::NoticeLetterheadSpaced => "notice-letterhead-spaced",
            Variation::NoticeSignatureOnly => "notice-signature-only",
            Variation::NoticeDocNumber => "notice-doc-number",
            Variation::NoticeDocNumberBrackets => "notice-doc-number-brackets",
            Variation::NoticeTitleWrapped => "notice-title-wrapped",
            Variation::NoticeSignedYearBefore => "notice-signed-year-before",
            Variation::NoticeTableDateIgnored => "notice-table-date-ignored",
            Variation::BareTable => "bare-table",
            Variation::BareTableDate => "bare-table-date",
            Variation::TableTitleSpace => "table-title-space",
            Variation::PlanPeriod14th => "plan-period-14th",
            Variation::HeaderLabels => "header-labels",
            Variation::HeaderRows1 => "header-rows-1",
            Variation::HeaderRows2 => "header-rows-2",
            Variation::HeaderRows3 => "header-rows-3",
            Variation::HeaderSpacedLabel => "header-spaced-label",
            Variation::HeaderWrappedLabel => "header-wrapped-label",
            Variation::ColumnSeq => "column-seq",
            Variation::ColumnsNoPlan => "columns-no-plan",
            Variation::ColumnsNoActivity => "columns-no-activity",
            Variation::ColumnsNoRemarks => "columns-no-remarks",
            Variation::ColumnExtraUnit => "column-extra-unit",
            Variation::ColumnExtraType => "column-extra-type",
            Variation::DutyCellsFirst => "duty-cells-first",
            Variation::DutyCellsMiddle => "duty-cells-middle",
            Variation::DutyCellsLast => "duty-cells-last",
            Variation::DutyContinuedRepeated => "duty-continued-repeated",
            Variation::DutyContinuedEmpty => "duty-continued-empty",
            Variation::CellsCollapsedPartial => "cells-collapsed-partial",
            Variation::CellsCollapsedFull => "cells-collapsed-full",
            Variation::CellsGainedEmpty => "cells-gained-empty",
            Variation::PageHeaderShifted => "page-header-shifted",
            Variation::RowsTrailingTrimmed => "rows-trailing-trimmed",
            Variation::WrapDutyGoal => "wrap-duty-goal",
            Variation::WrapExplanation => "wrap-explanation",
            Variation::WrapIndicator => "wrap-indicator",
            Variation::WrapStrategy => "wrap-strategy",
            Variation::WrapSpaces => "wrap-spaces",
            Variation::NumberSpaces => "number-spaces",
            Variation::HalfwidthPunctuation => "halfwidth-punctuation",
            Variation::PreambleSeparateRows => "preamble-separate-rows",
            Variation::PreambleTwoPerRow => "preamble-two-per-row",
            Variation::PreambleFormGrid => "preamble-form-grid",
            Variation::PreambleAmountInItemCell => "preamble-amount-in-item-cell",
            Variation::SourceAmountBlank => "source-amount-blank",
            Variation::SourceFirstNotFiscal => "source-first-not-fiscal",
            Variation::SourcesThree => "sources-three",
            Variation::TotalsRow => "totals-row",
            Variation::Footnote => "footnote",
            Variation::PageFooterNumber => "page-footer-number",
        }
    }
}

/// The notes of one document: gold conventions first, then the variations in the order the
/// generator applied them.
#[derive(Debug, Clone, Default)]
pub struct Notes {
    conventions: Vec<String>,
    variations: Vec<(Variation, String)>,
}

impl Notes {
    /// Records that `v` was applied; `detail` says how and, for row-level variations, to
    /// which records (`3-2`), so a failure on those records can be traced to it.
    pub fn add(&mut self, v: Variation, detail: impl Into<String>) {
        self.variations.push((v, detail.into()));
    }

    /// A gold convention of this document (`gold: …`).
    pub fn convention(&mut self, text: impl Into<String>) {
        self.conventions.push(format!("gold: {}", text.into()));
    }

    pub fn has(&self, v: Variation) -> bool {
        self.variations.iter().any(|(x, _)| *x == v)
    }

    /// The notes as written into the gold.
    pub fn lines(&self) -> Vec<String> {
        let mut out = self.conventions.clone();
        out.extend(self.variations.iter().map(|(v, d)| format!("{}: {d}", v.tag())));
        out
    }
}
