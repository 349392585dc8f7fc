//! Stable UUIDs made from hearsay's ids.

use uuid::Uuid;

/// The namespace of every UUIDv5 hearsay makes: the v5 UUID of
/// `https://hearsay.invalid/export` in the URL namespace.
pub const NAMESPACE: Uuid = Uuid::from_u128(0xa19b_7eed_13dd_515e_9663_a3fd_bed8_866b);

/// The UUIDv5 of `kind:id` in [`NAMESPACE`]: the same hearsay id always
/// gives the same UUID, and the same id in two kinds of object gives two.
///
/// ```
/// let a = hearsay_export::uuid_of("note", "c024bf177cba2");
/// assert_eq!(a, hearsay_export::uuid_of("note", "c024bf177cba2"));
/// assert_ne!(a, hearsay_export::uuid_of("grouping", "c024bf177cba2"));
/// assert_eq!(a.get_version_num(), 5);
/// ```
pub fn uuid_of(kind: &str, id: &str) -> Uuid {
    Uuid::new_v5(&NAMESPACE, format!("{kind}:{id}").as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_namespace_is_the_documented_one() {
        assert_eq!(
            NAMESPACE,
            Uuid::new_v5(&Uuid::NAMESPACE_URL, b"https://hearsay.invalid/export")
        );
    }
}
