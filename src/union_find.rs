//! Disjoint sets over `0..n`, for every stage that merges items transitively (quote
//! clusters, findings of one detail).
//!
//! Union by smaller index with path halving: the root of a set is its smallest member, so
//! the result never depends on the order in which unions happen.

/// Disjoint sets of `0..n`.
#[derive(Debug, Clone)]
pub struct UnionFind {
    parent: Vec<usize>,
}

impl UnionFind {
    /// `n` singletons.
    pub fn new(n: usize) -> Self {
        UnionFind {
            parent: (0..n).collect(),
        }
    }

    /// The smallest member of `x`'s set.
    pub fn find(&mut self, mut x: usize) -> usize {
        while self.parent[x] != x {
            self.parent[x] = self.parent[self.parent[x]];
            x = self.parent[x];
        }
        x
    }

    /// Merges the sets of `a` and `b`; returns the new root.
    pub fn union(&mut self, a: usize, b: usize) -> usize {
        let (ra, rb) = (self.find(a), self.find(b));
        let (root, child) = (ra.min(rb), ra.max(rb));
        self.parent[child] = root;
        root
    }

    /// The sets, each ascending, in order of their smallest member.
    pub fn sets(&mut self) -> Vec<Vec<usize>> {
        let n = self.parent.len();
        let mut slot: Vec<Option<usize>> = vec![None; n];
        let mut sets: Vec<Vec<usize>> = Vec::new();
        for i in 0..n {
            let r = self.find(i);
            match slot[r] {
                Some(s) => sets[s].push(i),
                None => {
                    slot[r] = Some(sets.len());
                    sets.push(vec![i]);
                }
            }
        }
        sets
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sets_do_not_depend_on_the_order_of_unions() {
        let mut a = UnionFind::new(6);
        a.union(4, 1);
        a.union(1, 3);
        a.union(5, 0);
        let mut b = UnionFind::new(6);
        b.union(0, 5);
        b.union(3, 1);
        b.union(3, 4);
        assert_eq!(a.sets(), vec![vec![0, 5], vec![1, 3, 4], vec![2]]);
        assert_eq!(a.sets(), b.sets());
        assert_eq!(a.find(4), 1);
    }
}
