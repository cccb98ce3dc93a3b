//! Lenses: how a field reads and writes its part of the filing. One
//! definition per field serves the form, the check-answers page and the
//! error links.

use std::sync::Arc;

use crate::domain::model::{Filing, Party};

type Getter<T> = Arc<dyn Fn(&Filing) -> T + Send + Sync>;
type Setter<T> = Arc<dyn Fn(&mut Filing, T) + Send + Sync>;

pub struct Lens<T> {
    pub get: Getter<T>,
    pub set: Setter<T>,
    /// For a field of a listed row: the row's change channel, so an edit
    /// re-runs only that row's fields, not every field of a 200-row list.
    pub row: Option<RowKey>,
}

impl<T> Clone for Lens<T> {
    fn clone(&self) -> Self {
        Lens {
            get: self.get.clone(),
            set: self.set.clone(),
            row: self.row,
        }
    }
}

/// A row of a list, as a change channel.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct RowKey(pub ListKind, pub u32);

/// `lens!(purchaser.name)`: a lens on a plain field of the filing.
macro_rules! lens {
    ($($field:ident).+) => {
        $crate::ui::lens::Lens {
            get: ::std::sync::Arc::new(|f: &$crate::domain::model::Filing| f.$($field).+.clone()),
            set: ::std::sync::Arc::new(|f: &mut $crate::domain::model::Filing, v| f.$($field).+ = v),
            row: None,
        }
    };
}
pub(crate) use lens;

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

/// A lens on one field of the row with stable `id` in a list.
pub fn row_lens<T: Default + Clone + Send + Sync + 'static>(
    list: ListKind,
    id: u32,
    field: fn(&Party) -> &T,
    field_mut: fn(&mut Party) -> &mut T,
) -> Lens<T> {
    Lens {
        get: Arc::new(move |f| {
            list.rows(f)
                .iter()
                .find(|p| p.id == id)
                .map(|p| field(p).clone())
                .unwrap_or_default()
        }),
        set: Arc::new(move |f, v| {
            if let Some(p) = list.rows_mut(f).iter_mut().find(|p| p.id == id) {
                *field_mut(p) = v;
            }
        }),
        row: Some(RowKey(list, id)),
    }
}
