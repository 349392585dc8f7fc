//! The Admiralty code (STANAG 2511): source reliability A–F and information
//! credibility 1–6, their words, and how other formats spell them.

/// Words for a source reliability grade (`A`–`F`); an unknown grade reads as `F`.
pub fn reliability_words(grade: &str) -> &'static str {
    match reliability(grade) {
        'A' => "Completely reliable",
        'B' => "Usually reliable",
        'C' => "Fairly reliable",
        'D' => "Not usually reliable",
        'E' => "Unreliable",
        _ => "Reliability cannot be judged",
    }
}

/// Words for an information credibility grade; none (or out of range) reads as 6.
///
/// ```
/// assert_eq!(hearsay_export::credibility_words(Some(2)), "Probably true");
/// assert_eq!(hearsay_export::credibility_words(None), "Truth cannot be judged");
/// ```
pub fn credibility_words(grade: Option<u8>) -> &'static str {
    match credibility(grade) {
        1 => "Confirmed by other sources",
        2 => "Probably true",
        3 => "Possibly true",
        4 => "Doubtful",
        5 => "Improbable",
        _ => "Truth cannot be judged",
    }
}

/// The reliability letter of a grade, `F` when it is not one of `A`–`F`.
pub(crate) fn reliability(grade: &str) -> char {
    match grade.trim().to_ascii_uppercase().as_str() {
        g @ ("A" | "B" | "C" | "D" | "E" | "F") => g.chars().next().unwrap_or('F'),
        _ => 'F',
    }
}

/// The credibility digit of a grade, 6 when there is none.
pub(crate) fn credibility(grade: Option<u8>) -> u8 {
    grade.filter(|g| (1..=6).contains(g)).unwrap_or(6)
}

/// The two-character code, `B2`.
///
/// ```
/// assert_eq!(hearsay_export::admiralty_code("b", Some(2)), "B2");
/// assert_eq!(hearsay_export::admiralty_code("?", None), "F6");
/// ```
pub fn admiralty_code(reliability_grade: &str, credibility_grade: Option<u8>) -> String {
    format!(
        "{}{}",
        reliability(reliability_grade),
        credibility(credibility_grade)
    )
}

/// The STIX 2.1 `confidence` of a credibility grade, per the "Admiralty
/// Credibility" scale of the STIX confidence appendix: 1 → 90, 2 → 70,
/// 3 → 50, 4 → 30, 5 → 10; 6 (truth cannot be judged) has none.
///
/// ```
/// assert_eq!(hearsay_export::stix_confidence(Some(1)), Some(90));
/// assert_eq!(hearsay_export::stix_confidence(Some(6)), None);
/// ```
pub fn stix_confidence(grade: Option<u8>) -> Option<u8> {
    match credibility(grade) {
        6 => None,
        g => Some(110 - 20 * g),
    }
}

/// The MISP `admiralty-scale` taxonomy tags of a grade:
/// `admiralty-scale:source-reliability="b"` and
/// `admiralty-scale:information-credibility="2"`.
pub fn misp_tags(reliability_grade: &str, credibility_grade: Option<u8>) -> [String; 2] {
    [
        misp_reliability_tag(reliability_grade),
        format!(
            "admiralty-scale:information-credibility=\"{}\"",
            credibility(credibility_grade)
        ),
    ]
}

/// The MISP `admiralty-scale` tag of a source reliability grade alone.
pub fn misp_reliability_tag(reliability_grade: &str) -> String {
    format!(
        "admiralty-scale:source-reliability=\"{}\"",
        reliability(reliability_grade).to_ascii_lowercase()
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_credibility_grade_has_its_stix_confidence() {
        let got: Vec<Option<u8>> = (1..=6).map(|g| stix_confidence(Some(g))).collect();
        assert_eq!(
            got,
            [Some(90), Some(70), Some(50), Some(30), Some(10), None]
        );
        assert_eq!(stix_confidence(Some(0)), None);
    }

    #[test]
    fn misp_tags_use_the_taxonomy_spelling() {
        assert_eq!(
            misp_tags("C", Some(3)),
            [
                "admiralty-scale:source-reliability=\"c\"".to_string(),
                "admiralty-scale:information-credibility=\"3\"".to_string()
            ]
        );
        assert_eq!(reliability_words("x"), "Reliability cannot be judged");
    }
}
