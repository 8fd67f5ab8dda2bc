//! The `zhibiao` command line: `extract` turns files into the JSON contract (to stdout, or a
//! whole dataset under `-o OUT`), `schema` prints the JSON Schemas of what it writes, `debug`
//! shows what the algorithm saw. Exit codes: 0 all inputs extracted, 1 some input failed (the
//! others are still written), 2 usage error, 3 the output cannot be written, 4 every input
//! that failed is a scanned PDF with no text layer (it needs OCR first).

mod progress;

use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};
use rayon::prelude::*;
use zhibiao::batch::{self, BatchOptions, WalkOptions};
use zhibiao::schema::{schema, Output};
use zhibiao::Options;
use zhibiao_export::{write_csv, write_json, write_jsonl, OutputFormat, EXCEL_BOM};

use progress::{Progress, Verbosity};

#[derive(Parser)]
#[command(name = "zhibiao", version, about = "Rebuild performance-indicator tables of Chinese government notices into JSON")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Clone, Copy, ValueEnum)]
enum FormatArg {
    Json,
    Jsonl,
    Csv,
}

#[derive(Clone, Copy, ValueEnum)]
enum SchemaArg {
    /// A document (`extract FILE`, and each file under OUT/documents/).
    Document,
    /// A line of OUT/records.jsonl.
    RecordLine,
    /// A line of OUT/issues.jsonl.
    IssueLine,
    /// OUT/summary.json.
    Summary,
}

#[derive(Subcommand)]
enum Command {
    /// Extract documents: files, directories, globs, or `-` for a list of paths on stdin.
    ///
    /// Without -o, one input prints its JSON document; several stream as --format jsonl or csv.
    /// With -o OUT, the inputs become a dataset: OUT/documents/<input path>.json, records.jsonl,
    /// records.csv, issues.jsonl and summary.json. A rerun reuses the documents already written
    /// for the same input bytes by this version, so a killed batch finishes where it stopped.
    Extract {
        #[arg(required = true, value_name = "INPUT")]
        inputs: Vec<PathBuf>,
        /// Write the dataset into this directory.
        #[arg(short, long, value_name = "OUT")]
        output: Option<PathBuf>,
        /// What to print on stdout when there is no -o (default json).
        #[arg(long, value_enum, conflicts_with = "output")]
        format: Option<FormatArg>,
        /// Walk into subdirectories of the directories given.
        #[arg(short, long)]
        recursive: bool,
        /// The paths on stdin (`-`) are separated by NUL bytes, as `find -print0` writes them.
        #[arg(short = '0', long)]
        null: bool,
        /// Threads extracting at once (default: all cores).
        #[arg(short, long, value_name = "N")]
        jobs: Option<usize>,
        /// Extract every input again, even when its document under OUT is up to date.
        #[arg(long, requires = "output")]
        force: bool,
        /// Start the CSV with a byte-order mark, so Excel reads it as UTF-8.
        #[arg(long)]
        excel: bool,
        /// Say nothing on stderr, not even the errors of failed inputs (summary.json has them).
        #[arg(short, long, conflicts_with = "verbose")]
        quiet: bool,
        /// Say a line per input.
        #[arg(short, long)]
        verbose: bool,
        /// Force the text encoding (utf-8, utf-16le, utf-16be, gb18030, gbk) instead of detecting it.
        #[arg(long)]
        encoding: Option<String>,
    },
    /// Print the JSON Schema of an output (default: the document).
    Schema {
        #[arg(value_enum, default_value = "document")]
        output: SchemaArg,
    },
    /// Print the grid, the column maps, the row placements and the repairs of one file.
    Debug {
        file: PathBuf,
        #[arg(long)]
        encoding: Option<String>,
    },
}

const EXIT_INPUT_FAILED: u8 = 1;
const EXIT_USAGE: u8 = 2;
const EXIT_OUTPUT_FAILED: u8 = 3;
const EXIT_NEEDS_OCR: u8 = 4;

/// The exit code of inputs that failed: 4 when all of them only need OCR, 1 otherwise.
fn input_failure(failed: usize, needs_ocr: usize) -> ExitCode {
    if failed > 0 && failed == needs_ocr {
        ExitCode::from(EXIT_NEEDS_OCR)
    } else {
        ExitCode::from(EXIT_INPUT_FAILED)
    }
}

