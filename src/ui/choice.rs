//! Closed choices shown as radio buttons: each option has an id (stored in
//! the DOM) and a catalog label.

use std::sync::Arc;

use super::lens::Lens;
pub use crate::domain::choice::Choice;

/// The options of a choice as (id, label key).
pub fn options<T: Choice>() -> Vec<(&'static str, &'static str)> {
    T::all().iter().map(|c| (c.id(), c.label())).collect()
}

/// Erase a typed choice lens into one on option ids, so every radio group
/// is rendered by one component.
pub fn by_id<T: Choice>(lens: Lens<Option<T>>) -> Lens<Option<&'static str>> {
    let Lens { get, set, row } = lens;
    Lens {
        row,
        get: Arc::new(move |f| get(f).map(Choice::id)),
        set: Arc::new(move |f, id: Option<&'static str>| {
            set(
                f,
                id.and_then(|id| T::all().iter().copied().find(|c| c.id() == id)),
            )
        }),
    }
}
