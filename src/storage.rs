//! Drafts in the browser's localStorage, guarded: storage may be blocked
//! (sandboxed iframe, privacy mode) or full, and another tab may save the
//! same draft. Keys are `prw:{namespace}:draft:{id}`, so portals, users and
//! instances on one origin never collide.

use gloo_storage::{LocalStorage, Storage};

use crate::domain::draft::{self, Draft, DraftError};

#[derive(Debug, Clone, PartialEq)]
pub enum SaveError {
    /// Storage is blocked: the wizard works in memory only.
    Blocked,
    /// The browser's storage is full; the previous save is intact.
    Quota,
    /// Another tab saved a newer revision of this draft.
    Conflict,
    Other(String),
}

/// One stored entry, readable or not. Unreadable ones are quarantined:
/// listed, downloadable, never dropped or overwritten silently.
#[derive(Debug, Clone, PartialEq)]
pub enum Entry {
    Draft(Box<Draft>),
    Unreadable {
        key: String,
        reason: &'static str,
        /// A strict-JSON refusal's exact words (duplicate key and where).
        detail: Option<crate::domain::read::ReadError>,
    },
}

#[derive(Clone, Debug)]
pub struct Store {
    namespace: String,
    available: bool,
}

fn session() -> Option<web_sys::Storage> {
    web_sys::window()?.session_storage().ok().flatten()
}

fn probe() -> bool {
    // `window.localStorage` throws in sandboxed frames; a write may throw in
    // privacy modes. Only when both work is gloo-storage used at all.
    let Some(window) = web_sys::window() else {
        return false;
    };
    let Ok(Some(storage)) = window.local_storage() else {
        return false;
    };
    let key = "prw:probe";
    let ok = storage.set_item(key, "1").is_ok();
    let _ = storage.remove_item(key);
    ok
}

impl Store {
    pub fn open(namespace: &str) -> Self {
        Store {
            namespace: namespace.to_string(),
            available: probe(),
        }
    }

    pub fn namespace(&self) -> &str {
        &self.namespace
    }

    pub fn available(&self) -> bool {
        self.available
    }

    /// The per-tab pointer (sessionStorage) to the draft being edited, so
    /// a reload in the same tab resumes it.
    fn pointer_key(&self) -> String {
        format!("prw:{}:current", self.namespace)
    }

    pub fn remember_current(&self, id: &str) {
        if let Some(s) = session() {
            let _ = s.set_item(&self.pointer_key(), id);
        }
    }

    pub fn forget_current(&self) {
        if let Some(s) = session() {
            let _ = s.remove_item(&self.pointer_key());
        }
    }

    pub fn current_pointer(&self) -> Option<String> {
        session()?.get_item(&self.pointer_key()).ok().flatten()
    }

    pub fn key(&self, id: &str) -> String {
        draft::storage_key(&self.namespace, id)
    }

    /// The draft id of a storage key, if the key is one of this namespace's
    /// drafts (exactly this namespace: never one it is a prefix of).
    pub fn id_of_key<'k>(&self, key: &'k str) -> Option<&'k str> {
        draft::parse_storage_key(key)
            .filter(|(ns, _)| *ns == self.namespace)
            .map(|(_, id)| id)
    }

    fn keys(&self) -> Vec<String> {
        if !self.available {
            return Vec::new();
        }
        let raw = LocalStorage::raw();
        let n = raw.length().unwrap_or(0);
        (0..n)
            .filter_map(|i| raw.key(i).ok().flatten())
            .filter(|k| self.id_of_key(k).is_some())
            .collect()
    }

    pub fn raw(&self, key: &str) -> Option<String> {
        if !self.available {
            return None;
        }
        LocalStorage::raw().get_item(key).ok().flatten()
    }

    /// Every entry of this namespace, newest first.
    pub fn list(&self) -> Vec<Entry> {
        let mut entries: Vec<Entry> = self
            .keys()
            .into_iter()
            .map(|key| match self.raw(&key).map(|t| draft::parse(&t)) {
                Some(Ok(d)) if self.key(&d.id) == key => Entry::Draft(Box::new(d)),
                Some(Ok(_)) => Entry::Unreadable {
                    key,
                    reason: "draft.err.stored",
                    detail: None,
                },
                // A stored entry is no imported file: it is damaged, or
                // from a newer version of the wizard.
                Some(Err(e)) => Entry::Unreadable {
                    key,
                    reason: if e.key() == "draft.err.newer" {
                        "draft.err.newer"
                    } else {
                        "draft.err.stored"
                    },
                    detail: e.detail(),
                },
                None => Entry::Unreadable {
                    key,
                    reason: "draft.err.stored",
                    detail: None,
                },
            })
            .collect();
        // Newest draft first, the unreadable ones after them in storage
        // order (a browser holds a few dozen drafts).
        crate::domain::table::sort_short_by(&mut entries, |a, b| match (a, b) {
            (Entry::Draft(a), Entry::Draft(b)) => a.saved_at > b.saved_at,
            (Entry::Draft(_), _) => true,
            _ => false,
        });
        entries
    }

    pub fn load(&self, id: &str) -> Option<Result<Draft, DraftError>> {
        self.raw(&self.key(id)).map(|t| draft::parse(&t))
    }

    /// The revision stored now for `id` (0 when none).
    pub fn stored_revision(&self, id: &str) -> u64 {
        self.raw(&self.key(id))
            .and_then(|t| crate::domain::json::parse(t.as_bytes(), draft::MAX_DRAFT_BYTES).ok())
            .and_then(|v| v.get("revision").and_then(serde_json::Value::as_u64))
            .map_or(0, draft::sane_revision)
    }

    /// Save `draft` as the next revision after `known`. Refuses to
    /// overwrite a newer revision saved by another tab.
    pub fn save(&self, draft: &Draft) -> Result<(), SaveError> {
        if !self.available {
            return Err(SaveError::Blocked);
        }
        if self.stored_revision(&draft.id) >= draft.revision {
            return Err(SaveError::Conflict);
        }
        self.write(draft)
    }

    /// Write without the revision check (import after the purchaser agreed).
    pub fn write(&self, draft: &Draft) -> Result<(), SaveError> {
        if !self.available {
            return Err(SaveError::Blocked);
        }
        // Written by the domain's own JSON writer (gloo-storage's `set`
        // would bring serde_json's writer into the bundle for this alone).
        let text = crate::domain::draft::to_json(draft);
        LocalStorage::raw()
            .set_item(&self.key(&draft.id), &text)
            .map_err(|e| {
                let name = js_sys::Reflect::get(&e, &"name".into())
                    .ok()
                    .and_then(|n| n.as_string())
                    .unwrap_or_default();
                if name == "QuotaExceededError" {
                    SaveError::Quota
                } else {
                    let message = js_sys::Reflect::get(&e, &"message".into())
                        .ok()
                        .and_then(|m| m.as_string())
                        .unwrap_or_default();
                    SaveError::Other(format!("{name}: {message}"))
                }
            })
    }

    pub fn remove_key(&self, key: &str) {
        if self.available && self.id_of_key(key).is_some() {
            LocalStorage::delete(key);
        }
    }

    /// "Clear all drafts on this computer" (this namespace), unreadable
    /// entries included.
    pub fn clear_all(&self) {
        for key in self.keys() {
            LocalStorage::delete(&key);
        }
    }
}
