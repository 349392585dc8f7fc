//! Feature hashing: strings and feature templates to 64-bit keys, without allocating.
//!
//! A feature is a template id mixed with up to four component hashes; the
//! perceptron indexes its weight table with the low bits of the result.

/// FNV-1a offset basis.
const FNV_BASIS: u64 = 0xcbf2_9ce4_8422_2325;
/// FNV-1a prime.
const FNV_PRIME: u64 = 0x0000_0100_0000_01b3;

/// Hash of a string's bytes (FNV-1a); `const`, so that labels can be hashed at compile time.
pub(crate) const fn hash_str(s: &str) -> u64 {
    let b = s.as_bytes();
    let mut h = FNV_BASIS;
    let mut i = 0;
    while i < b.len() {
        h = (h ^ b[i] as u64).wrapping_mul(FNV_PRIME);
        i += 1;
    }
    h
}

/// Hash of a word's normalized form: lower-cased, every decimal digit read as `0`,
/// curly apostrophes read as straight ones. Equal to `hash_str` of that form.
pub(crate) fn hash_norm(s: &str) -> u64 {
    let mut h = FNV_BASIS;
    let mut buf = [0u8; 4];
    for c in s.chars() {
        let c = match c {
            '0'..='9' => '0',
            '\u{2019}' | '\u{02bc}' => '\'',
            c if c.is_ascii() => c.to_ascii_lowercase(),
            c => c.to_lowercase().next().unwrap_or(c),
        };
        for &b in c.encode_utf8(&mut buf).as_bytes() {
            h = (h ^ u64::from(b)).wrapping_mul(FNV_PRIME);
        }
    }
    h
}

/// Combine a running hash with one more component.
#[inline]
pub(crate) fn mix(h: u64, x: u64) -> u64 {
    (h.rotate_left(23) ^ x).wrapping_mul(0x9e37_79b9_7f4a_7c15)
}

/// Final avalanche (MurmurHash3's fmix64), so that the low bits depend on every input bit.
#[inline]
pub(crate) fn finish(mut h: u64) -> u64 {
    h ^= h >> 33;
    h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
    h ^= h >> 33;
    h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    h ^ (h >> 33)
}

/// A growing list of hashed features for one decision.
#[derive(Debug, Default, Clone)]
pub(crate) struct Feats {
    /// The feature keys.
    pub(crate) keys: Vec<u64>,
}

impl Feats {
    /// Forget all features, keeping the allocation.
    #[inline]
    pub(crate) fn clear(&mut self) {
        self.keys.clear();
    }

    /// Template `t` with one component.
    #[inline]
    pub(crate) fn f1(&mut self, t: u64, a: u64) {
        self.keys.push(finish(mix(t, a)));
    }

    /// Template `t` with two components.
    #[inline]
    pub(crate) fn f2(&mut self, t: u64, a: u64, b: u64) {
        self.keys.push(finish(mix(mix(t, a), b)));
    }

    /// Template `t` with three components.
    #[inline]
    pub(crate) fn f3(&mut self, t: u64, a: u64, b: u64, c: u64) {
        self.keys.push(finish(mix(mix(mix(t, a), b), c)));
    }

    /// Template `t` with four components.
    #[inline]
    pub(crate) fn f4(&mut self, t: u64, a: u64, b: u64, c: u64, d: u64) {
        self.keys.push(finish(mix(mix(mix(mix(t, a), b), c), d)));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn norm_folds_case_digits_and_apostrophes() {
        assert_eq!(hash_norm("Said"), hash_str("said"));
        assert_eq!(hash_norm("1,500"), hash_str("0,000"));
        assert_eq!(hash_norm("Korea\u{2019}s"), hash_str("korea's"));
        assert_ne!(hash_norm("said"), hash_norm("says"));
    }

    #[test]
    fn templates_are_distinguished() {
        let mut f = Feats::default();
        f.f1(1, 7);
        f.f1(2, 7);
        f.f2(1, 7, 0);
        assert_ne!(f.keys[0], f.keys[1]);
        assert_ne!(f.keys[0], f.keys[2]);
    }
}
