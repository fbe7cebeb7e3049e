//! The engine's one error type.

use std::fmt;

/// An error from comparing reports: always about the input, never a bug (bugs panic).
///
/// The message says what was wrong with which input, in lower case, so that it can be shown
/// to a user as it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error {
    kind: ErrorKind,
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum ErrorKind {
    NoReports,
    EmptyId { index: usize },
    DuplicateId { id: String },
    UnknownReport { id: String },
    UnknownUnit { id: String },
    TooManyReports { count: usize },
    TooMuchText { bytes: usize },
    ReportTooLong { id: String, bytes: usize },
}

impl Error {
    pub(crate) fn no_reports() -> Error {
        Error {
            kind: ErrorKind::NoReports,
        }
    }

    pub(crate) fn empty_id(index: usize) -> Error {
        Error {
            kind: ErrorKind::EmptyId { index },
        }
    }

    pub(crate) fn duplicate_id(id: &str) -> Error {
        Error {
            kind: ErrorKind::DuplicateId { id: id.to_string() },
        }
    }
}

impl Error {
    pub(crate) fn unknown_report(id: &str) -> Error {
        Error {
            kind: ErrorKind::UnknownReport { id: id.to_string() },
        }
    }
}

impl Error {
    pub(crate) fn unknown_unit(id: &str) -> Error {
        Error {
            kind: ErrorKind::UnknownUnit { id: id.to_string() },
        }
    }
}

impl Error {
    pub(crate) fn too_many_reports(count: usize) -> Error {
        Error {
            kind: ErrorKind::TooManyReports { count },
        }
    }

    pub(crate) fn too_much_text(bytes: usize) -> Error {
        Error {
            kind: ErrorKind::TooMuchText { bytes },
        }
    }

    pub(crate) fn report_too_long(id: &str, bytes: usize) -> Error {
        Error {
            kind: ErrorKind::ReportTooLong {
                id: id.to_string(),
                bytes,
            },
        }
    }
}

/// Megabytes with one decimal, for messages. Integer arithmetic keeps float formatting,
/// some 15 KB of code, out of the wasm module.
fn mb(bytes: usize) -> String {
    let tenths = (bytes * 10 + 512 * 1024) / (1024 * 1024);
    format!("{}.{} MB", tenths / 10, tenths % 10)
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.kind {
            ErrorKind::NoReports => write!(f, "no reports to compare: give at least one report"),
            ErrorKind::EmptyId { index } => {
                write!(
                    f,
                    "report {} has an empty id: every report needs an id",
                    index + 1
                )
            }
            ErrorKind::DuplicateId { id } => {
                write!(
                    f,
                    "two reports have the id {id:?}: report ids must be unique"
                )
            }
            ErrorKind::TooManyReports { count } => write!(
                f,
                "{count} reports is more than the {} that can be compared at once: remove some",
                crate::limits::MAX_REPORTS
            ),
            ErrorKind::TooMuchText { bytes } => write!(
                f,
                "the reports hold {} of text, more than the {} that can be compared at once",
                mb(*bytes),
                mb(crate::limits::MAX_TOTAL_BYTES)
            ),
            ErrorKind::ReportTooLong { id, bytes } => write!(
                f,
                "report {id:?} is {} long, more than the {} a report may have: shorten it",
                mb(*bytes),
                mb(crate::limits::MAX_REPORT_BYTES)
            ),
            ErrorKind::UnknownUnit { id } => {
                write!(f, "no unit {id:?} to keep: unit ids look like \"000:u3\"")
            }
            ErrorKind::UnknownReport { id } => {
                write!(
                    f,
                    "side by side asks for report {id:?}, but no report has that id"
                )
            }
        }
    }
}

impl std::error::Error for Error {}