fn needs_ocr(e: &zhibiao::ReadError) -> bool {
    matches!(e.kind, zhibiao::ReadErrorKind::NeedsOcr { .. })
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Extract { inputs, output, format, recursive, null, jobs, force, excel, quiet, verbose, encoding } => {
            // A bad encoding name is a mistake in the command, said once, not once per file.
            if let Some(name) = encoding.as_deref() {
                if let Err(e @ zhibiao::ReadErrorKind::UnknownEncoding(_)) = zhibiao_parser::text::decode(b"", Some(name)) {
                    eprintln!("zhibiao: {e}");
                    return ExitCode::from(EXIT_INPUT_FAILED);
                }
            }
            let walk = WalkOptions { recursive, null_separated: null };
            let set = match batch::collect(&inputs, walk, io::stdin().lock()) {
                Ok(set) => set,
                Err(e) => {
                    eprintln!("zhibiao: cannot read the list of inputs on stdin: {e}");
                    return ExitCode::from(EXIT_INPUT_FAILED);
                }
            };
            let verbosity = match (quiet, verbose) {
                (true, _) => Verbosity::Quiet,
                (_, true) => Verbosity::Verbose,
                _ => Verbosity::Normal,
            };
            if verbosity != Verbosity::Quiet && !set.subdirectories_skipped.is_empty() {
                eprintln!(
                    "zhibiao: {} subdirector{} not read (e.g. {}); --recursive reads them too",
                    set.subdirectories_skipped.len(),
                    if set.subdirectories_skipped.len() == 1 { "y" } else { "ies" },
                    set.subdirectories_skipped[0].display()
                );
            }
            let options = BatchOptions { jobs: jobs.unwrap_or(0), force, excel, extract: Options { encoding } };
            match output {
                Some(out) => run_batch(&set, &out, &options, verbosity),
                None => {
                    let format = match format.unwrap_or(FormatArg::Json) {
                        FormatArg::Json => OutputFormat::Json,
                        FormatArg::Jsonl => OutputFormat::Jsonl,
                        FormatArg::Csv => OutputFormat::Csv,
                    };
                    if set.inputs.len() > 1 && format == OutputFormat::Json {
                        eprintln!("zhibiao: several inputs need -o OUT, or --format jsonl/csv to stream them to stdout");
                        return ExitCode::from(EXIT_USAGE);
                    }
                    run_stream(&set, format, &options, verbosity)
                }
            }
        }
        Command::Schema { output } => {
            let output = match output {
                SchemaArg::Document => Output::Document,
                SchemaArg::RecordLine => Output::RecordLine,
                SchemaArg::IssueLine => Output::IssueLine,
                SchemaArg::Summary => Output::Summary,
            };
            let text = serde_json::to_string_pretty(&schema(output)).unwrap_or_default();
            match writeln!(io::stdout(), "{text}") {
                Ok(()) => ExitCode::SUCCESS,
                Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
                Err(e) => {
                    eprintln!("zhibiao: writing output: {e}");
                    ExitCode::from(EXIT_OUTPUT_FAILED)
                }
            }
        }
        Command::Debug { file, encoding } => match zhibiao::debug_view(&file, &Options { encoding }) {
            Ok(view) => {
                let _ = io::stdout().write_all(view.as_bytes());
                ExitCode::SUCCESS
            }
            Err(e) => {
                eprintln!("zhibiao: {e}");
                input_failure(1, usize::from(needs_ocr(&e)))
            }
        },
    }
}

fn run_batch(set: &batch::InputSet, out: &Path, options: &BatchOptions, verbosity: Verbosity) -> ExitCode {
    let mut progress = Progress::new(verbosity);
    match batch::run(set, out, options, &mut progress) {
        Ok(summary) => {
            progress.finish(&summary, out);
            if summary.files.failed > 0 {
                input_failure(summary.files.failed, summary.files.needs_ocr)
            } else {
                ExitCode::SUCCESS
            }
        }
        Err(e) => {
            eprintln!("zhibiao: {e}");
            ExitCode::from(EXIT_OUTPUT_FAILED)
        }
    }
}

fn write_doc(doc: &zhibiao::model::Document, file: &str, format: OutputFormat, w: impl Write, header: bool) -> io::Result<()> {
    match format {
        OutputFormat::Json => write_json(doc, w),
        OutputFormat::Jsonl => write_jsonl(doc, w),
        OutputFormat::Csv => write_csv(doc, file, w, header),
    }
}

/// How many inputs a stream extracts before printing them: enough to keep every core busy,
/// few enough that memory stays flat however many inputs there are.
const STREAM_CHUNK: usize = 64;

/// Inputs to stdout, in input order, a chunk at a time. One bad input never stops the others.
fn run_stream(set: &batch::InputSet, format: OutputFormat, options: &BatchOptions, verbosity: Verbosity) -> ExitCode {
    let pool = match rayon::ThreadPoolBuilder::new().num_threads(options.jobs).build() {
        Ok(pool) => pool,
        Err(e) => {
            eprintln!("zhibiao: cannot start the worker threads: {e}");
            return ExitCode::from(EXIT_OUTPUT_FAILED);
        }
    };
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let (mut failed, mut scans) = (0usize, 0usize);
    if format == OutputFormat::Csv && options.excel {
        let _ = out.write_all(EXCEL_BOM.as_bytes());
    }
    let mut first = true;
    for chunk in set.inputs.chunks(STREAM_CHUNK) {
        let docs: Vec<_> =
            pool.install(|| chunk.par_iter().map(|input| zhibiao::extract_with(&input.path, &options.extract)).collect());
        for (input, doc) in chunk.iter().zip(docs) {
            match doc {
                Ok(doc) => {
                    if let Err(e) = write_doc(&doc, &input.path.to_string_lossy(), format, &mut out, first) {
                        if e.kind() == io::ErrorKind::BrokenPipe {
                            return ExitCode::SUCCESS;
                        }
                        eprintln!("zhibiao: writing output: {e}");
                        return ExitCode::from(EXIT_OUTPUT_FAILED);
                    }
                    first = false;
                }
                Err(e) => {
                    if verbosity != Verbosity::Quiet {
                        eprintln!("zhibiao: {e}");
                    }
                    failed += 1;
                    scans += usize::from(needs_ocr(&e));
                }
            }
        }
    }
    if let Err(e) = out.flush() {
        if e.kind() != io::ErrorKind::BrokenPipe {
            eprintln!("zhibiao: writing output: {e}");
            return ExitCode::from(EXIT_OUTPUT_FAILED);
        }
    }
    if failed > 0 {
        input_failure(failed, scans)
    } else {
        ExitCode::SUCCESS
    }
}
