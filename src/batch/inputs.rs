//! Which files a batch reads: paths, directories (walked by extension) and globs, from the
//! command line or a list on stdin, each with the place its document goes under `OUT`.

use std::collections::HashMap;
use std::io::BufRead;
use std::path::{Component, Path, PathBuf};

/// Extensions a directory walk takes (compared without case). `.doc` is taken too although
/// no reader reads it: it becomes a failed input whose error says how to convert it, so an
/// archive's unreadable part is counted, not silently left out.
pub const WALK_EXTENSIONS: [&str; 8] = ["txt", "md", "markdown", "docx", "docm", "dotx", "doc", "pdf"];

/// One input of a batch.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Input {
    /// The path as given, or as found under a directory given.
    pub path: PathBuf,
    /// Where its document goes under `OUT/documents/`: the path made relative (`/`, `./`
    /// and drive prefixes dropped, `..` written `_up`), with `.json` appended to the full
    /// name, so `a.txt` and `a.docx` side by side keep apart.
    pub document: PathBuf,
}

/// What was asked for, resolved into inputs.
#[derive(Debug, Default)]
pub struct InputSet {
    pub inputs: Vec<Input>,
    /// Files a directory walk met whose extension no reader takes (or Word's `~$` owner
    /// files), counted so the summary can say what was left out.
    pub not_read: Vec<PathBuf>,
    /// Inputs named more than once (the same path twice, or a file both given and found in
    /// a directory given): read once.
    pub duplicates: Vec<PathBuf>,
    /// Directories that were not walked into because `--recursive` was not given.
    pub subdirectories_skipped: Vec<PathBuf>,
}

/// How to turn arguments into inputs.
#[derive(Debug, Clone, Copy, Default)]
pub struct WalkOptions {
    /// Walk into subdirectories of the directories given.
    pub recursive: bool,
    /// Paths on stdin are separated by NUL bytes (`find -print0`), not lines.
    pub null_separated: bool,
}

/// Resolves arguments (`-` reads a list of paths from `stdin`) into inputs, in the order
/// given; a directory's files in name order. A path that does not exist stays an input, so
/// the batch reports it as a failed file rather than forgetting it.
pub fn collect(args: &[PathBuf], options: WalkOptions, stdin: impl BufRead) -> std::io::Result<InputSet> {
    let mut set = InputSet::default();
    let mut paths: Vec<PathBuf> = Vec::new();
    let mut stdin = Some(stdin);
    for arg in args {
        if arg.as_os_str() == "-" {
            // A second `-` finds stdin already read: it adds nothing.
            if let Some(input) = stdin.take() {
                paths.extend(read_list(input, options.null_separated)?);
            }
        } else {
            paths.push(arg.clone());
        }
    }
    let mut seen: HashMap<PathBuf, PathBuf> = HashMap::new();
    for path in paths {
        for found in expand(&path, options, &mut set) {
            let mut document = document_path(&found);
            if let Some(first) = seen.get(&document) {
                if same_file(first, &found) {
                    set.duplicates.push(found);
                    continue;
                }
                // Two different files whose mirrored names agree (`/a/x.txt` and `a/x.txt`):
                // the second gets a distinct name instead of overwriting the first.
                let mirrored = document;
                document = (2..).map(|n| with_suffix(&mirrored, n)).find(|c| !seen.contains_key(c)).unwrap_or(mirrored);
            }
            seen.insert(document.clone(), found.clone());
            set.inputs.push(Input { path: found, document });
        }
    }
    Ok(set)
}

fn read_list(input: impl BufRead, null_separated: bool) -> std::io::Result<Vec<PathBuf>> {
    let sep = if null_separated { b'\0' } else { b'\n' };
    let mut out = Vec::new();
    for item in input.split(sep) {
        let item = item?;
        let item = if null_separated { &item[..] } else { item.strip_suffix(b"\r").unwrap_or(&item) };
        if item.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        out.push(path_from_bytes(item));
    }
    Ok(out)
}

#[cfg(unix)]
fn path_from_bytes(bytes: &[u8]) -> PathBuf {
    use std::os::unix::ffi::OsStrExt;
    PathBuf::from(std::ffi::OsStr::from_bytes(bytes))
}

#[cfg(not(unix))]
fn path_from_bytes(bytes: &[u8]) -> PathBuf {
    PathBuf::from(String::from_utf8_lossy(bytes).into_owned())
}

/// One argument into files: a file as it is, a directory walked, a glob expanded when no
/// file has that very name.
fn expand(path: &Path, options: WalkOptions, set: &mut InputSet) -> Vec<PathBuf> {
    if path.is_dir() {
        return walk(path, options.recursive, set);
    }
    let text = path.to_string_lossy();
    if !path.exists() && text.contains(['*', '?', '[']) {
        if let Ok(matches) = glob::glob(&text) {
            let mut files: Vec<PathBuf> = Vec::new();
            for m in matches.flatten() {
                if m.is_dir() {
                    files.extend(walk(&m, options.recursive, set));
                } else {
                    files.push(m);
                }
            }
            if !files.is_empty() {
                return files;
            }
        }
    }
    vec![path.to_path_buf()]
}

