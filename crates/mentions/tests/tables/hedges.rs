//! Hedges, evidentials, negations and denials.

use super::{Report, analyze};
use hearsay_core::{Certainty as C, HedgeKind as K};

/// (text, marker as written, kind, certainty, text the scope must contain).
type Row = (&'static str, &'static str, K, C, &'static str);

const CASES: &[Row] = &[
    (
        "North Korea is likely to send more soldiers in the future.",
        "is likely to",
        K::Hedge,
        C::Probable,
        "send more soldiers",
    ),
    (
        "North Koreaʼs military could fill a variety of roles.",
        "could",
        K::Hedge,
        C::Possible,
        "fill a variety of roles",
    ),
    (
        "It sent troops to Egypt, and possibly to Syria and Zimbabwe.",
        "possibly",
        K::Hedge,
        C::Possible,
        "to Syria and Zimbabwe",
    ),
    (
        "The troops may arrive soon.",
        "may",
        K::Hedge,
        C::Possible,
        "arrive soon",
    ),
    (
        "The troops might arrive soon.",
        "might",
        K::Hedge,
        C::Possible,
        "arrive soon",
    ),
    (
        "Perhaps the troops left.",
        "Perhaps",
        K::Hedge,
        C::Possible,
        "the troops left",
    ),
    (
        "Maybe the troops left.",
        "Maybe",
        K::Hedge,
        C::Possible,
        "the troops left",
    ),
    (
        "The troops probably left.",
        "probably",
        K::Hedge,
        C::Probable,
        "left",
    ),
    (
        "The troops likely left.",
        "likely",
        K::Hedge,
        C::Probable,
        "left",
    ),
    (
        "The troops are likely to leave.",
        "are likely to",
        K::Hedge,
        C::Probable,
        "leave",
    ),
    (
        "The troops were likely to leave.",
        "were likely to",
        K::Hedge,
        C::Probable,
        "leave",
    ),
    (
        "The troops are expected to leave.",
        "are expected to",
        K::Hedge,
        C::Probable,
        "leave",
    ),
    (
        "The troops are believed to be in Kursk.",
        "are believed to",
        K::Evidential,
        C::Probable,
        "in Kursk",
    ),
    (
        "The troops are thought to be in Kursk.",
        "are thought to",
        K::Evidential,
        C::Probable,
        "in Kursk",
    ),
    (
        "The general is said to be ill.",
        "is said to",
        K::Evidential,
        C::Possible,
        "ill",
    ),
    (
        "The general is reported to be ill.",
        "is reported to",
        K::Evidential,
        C::Possible,
        "ill",
    ),
    (
        "The troops reportedly left.",
        "reportedly",
        K::Evidential,
        C::Possible,
        "left",
    ),
    (
        "The troops allegedly left.",
        "allegedly",
        K::Evidential,
        C::Possible,
        "left",
    ),
    (
        "The troops apparently left.",
        "apparently",
        K::Evidential,
        C::Probable,
        "left",
    ),
    (
        "The troops purportedly left.",
        "purportedly",
        K::Evidential,
        C::Possible,
        "left",
    ),
    (
        "The troops supposedly left.",
        "supposedly",
        K::Evidential,
        C::Possible,
        "left",
    ),
    (
        "The alleged attack killed two.",
        "alleged",
        K::Evidential,
        C::Possible,
        "attack",
    ),
    (
        "The troops appear to have left.",
        "appear to",
        K::Hedge,
        C::Probable,
        "have left",
    ),
    (
        "The troops seem to have left.",
        "seem to",
        K::Hedge,
        C::Probable,
        "have left",
    ),
    (
        "The troops appeared to leave.",
        "appeared to",
        K::Hedge,
        C::Probable,
        "leave",
    ),
    (
        "Unconfirmed reports say the troops left.",
        "Unconfirmed",
        K::Evidential,
        C::Doubtful,
        "reports",
    ),
    (
        "The claim could not be independently verified.",
        "could not be independently verified",
        K::Evidential,
        C::Doubtful,
        "The claim",
    ),
    (
        "Reuters could not verify the claim.",
        "could not verify",
        K::Evidential,
        C::Doubtful,
        "the claim",
    ),
    (
        "The report has not been confirmed.",
        "has not been confirmed",
        K::Evidential,
        C::Doubtful,
        "The report",
    ),
    (
        "It is unlikely that the troops left.",
        "unlikely",
        K::Hedge,
        C::Doubtful,
        "the troops left",
    ),
    (
        "The troops are unlikely to leave.",
        "are unlikely to",
        K::Hedge,
        C::Doubtful,
        "leave",
    ),
    (
        "It is unclear whether the troops left.",
        "is unclear",
        K::Hedge,
        C::Doubtful,
        "the troops left",
    ),
    (
        "It is not clear whether the troops left.",
        "is not clear",
        K::Hedge,
        C::Doubtful,
        "the troops left",
    ),
    (
        "There is no evidence that troops were sent.",
        "no evidence",
        K::Negation,
        C::Doubtful,
        "troops were sent",
    ),
    (
        "There is no sign of the troops.",
        "no sign",
        K::Negation,
        C::Doubtful,
        "the troops",
    ),
    (
        "There is no indication that troops left.",
        "no indication",
        K::Negation,
        C::Doubtful,
        "troops left",
    ),
    (
        "The troops did not leave.",
        "not",
        K::Negation,
        C::Certain,
        "leave",
    ),
    (
        "The troops didn't leave.",
        "n't",
        K::Negation,
        C::Certain,
        "leave",
    ),
    (
        "The troops never left.",
        "never",
        K::Negation,
        C::Certain,
        "left",
    ),
    (
        "No troops were sent.",
        "No",
        K::Negation,
        C::Certain,
        "troops were sent",
    ),
    (
        "Nobody saw the troops.",
        "Nobody",
        K::Negation,
        C::Certain,
        "saw the troops",
    ),
    (
        "The Kremlin denied that troops were sent.",
        "denied",
        K::Denial,
        C::Certain,
        "troops were sent",
    ),
    (
        "The Kremlin denies that troops were sent.",
        "denies",
        K::Denial,
        C::Certain,
        "troops were sent",
    ),
    (
        "Moscow rejected the claims.",
        "rejected",
        K::Denial,
        C::Certain,
        "the claims",
    ),
    (
        "Seoul dismissed the report.",
        "dismissed",
        K::Denial,
        C::Certain,
        "the report",
    ),
    (
        "Pyongyang disputed the figures.",
        "disputed",
        K::Denial,
        C::Certain,
        "the figures",
    ),
    (
        "The claims were refuted by Kyiv.",
        "refuted",
        K::Denial,
        C::Certain,
        "by Kyiv",
    ),
    (
        "The troops could be there, officials said.",
        "could",
        K::Hedge,
        C::Possible,
        "be there",
    ),
    (
        "More soldiers might be sent, but none has arrived.",
        "might",
        K::Hedge,
        C::Possible,
        "be sent",
    ),
    (
        "It is possible that troops left.",
        "possible",
        K::Hedge,
        C::Possible,
        "troops left",
    ),
    (
        "The data suggests that troops left.",
        "suggests",
        K::Hedge,
        C::Probable,
        "troops left",
    ),
    (
        "The troops are suspected of looting.",
        "are suspected of",
        K::Evidential,
        C::Possible,
        "looting",
    ),
    (
        "The so-called volunteers arrived.",
        "so-called",
        K::Evidential,
        C::Possible,
        "volunteers",
    ),
    (
        "He conceivably could win.",
        "conceivably",
        K::Hedge,
        C::Possible,
        "win",
    ),
    (
        "A potential deal was discussed.",
        "potential",
        K::Hedge,
        C::Possible,
        "deal",
    ),
];

/// (text, words that are not a hedge here).
const NOT_HEDGES: &[(&str, &str)] = &[
    ("It was signed in May 2024.", "May"),
    ("It happened on May 9.", "May"),
    ("Not only troops but tanks were sent.", "Not"),
    ("There is no doubt about it.", "no"),
    ("No matter what, they will go.", "No"),
    ("The troops left on Friday.", "left"),
];

#[test]
fn hedges_and_polarity() {
    let mut r = Report::default();
    for &(text, marker, kind, certainty, scope) in CASES {
        let a = analyze(text, None);
        let t = a.text();
        let h = a.hedges.iter().find(|h| h.span.text(t) == marker);
        r.check(
            h.is_some_and(|h| {
                h.kind == kind && h.certainty == certainty && h.scope.text(t).contains(scope)
            }),
            || {
                let all: Vec<String> = a
                    .hedges
                    .iter()
                    .map(|h| {
                        format!(
                            "{:?} {:?}/{:?} scope {:?}",
                            h.span.text(t),
                            h.kind,
                            h.certainty,
                            h.scope.text(t)
                        )
                    })
                    .collect();
                format!(
                    "{text:?}: want {marker:?} {kind:?}/{certainty:?} over {scope:?}; got {all:?}"
                )
            },
        );
    }
    for &(text, word) in NOT_HEDGES {
        let a = analyze(text, None);
        let t = a.text();
        let hit = a.hedges.iter().find(|h| h.span.text(t) == word);
        r.check(hit.is_none(), || {
            format!("{text:?}: {word:?} is not a hedge here")
        });
    }
    r.finish("hedges", 60);
}
