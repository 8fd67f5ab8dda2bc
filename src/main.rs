//! The `zhibiao` command line: `extract` turns files into the JSON contract, `debug` shows
//! what the algorithm saw. Exit codes: 0 all inputs extracted, 1 some input failed (the
//! others are still written), 2 usage error.

use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};
use rayon::prelude::*;
use zhibiao::{extract_with, Options};
use zhibiao_export::{write_csv, write_json, write_jsonl, OutputFormat};

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

#[derive(Subcommand)]
enum Command {
    /// Extract documents. One file without -o prints to stdout.
    Extract {
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// Write one output file per input into this directory.
        #[arg(short, long)]
        output: Option<PathBuf>,
        #[arg(long, value_enum, default_value = "json")]
        format: FormatArg,
        /// Force the text encoding (utf-8, utf-16le, utf-16be, gb18030, gbk) instead of detecting it.
        #[arg(long)]
        encoding: Option<String>,
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

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Extract { files, output, format, encoding } => {
            let format = match format {
                FormatArg::Json => OutputFormat::Json,
                FormatArg::Jsonl => OutputFormat::Jsonl,
                FormatArg::Csv => OutputFormat::Csv,
            };
            if output.is_none() && files.len() > 1 && format == OutputFormat::Json {
                eprintln!("zhibiao: several files need -o DIR, or --format jsonl/csv to stream them to stdout");
                return ExitCode::from(EXIT_USAGE);
            }
            // A bad encoding name is a mistake in the command, said once, not once per file.
            if let Some(name) = encoding.as_deref() {
                if let Err(e @ zhibiao::ReadErrorKind::UnknownEncoding(_)) = zhibiao_parser::text::decode(b"", Some(name)) {
                    eprintln!("zhibiao: {e}");
                    return ExitCode::from(EXIT_INPUT_FAILED);
                }
            }
            run_extract(&files, output.as_deref(), format, &Options { encoding })
        }
        Command::Debug { file, encoding } => match zhibiao::debug_view(&file, &Options { encoding }) {
            Ok(view) => {
                let _ = io::stdout().write_all(view.as_bytes());
                ExitCode::SUCCESS
            }
            Err(e) => {
                eprintln!("zhibiao: {e}");
                ExitCode::from(EXIT_INPUT_FAILED)
            }
        },
    }
}

fn write_doc(doc: &zhibiao::model::Document, format: OutputFormat, w: impl Write, header: bool) -> io::Result<()> {
    match format {
        OutputFormat::Json => write_json(doc, w),
        OutputFormat::Jsonl => write_jsonl(doc, w),
        OutputFormat::Csv => write_csv(doc, w, header),
    }
}

fn run_extract(files: &[PathBuf], output: Option<&Path>, format: OutputFormat, options: &Options) -> ExitCode {
    if let Some(dir) = output {
        if let Err(e) = std::fs::create_dir_all(dir) {
            eprintln!("zhibiao: cannot create output directory {}: {e}", dir.display());
            return ExitCode::from(EXIT_INPUT_FAILED);
        }
    }
    let targets: Vec<Option<PathBuf>> = match output {
        Some(dir) => output_paths(files, dir, format).into_iter().map(Some).collect(),
        None => vec![None; files.len()],
    };
    // Each file is read, extracted and written on its own: one bad file never stops the others.
    let results: Vec<Result<Option<zhibiao::model::Document>, String>> = files
        .par_iter()
        .zip(targets.par_iter())
        .map(|(path, target)| {
            let doc = extract_with(path, options).map_err(|e| e.to_string())?;
            match target {
                Some(target) => {
                    let file = std::fs::File::create(target).map_err(|e| format!("{}: {e}", target.display()))?;
                    write_doc(&doc, format, io::BufWriter::new(file), true).map_err(|e| format!("{}: {e}", target.display()))?;
                    Ok(None)
                }
                None => Ok(Some(doc)),
            }
        })
        .collect();
    let stdout = io::stdout();
    let mut out = stdout.lock();
    let mut failed = false;
    let mut first = true;
    for r in results {
        match r {
            Ok(Some(doc)) => {
                if let Err(e) = write_doc(&doc, format, &mut out, first) {
                    if e.kind() == io::ErrorKind::BrokenPipe {
                        return ExitCode::SUCCESS;
                    }
                    eprintln!("zhibiao: writing output: {e}");
                    failed = true;
                }
                first = false;
            }
            Ok(None) => {}
            Err(msg) => {
                eprintln!("zhibiao: {msg}");
                failed = true;
            }
        }
    }
    if failed {
        ExitCode::from(EXIT_INPUT_FAILED)
    } else {
        ExitCode::SUCCESS
    }
}

/// One output path per input, in input order. Inputs that share a file stem (`a/x.txt`,
/// `b/x.txt`) would overwrite each other, so later ones get `x-2.json`, `x-3.json`, … and the
/// renaming is said on stderr.
fn output_paths(files: &[PathBuf], dir: &Path, format: OutputFormat) -> Vec<PathBuf> {
    let mut used: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    files
        .iter()
        .map(|path| {
            let stem = path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_else(|| "out".into());
            let n = used.entry(stem.clone()).or_insert(0);
            *n += 1;
            let name = if *n == 1 { stem } else { format!("{stem}-{n}") };
            let target = dir.join(format!("{name}.{}", format.extension()));
            if *n > 1 {
                eprintln!("zhibiao: {} shares its name with an earlier input; written to {}", path.display(), target.display());
            }
            target
        })
        .collect()
}
