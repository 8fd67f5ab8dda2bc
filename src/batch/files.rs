//! Files that appear whole or not at all, and the lock that keeps two batches out of one
//! output directory.

use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

use super::BatchError;

/// A file written under a temporary name beside its target (`.NAME.tmp`) and renamed onto
/// it by [`commit`](AtomicFile::commit). A process killed before the rename leaves the target
/// as it was (absent, or the previous run's complete file); the next run overwrites the
/// temporary file. Dropped without commit, the temporary file is removed.
pub struct AtomicFile {
    target: PathBuf,
    temp: PathBuf,
    file: Option<BufWriter<File>>,
}

impl AtomicFile {
    pub fn create(target: &Path) -> io::Result<Self> {
        let name = target.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        let temp = target.with_file_name(format!(".{name}.tmp"));
        let file = File::create(&temp)?;
        Ok(AtomicFile { target: target.to_path_buf(), temp, file: Some(BufWriter::with_capacity(1 << 16, file)) })
    }

    /// The path it will have once committed.
    pub fn path(&self) -> &Path {
        &self.target
    }

    /// Flushes and renames onto the target.
    pub fn commit(mut self) -> io::Result<()> {
        if let Some(file) = self.file.take() {
            file.into_inner().map_err(|e| e.into_error())?;
        }
        std::fs::rename(&self.temp, &self.target)
    }
}

impl Write for AtomicFile {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        match &mut self.file {
            Some(f) => f.write(buf),
            None => Err(io::Error::other("file already committed")),
        }
    }
    fn write_all(&mut self, buf: &[u8]) -> io::Result<()> {
        match &mut self.file {
            Some(f) => f.write_all(buf),
            None => Err(io::Error::other("file already committed")),
        }
    }
    fn flush(&mut self) -> io::Result<()> {
        match &mut self.file {
            Some(f) => f.flush(),
            None => Ok(()),
        }
    }
}

impl Drop for AtomicFile {
    fn drop(&mut self) {
        if self.file.take().is_some() {
            let _ = std::fs::remove_file(&self.temp);
        }
    }
}

/// Takes `OUT/.zhibiao.lock` for the batch. The operating system releases the lock when the
/// process ends, however it ends, so a killed batch never leaves a stale lock behind.
pub fn lock(out: &Path) -> Result<File, BatchError> {
    let path = out.join(".zhibiao.lock");
    let file = File::create(&path).map_err(|error| BatchError::Output { path: path.clone(), error })?;
    match file.try_lock() {
        Ok(()) => Ok(file),
        Err(std::fs::TryLockError::WouldBlock) => Err(BatchError::Busy { out: out.to_path_buf() }),
        Err(std::fs::TryLockError::Error(error)) => Err(BatchError::Output { path, error }),
    }
}
