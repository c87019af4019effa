//! Folders on disk that hold the circle: created for their owner alone.

use std::fs;
use std::path::Path;

use crate::error::{Error, Result};

/// The data folder is readable by its owner only: the database is encrypted, but its
/// size and timestamps are nobody else's business either. On Windows there is no mode
/// to set: the folder inherits its parent's ACL, which for the app's folder in
/// `%LOCALAPPDATA%` is the profile's owner-only one (the shell's `platform::data_folder`).
pub(crate) fn create_private_dir(dir: &Path) -> Result<()> {
    fs::create_dir_all(dir).map_err(|error| Error::Internal(error.to_string()))?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        fs::set_permissions(dir, fs::Permissions::from_mode(0o700))
            .map_err(|error| Error::Internal(error.to_string()))?;
    }
    Ok(())
}
