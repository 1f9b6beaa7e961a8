//! Disjoint sets over record indices: pairs found become groups ("A = B and B = C" is one
//! group of three).

pub(super) struct UnionFind {
    parent: Vec<u32>,
    size: Vec<u32>,
}

impl UnionFind {
    pub fn new(n: usize) -> UnionFind {
        UnionFind {
            parent: (0..n as u32).collect(),
            size: vec![1; n],
        }
    }

    pub fn find(&mut self, x: u32) -> u32 {
        let mut root = x;
        while let Some(&p) = self.parent.get(root as usize) {
            if p == root {
                break;
            }
            root = p;
        }
        // Path compression, iteratively: no recursion depth to run out of.
        let mut x = x;
        while let Some(p) = self.parent.get_mut(x as usize) {
            if *p == root {
                break;
            }
            x = std::mem::replace(p, root);
        }
        root
    }

    pub fn union(&mut self, a: u32, b: u32) {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra == rb {
            return;
        }
        let (sa, sb) = (self.size[ra as usize], self.size[rb as usize]);
        let (big, small) = if sa >= sb { (ra, rb) } else { (rb, ra) };
        self.parent[small as usize] = big;
        self.size[big as usize] = sa + sb;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chains_join() {
        let mut uf = UnionFind::new(6);
        uf.union(0, 1);
        uf.union(2, 1);
        uf.union(4, 5);
        assert_eq!(uf.find(0), uf.find(2));
        assert_ne!(uf.find(0), uf.find(4));
        assert_eq!(uf.find(3), 3);
    }
}
