//! The "that" clause of a reporting verb, when the taggers found no content:
//! "Kestria's defence minister, Anneli Roskvist, said on Thursday that between
//! 3,000 and 4,000 troops were in the country, …" — a parse that hangs the
//! clause elsewhere leaves the cue without content; the clause after "that"
//! (PolNeAR keeps the "that") to the end of the sentence is it.

use crate::lexicon::SPEECH;
use crate::view::{DocView, NONE};

/// Most tokens between the cue and its "that" ("on Thursday", "in a statement on Monday").
const MAX_GAP: usize = 6;

/// The content of a speech verb `cue` followed by an adjunct and "that": the
/// tokens from "that" to the end of the sentence, without final punctuation.
pub(crate) fn that_clause(v: &DocView, cue: (usize, usize)) -> Option<(usize, usize)> {
    let head = v.top_of(cue.0, cue.1);
    if v.lex[head] & SPEECH == 0 || !v.toks[head].pos.starts_with("VB") {
        return None;
    }
    let (_, shi) = v.sents[v.sent[cue.0] as usize];
    let shi = shi as usize;
    let that = (cue.1..shi.min(cue.1 + MAX_GAP + 1))
        .find(|&k| v.form(k).eq_ignore_ascii_case("that") && v.quote[k] == NONE)?;
    let gap_plain = (cue.1..that).all(|k| {
        !v.toks[k].pos.starts_with("VB")
            && v.quote[k] == NONE
            && !matches!(v.form(k), "," | ";" | ":")
    });
    let mut end = shi;
    while end > that + 1 && v.punct[end - 1] && v.quote[end - 1] == NONE {
        end -= 1;
    }
    (gap_plain && end > that + 2).then_some((that, end))
}

/// The first content piece after a speech verb, started where its clause
/// starts: the words between the cue and the piece that the parse puts in
/// the piece's clause ("said up to 40 percent of the harvest could be lost",
/// where the tagger began at "harvest"). An adjunct of the cue ("said on
/// Monday that …") is outside that clause and stays out.
pub(crate) fn clause_start(v: &DocView, cue: (usize, usize), content: &mut [(usize, usize)]) {
    let head = v.top_of(cue.0, cue.1);
    // "told MSNBC's program that …": the addressee is no content.
    let addressee = matches!(v.lemma_str(head), "tell" | "inform" | "brief" | "assure");
    if v.lex[head] & SPEECH == 0 || !v.toks[head].pos.starts_with("VB") || addressee {
        return;
    }
    let Some(piece) = content
        .iter_mut()
        .find(|p| p.0 >= cue.1 && v.sent[p.0] == v.sent[cue.0])
    else {
        return;
    };
    let top = v.top_of(piece.0, piece.1);
    // A piece that starts inside a noun phrase ("… sugar beet | harvest could
    // be lost") takes the rest of the phrase whatever the parse says.
    let np_inside = |k: usize| {
        matches!(
            v.toks[k].pos.as_str(),
            "NN" | "NNS" | "NNP" | "NNPS" | "JJ" | "JJR" | "DT" | "CD" | "POS" | "PRP$" | "TO"
        ) || matches!(v.form(k), "of" | "up" | "about" | "than" | "more")
    };
    let mid_phrase = v.toks[piece.0].pos.starts_with("NN") && np_inside(piece.0 - 1);
    while piece.0 > cue.1 {
        let k = piece.0 - 1;
        let joins = v.under(k, top) || (mid_phrase && np_inside(k));
        if v.punct[k] || v.quote[k] != NONE || !joins || v.under(head, k) {
            break;
        }
        piece.0 = k;
    }
}
