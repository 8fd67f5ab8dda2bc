//! What a batch says on stderr: a progress bar on a terminal (files, records, rate, ETA),
//! nothing but the errors otherwise; `--quiet` not even those, `--verbose` a line per file.

use std::io::IsTerminal;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use zhibiao::batch::{Observer, Outcome, Status, Summary};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verbosity {
    Quiet,
    Normal,
    Verbose,
}

pub struct Progress {
    verbosity: Verbosity,
    bar: Option<ProgressBar>,
    records: usize,
    failed: usize,
}

impl Progress {
    pub fn new(verbosity: Verbosity) -> Self {
        let on_terminal = std::io::stderr().is_terminal();
        let bar = (verbosity != Verbosity::Quiet && on_terminal).then(|| {
            let bar = ProgressBar::with_draw_target(Some(0), ProgressDrawTarget::stderr());
            let style = ProgressStyle::with_template("{elapsed_precise} {wide_bar} {pos}/{len} files · {msg} · {rate} · ETA {eta}")
                .unwrap_or_else(|_| ProgressStyle::default_bar())
                .with_key("rate", |state: &indicatif::ProgressState, w: &mut dyn std::fmt::Write| {
                    let _ = write!(w, "{:.0} files/s", state.per_sec());
                });
            bar.set_style(style);
            bar
        });
        Progress { verbosity, bar, records: 0, failed: 0 }
    }

    fn say(&self, line: &str) {
        match &self.bar {
            Some(bar) => bar.println(line),
            None => eprintln!("{line}"),
        }
    }

    /// The closing line: on a terminal, or with `--verbose`.
    pub fn finish(&self, summary: &Summary, out: &std::path::Path) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
        if self.bar.is_some() || self.verbosity == Verbosity::Verbose {
            let f = &summary.files;
            eprintln!(
                "zhibiao: {} files ({} ok, {} with warnings, {} reused, {} failed), {} records in {:.1} s; summary in {}",
                f.total,
                f.ok,
                f.with_warnings,
                f.reused,
                f.failed,
                summary.records,
                summary.seconds,
                out.join("summary.json").display()
            );
        }
    }
}

impl Observer for Progress {
    fn start(&mut self, total: usize) {
        if let Some(bar) = &self.bar {
            bar.set_length(total as u64);
        }
    }

    fn done(&mut self, o: &Outcome) {
        self.records += o.records;
        if let Some(error) = &o.error {
            self.failed += 1;
            if self.verbosity != Verbosity::Quiet {
                self.say(&format!("zhibiao: {error}"));
            }
        } else if self.verbosity == Verbosity::Verbose {
            let how = if o.status == Status::Reused { "reused" } else { "ok" };
            self.say(&format!("{how:>6} {} ({} records, {} issues)", o.path.display(), o.records, o.issues.iter().sum::<usize>()));
        }
        if let Some(bar) = &self.bar {
            bar.set_message(format!("{} records, {} failed", self.records, self.failed));
            bar.inc(1);
        }
    }
}
