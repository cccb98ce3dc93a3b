//! Each listed row as its own change channel: a keystroke in one row of a
//! 300-row list re-reads that row only.

use crate::domain::model::{Filing, Party};
use crate::domain::record::{self, Slot, SlotMut};

/// A row of a list (by the list's path and the row's stable id), as a
/// change channel.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct RowKey(pub &'static str, pub u32);

/// The rows of the list at `path` (empty when the path names no list).
pub fn rows<'a>(f: &'a Filing, path: &str) -> &'a [Party] {
    match record::slot_at(f, path) {
        Some(Slot::Rows(rows)) => rows,
        _ => &[],
    }
}

/// The rows of the list at `path`, to change.
pub fn rows_mut<'a>(f: &'a mut Filing, path: &str) -> Option<&'a mut Vec<Party>> {
    match record::slot_at_mut(f, path) {
        Some(SlotMut::Rows(rows)) => Some(rows),
        _ => None,
    }
}
