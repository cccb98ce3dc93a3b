//! The lists of units a route asks for, and each listed row as its own
//! change channel.

use crate::domain::model::{Filing, Party};

/// A row of a list, as a change channel.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct RowKey(pub ListKind, pub u32);

/// The three lists of units a route may ask for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ListKind {
    /// D-own requesting units.
    Units,
    /// J-mall participating purchasers.
    Mall,
    /// J-voluntary participating purchasers.
    Joint,
}

impl ListKind {
    pub fn path(self) -> &'static str {
        match self {
            ListKind::Units => "department.units",
            ListKind::Mall => "mall.participants",
            ListKind::Joint => "joint.participants",
        }
    }

    pub fn rows(self, f: &Filing) -> &Vec<Party> {
        match self {
            ListKind::Units => &f.department.units,
            ListKind::Mall => &f.mall.participants,
            ListKind::Joint => &f.joint.participants,
        }
    }

    pub fn rows_mut(self, f: &mut Filing) -> &mut Vec<Party> {
        match self {
            ListKind::Units => &mut f.department.units,
            ListKind::Mall => &mut f.mall.participants,
            ListKind::Joint => &mut f.joint.participants,
        }
    }
}
