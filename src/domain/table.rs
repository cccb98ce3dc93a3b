//! A map from text keys kept as a list ordered by key. It holds what a
//! finding's message fills in (a few entries) and a profile's sources and
//! clauses (a few dozen): for that, a binary search is as quick as a tree,
//! and each `BTreeMap` of a new value type cost the browser bundle its own
//! copy of the tree's code. It reads and writes as the JSON object a
//! `BTreeMap` would: same keys, same order, same schema. Beside it, two
//! small sorts for the same reason: a stable one for short lists and a
//! heap sort for keys of any count.

use std::borrow::Cow;

use schemars::{JsonSchema, Schema, SchemaGenerator};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Table<T>(Vec<(String, T)>);

impl<T> Default for Table<T> {
    fn default() -> Self {
        Table(Vec::new())
    }
}

impl<T> Table<T> {
    pub fn new() -> Self {
        Table::default()
    }

    fn find(&self, key: &str) -> Result<usize, usize> {
        self.0.binary_search_by(|(k, _)| k.as_str().cmp(key))
    }

    pub fn get(&self, key: &str) -> Option<&T> {
        self.find(key)
            .ok()
            .and_then(|i| self.0.get(i))
            .map(|(_, v)| v)
    }

    pub fn contains_key(&self, key: &str) -> bool {
        self.find(key).is_ok()
    }

    /// Adds the entry, or replaces the value of the one with this key.
    pub fn insert(&mut self, key: String, value: T) {
        match self.find(&key) {
            Ok(i) => {
                if let Some(entry) = self.0.get_mut(i) {
                    entry.1 = value;
                }
            }
            Err(i) => self.0.insert(i, (key, value)),
        }
    }

    /// The entries, ordered by key.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &T)> {
        self.0.iter().map(|(k, v)| (k.as_str(), v))
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl<T> FromIterator<(String, T)> for Table<T> {
    fn from_iter<I: IntoIterator<Item = (String, T)>>(items: I) -> Self {
        let mut table = Table::new();
        for (k, v) in items {
            table.insert(k, v);
        }
        table
    }
}

impl<T: Serialize> Serialize for Table<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_map(self.0.iter().map(|(k, v)| (k, v)))
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Table<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let map = std::collections::BTreeMap::<String, T>::deserialize(deserializer)?;
        Ok(map.into_iter().collect())
    }
}

impl<T: JsonSchema> JsonSchema for Table<T> {
    fn inline_schema() -> bool {
        true
    }

    fn schema_name() -> Cow<'static, str> {
        std::collections::BTreeMap::<String, T>::schema_name()
    }

    fn schema_id() -> Cow<'static, str> {
        std::collections::BTreeMap::<String, T>::schema_id()
    }

    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        std::collections::BTreeMap::<String, T>::json_schema(generator)
    }
}

/// Orders a short list in place, stably: `before(a, b)` when `a` goes
/// first. An insertion sort, for short lists (the drafts list): the
/// standard sorts would put their own code in the browser bundle for each
/// element type.
pub fn sort_short_by<T>(items: &mut [T], before: impl Fn(&T, &T) -> bool) {
    for i in 1..items.len() {
        let mut j = i;
        while j > 0 && before(&items[j], &items[j - 1]) {
            items.swap(j, j - 1);
            j -= 1;
        }
    }
}

/// Orders a list of any length in place, not stably: for items whose
/// keys are all different (one JSON object's keys), where stability is
/// moot. A heap sort: O(n log n) on untrusted input, where an insertion
/// sort would let one object of many keys stall the service, and a few
/// dozen bytes of wasm where the standard sort brings its own kilobytes.
pub fn sort_distinct_by<T>(items: &mut [T], before: impl Fn(&T, &T) -> bool) {
    let sift_down = |items: &mut [T], mut root: usize, end: usize| loop {
        let mut child = 2 * root + 1;
        if child >= end {
            break;
        }
        if child + 1 < end && before(&items[child], &items[child + 1]) {
            child += 1;
        }
        if !before(&items[root], &items[child]) {
            break;
        }
        items.swap(root, child);
        root = child;
    };
    let len = items.len();
    for root in (0..len / 2).rev() {
        sift_down(items, root, len);
    }
    for end in (1..len).rev() {
        items.swap(0, end);
        sift_down(items, 0, end);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;

    #[test]
    fn sort_short_by_is_a_stable_sort() {
        let mut items = [(3, 'a'), (1, 'b'), (3, 'c'), (0, 'd'), (1, 'e')];
        let mut expected = items;
        expected.sort_by_key(|&(k, _)| k);
        sort_short_by(&mut items, |a, b| a.0 < b.0);
        assert_eq!(items, expected);
        sort_short_by(&mut [] as &mut [u8], |a, b| a < b);
    }

    #[test]
    fn sort_distinct_by_sorts_any_length() {
        // A fixed pseudo-random walk over lengths 0..200, duplicates too.
        let mut seed = 0x2545_f491_u32;
        for len in 0..200 {
            let mut items: Vec<u32> = (0..len)
                .map(|_| {
                    seed ^= seed << 13;
                    seed ^= seed >> 17;
                    seed ^= seed << 5;
                    seed % 97
                })
                .collect();
            let mut expected = items.clone();
            expected.sort_unstable();
            sort_distinct_by(&mut items, |a, b| a < b);
            assert_eq!(items, expected, "length {len}");
        }
    }

    #[test]
    fn behaves_as_an_ordered_map_and_writes_the_same_json() {
        let pairs = [("b", 2), ("a", 1), ("c", 3), ("a", 4)];
        let table: Table<i32> = pairs.iter().map(|(k, v)| (k.to_string(), *v)).collect();
        let map: BTreeMap<String, i32> = pairs.iter().map(|(k, v)| (k.to_string(), *v)).collect();
        assert_eq!(table.len(), map.len());
        for key in ["a", "b", "c", "d", ""] {
            assert_eq!(table.get(key), map.get(key), "{key}");
            assert_eq!(table.contains_key(key), map.contains_key(key));
        }
        assert!(table
            .iter()
            .map(|(k, _)| k)
            .eq(map.keys().map(String::as_str)));
        assert_eq!(
            serde_json::to_string(&table).unwrap(),
            serde_json::to_string(&map).unwrap()
        );
        let back: Table<i32> = serde_json::from_str(r#"{"z":1,"y":2}"#).unwrap();
        assert_eq!(back.iter().map(|(k, _)| k).collect::<Vec<_>>(), ["y", "z"]);
        assert_eq!(
            serde_json::to_value(schemars::schema_for!(Table<String>)).unwrap(),
            serde_json::to_value(schemars::schema_for!(BTreeMap<String, String>)).unwrap()
        );
    }
}
