//! Writing files so that a reader never sees half of one, and nothing but
//! a regular file is ever replaced.
//!
//! A write goes to a new temporary file beside the target, then is renamed
//! over it. The target must be a regular file or not exist: a device, FIFO,
//! socket or folder is refused. A symbolic link is written through: the
//! file it points to is replaced and the link kept (a link to nothing is
//! refused). Any write error, a full disk included, removes the temporary
//! file and leaves the target as it was.

use crate::loader::special;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// Device and inode of an existing file, following symbolic links.
#[cfg(unix)]
pub fn identity(path: &Path) -> Option<(u64, u64)> {
    use std::os::unix::fs::MetadataExt;
    std::fs::metadata(path).ok().map(|m| (m.dev(), m.ino()))
}

#[cfg(not(unix))]
pub fn identity(path: &Path) -> Option<(u64, u64)> {
    let _ = path;
    None
}

fn refuse(path: &Path, why: impl std::fmt::Display) -> io::Error {
    io::Error::other(format!(
        "{} {why}; only a regular file is written",
        crate::sanitize::path(path)
    ))
}

/// The file a write to `path` replaces: `path` itself, or the file a
/// symbolic link there points to. Refuses anything but a regular file.
pub fn output_target(path: &Path) -> io::Result<PathBuf> {
    let link = match std::fs::symlink_metadata(path) {
        Ok(m) => m.file_type().is_symlink(),
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(path.to_path_buf()),
        Err(e) => return Err(e),
    };
    let target = if link {
        std::fs::canonicalize(path).map_err(|e| {
            if e.kind() == io::ErrorKind::NotFound {
                refuse(path, "is a symbolic link to a missing file")
            } else {
                e
            }
        })?
    } else {
        path.to_path_buf()
    };
    let meta = std::fs::metadata(&target)?;
    if let Some(s) = special(&meta) {
        return Err(refuse(path, format_args!("is {s}")));
    }
    Ok(target)
}

/// Writes to a temporary file beside `path`, then renames it into place.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> io::Result<()> {
    write_atomic_with(path, |f| f.write_all(bytes))
}

/// Like [`write_atomic`], with the content written by `fill` as it goes,
/// so a large export never has to be held in memory.
pub fn write_atomic_with(
    path: &Path,
    fill: impl FnOnce(&mut std::fs::File) -> io::Result<()>,
) -> io::Result<()> {
    let target = output_target(path)?;
    let dir = target
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "export".into());
    let (tmp, mut f) = create_temp(dir, &name)?;
    let result = (|| {
        // A replaced file keeps its permissions.
        if let Ok(m) = std::fs::metadata(&target) {
            f.set_permissions(m.permissions())?;
        }
        fill(&mut f)?;
        f.flush()?;
        f.sync_all()?;
        drop(f);
        std::fs::rename(&tmp, &target)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result?;
    // The rename itself survives a crash once the folder is synced.
    if let Ok(d) = std::fs::File::open(dir) {
        let _ = d.sync_all();
    }
    Ok(())
}

/// A new hidden file in `dir`, created exclusively (never an existing file
/// or a link planted under the name).
fn create_temp(dir: &Path, name: &str) -> io::Result<(PathBuf, std::fs::File)> {
    let pid = std::process::id();
    let stamp = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.subsec_nanos());
    for n in 0..100u32 {
        let tmp = dir.join(format!(".{name}.{pid}.{stamp:x}.{n}.tmp"));
        match std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&tmp)
        {
            Ok(f) => return Ok((tmp, f)),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(e),
        }
    }
    Err(io::Error::other("no free name for a temporary file"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_failed_write_leaves_the_old_file_and_no_temporary() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("out.json");
        std::fs::write(&out, "old").unwrap();
        let err = write_atomic_with(&out, |f| {
            f.write_all(b"half")?;
            Err(io::Error::from(io::ErrorKind::StorageFull))
        })
        .unwrap_err();
        assert_eq!(err.kind(), io::ErrorKind::StorageFull);
        assert_eq!(std::fs::read_to_string(&out).unwrap(), "old");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[cfg(unix)]
    #[test]
    fn a_symbolic_link_is_written_through() {
        let dir = tempfile::tempdir().unwrap();
        let real = dir.path().join("real.json");
        let link = dir.path().join("link.json");
        std::fs::write(&real, "old").unwrap();
        std::os::unix::fs::symlink(&real, &link).unwrap();
        write_atomic(&link, b"new").unwrap();
        assert!(
            std::fs::symlink_metadata(&link)
                .unwrap()
                .file_type()
                .is_symlink()
        );
        assert_eq!(std::fs::read_to_string(&real).unwrap(), "new");
        let gone = dir.path().join("gone.json");
        std::os::unix::fs::symlink(dir.path().join("nothing"), &gone).unwrap();
        let e = write_atomic(&gone, b"x").unwrap_err().to_string();
        assert!(e.contains("symbolic link to a missing file"), "{e}");
        let e = write_atomic(dir.path(), b"x").unwrap_err().to_string();
        assert!(e.contains("is a folder"), "{e}");
    }
}