fn walk(dir: &Path, recursive: bool, set: &mut InputSet) -> Vec<PathBuf> {
    let mut files = Vec::new();
    let walker = walkdir::WalkDir::new(dir).min_depth(1).max_depth(if recursive { usize::MAX } else { 1 });
    for entry in walker.sort_by_file_name() {
        let entry = match entry {
            Ok(e) => e,
            // An unreadable directory or a broken link is kept as an input, so its error is
            // reported with the others.
            Err(e) => {
                if let Some(p) = e.path() {
                    files.push(p.to_path_buf());
                }
                continue;
            }
        };
        let path = entry.path();
        if entry.file_type().is_dir() {
            if !recursive {
                set.subdirectories_skipped.push(path.to_path_buf());
            }
            continue;
        }
        if readable_name(path) {
            files.push(path.to_path_buf());
        } else {
            set.not_read.push(path.to_path_buf());
        }
    }
    files
}

/// Whether a directory walk takes this file: by extension, not Word's `~$` owner files.
pub fn readable_name(path: &Path) -> bool {
    let Some(name) = path.file_name().map(|n| n.to_string_lossy()) else { return false };
    if name.starts_with("~$") {
        return false;
    }
    let Some(ext) = path.extension().map(|e| e.to_string_lossy().to_lowercase()) else { return false };
    WALK_EXTENSIONS.contains(&ext.as_str())
}

/// `OUT/documents/`-relative path of an input's document.
pub fn document_path(input: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for c in input.components() {
        match c {
            Component::Normal(part) => out.push(part),
            Component::ParentDir => out.push("_up"),
            Component::CurDir | Component::RootDir | Component::Prefix(_) => {}
        }
    }
    let mut name = out.file_name().map(|n| n.to_os_string()).unwrap_or_else(|| "input".into());
    name.push(".json");
    out.set_file_name(name);
    out
}

/// `x.txt.json` → `x.txt-2.json`.
fn with_suffix(document: &Path, n: usize) -> PathBuf {
    let stem = document.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
    document.with_file_name(format!("{stem}-{n}.json"))
}

fn same_file(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => a == b,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn documents_mirror_the_path_made_relative() {
        assert_eq!(document_path(Path::new("archive/2019/a.txt")), PathBuf::from("archive/2019/a.txt.json"));
        assert_eq!(document_path(Path::new("./a.docx")), PathBuf::from("a.docx.json"));
        assert_eq!(document_path(Path::new("/data/x/a.txt")), PathBuf::from("data/x/a.txt.json"));
        assert_eq!(document_path(Path::new("../up/a.txt")), PathBuf::from("_up/up/a.txt.json"));
    }

    #[test]
    fn walk_takes_known_extensions_in_name_order() {
        let dir = std::env::temp_dir().join(format!("zhibiao-walk-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(dir.join("sub")).unwrap();
        for f in ["b.TXT", "a.docx", "c.jpg", "~$a.docx", "sub/d.txt", "e.pdf"] {
            std::fs::write(dir.join(f), b"x").unwrap();
        }
        let names = |set: &InputSet| -> Vec<String> {
            set.inputs.iter().map(|i| i.path.strip_prefix(&dir).unwrap().display().to_string()).collect()
        };
        let flat = collect(std::slice::from_ref(&dir), WalkOptions::default(), std::io::empty()).unwrap();
        assert_eq!(names(&flat), ["a.docx", "b.TXT", "e.pdf"]);
        assert_eq!(flat.not_read.len(), 2, "{:?}", flat.not_read);
        assert_eq!(flat.subdirectories_skipped, [dir.join("sub")]);
        let deep = collect(std::slice::from_ref(&dir), WalkOptions { recursive: true, ..Default::default() }, std::io::empty()).unwrap();
        assert_eq!(names(&deep), ["a.docx", "b.TXT", "e.pdf", "sub/d.txt"]);
        assert!(deep.subdirectories_skipped.is_empty());
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn stdin_lists_paths_and_duplicates_are_read_once() {
        let list = b"a.txt\r\n\n  \nb/c.txt\na.txt\n";
        let set = collect(&[PathBuf::from("-")], WalkOptions::default(), &list[..]).unwrap();
        let paths: Vec<&Path> = set.inputs.iter().map(|i| i.path.as_path()).collect();
        assert_eq!(paths, [Path::new("a.txt"), Path::new("b/c.txt")]);
        assert_eq!(set.duplicates, [PathBuf::from("a.txt")]);
        let set = collect(&[PathBuf::from("-")], WalkOptions { null_separated: true, ..Default::default() }, &b"x y.txt\0z.txt\0"[..]).unwrap();
        assert_eq!(set.inputs.len(), 2);
        assert_eq!(set.inputs[0].path, PathBuf::from("x y.txt"));
    }

    #[test]
    fn different_files_with_one_mirrored_name_keep_apart() {
        let set = collect(&[PathBuf::from("/nonexistent-zb/a.txt"), PathBuf::from("nonexistent-zb/a.txt")], WalkOptions::default(), std::io::empty()).unwrap();
        let docs: Vec<&Path> = set.inputs.iter().map(|i| i.document.as_path()).collect();
        assert_eq!(docs, [Path::new("nonexistent-zb/a.txt.json"), Path::new("nonexistent-zb/a.txt-2.json")]);
    }
}
