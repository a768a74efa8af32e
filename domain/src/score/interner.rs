//! Dense ids for values the packed store holds many times (targets, qualifications).

use std::collections::HashMap;

/// Values interned to dense ids in the order first seen; ids never change.
#[derive(Debug, Clone)]
pub(crate) struct Interner<T> {
    ids: HashMap<T, u32>,
    pub(crate) values: Vec<T>,
}

impl<T> Default for Interner<T> {
    fn default() -> Self {
        Self {
            ids: HashMap::new(),
            values: Vec::new(),
        }
    }
}

impl<T: std::hash::Hash + Eq + Clone> Interner<T> {
    pub(crate) fn intern(&mut self, value: &T) -> u32 {
        if let Some(id) = self.ids.get(value) {
            return *id;
        }
        let id = u32::try_from(self.values.len()).unwrap_or(u32::MAX);
        self.ids.insert(value.clone(), id);
        self.values.push(value.clone());
        id
    }

    pub(crate) fn get(&self, value: &T) -> Option<u32> {
        self.ids.get(value).copied()
    }

    pub(crate) fn len(&self) -> usize {
        self.values.len()
    }
}
