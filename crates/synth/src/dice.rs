//! The generators' source of randomness: a seeded ChaCha stream, so a seed names one
//! document on every machine and every run.

use rand::seq::{IndexedRandom, SliceRandom};
use rand::{RngExt, SeedableRng};
use rand_chacha::ChaCha8Rng;

/// Seeded choices.
#[derive(Clone, Debug)]
pub struct Dice(ChaCha8Rng);

impl Dice {
    pub fn new(seed: u64) -> Dice {
        Dice(ChaCha8Rng::seed_from_u64(seed))
    }

    /// A second, independent stream of the same seed (`stream` ≥ 1; stream 0 is
    /// [`Dice::new`]'s): choices drawn from it leave the first stream's untouched.
    pub fn stream(seed: u64, stream: u64) -> Dice {
        let mut rng = ChaCha8Rng::seed_from_u64(seed);
        rng.set_stream(stream);
        Dice(rng)
    }

    /// True with probability `p`.
    pub fn chance(&mut self, p: f64) -> bool {
        self.0.random_bool(p.clamp(0.0, 1.0))
    }

    /// A number in `lo..=hi` (`lo` when `hi < lo`).
    pub fn range(&mut self, lo: usize, hi: usize) -> usize {
        if hi <= lo {
            lo
        } else {
            self.0.random_range(lo..=hi)
        }
    }

    /// A number in `0..n` (0 when `n` is 0).
    pub fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            self.0.random_range(0..n)
        }
    }

    /// One element of a pool. Pools are the generators' own constants, never empty.
    pub fn pick<'a, T>(&mut self, pool: &'a [T]) -> &'a T {
        pool.choose(&mut self.0).expect("a generator pool is never empty")
    }

    /// `n` distinct elements of a pool (all of it when it is smaller), in random order.
    pub fn sample<'a, T>(&mut self, pool: &'a [T], n: usize) -> Vec<&'a T> {
        pool.sample(&mut self.0, n.min(pool.len())).collect()
    }

    pub fn shuffle<T>(&mut self, items: &mut [T]) {
        items.shuffle(&mut self.0);
    }

    /// One of `choices` by weight (`(weight, value)`); the last when all weights are zero.
    pub fn weighted<T: Copy>(&mut self, choices: &[(u32, T)]) -> T {
        let total: u32 = choices.iter().map(|c| c.0).sum();
        let mut at = self.below(total as usize) as u32;
        for &(w, v) in choices {
            if at < w {
                return v;
            }
            at -= w;
        }
        choices.last().map(|c| c.1).expect("a generator pool is never empty")
    }
}
