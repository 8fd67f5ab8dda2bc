//! What the rebuild saw and did, for `zhibiao debug FILE`: per page block the header lines
//! and column map, per row its type and where each cell went. Collected as plain lines so a
//! wrong record can be understood in a minute.

use crate::rebuild::row::{Placed, RowKind};

/// Lines of the debug view, in processing order.
#[derive(Debug, Default, Clone)]
pub struct Trace {
    pub lines: Vec<String>,
    /// Nothing is recorded: `zhibiao extract` has no use for the view and should not pay
    /// for describing every row.
    pub off: bool,
}

impl Trace {
    /// A trace that records nothing.
    pub fn off() -> Trace {
        Trace { lines: Vec::new(), off: true }
    }

    pub fn note(&mut self, line: String) {
        if !self.off {
            self.lines.push(line);
        }
    }

    pub fn row(&mut self, line: u32, kind: &RowKind) {
        if self.off {
            return;
        }
        let detail = match kind {
            RowKind::Record(p) | RowKind::Orphan(p) => describe(p),
            RowKind::NameSpill(c) => format!("names@{} '{}'", c.col, c.text),
            RowKind::Continuation(cells) | RowKind::Label(cells) => {
                cells.iter().map(|c| format!("@{} '{}'", c.col, clip(&c.text))).collect::<Vec<_>>().join(" ")
            }
            RowKind::Total { label, value, .. } => format!("'{label}' = {value:?}"),
            RowKind::Note(t) | RowKind::Footer(t) => format!("'{}'", clip(t)),
            RowKind::Header => String::new(),
        };
        self.lines.push(format!("  line {line:>4} {:<12} {detail}", kind.name()));
    }
}

fn clip(s: &str) -> String {
    let s = s.replace('\n', "⏎").replace('\u{2028}', "↩");
    if s.chars().count() > 18 {
        format!("{}…", s.chars().take(16).collect::<String>())
    } else {
        s
    }
}

fn describe(p: &Placed) -> String {
    let mut parts: Vec<String> = Vec::new();
    for l in &p.labels {
        parts.push(format!("项目@{}='{}'", l.col, clip(&l.text)));
    }
    if let (Some(id), Some(col)) = (&p.id, p.id_col) {
        parts.push(format!("序号@{col}={id}"));
    }
    // In column order, as the row is printed.
    let mut fields: Vec<_> = p.fields.iter().collect();
    fields.sort_by_key(|(_, c)| c.col);
    for (f, c) in fields {
        parts.push(format!("{}@{}='{}'", f.name(), c.col, clip(&c.text)));
    }
    for c in &p.unplaced {
        parts.push(format!("UNPLACED@{}='{}'", c.col, clip(&c.text)));
    }
    parts.join(" ")
}
