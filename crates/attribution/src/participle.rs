//! The speaker of a reporting participle: "Trump was similarly defensive …,
//! saying, "Maybe he didn't do a good job"", "Clinton told the audience …,
//! saying that …", "After saying her foot was swollen, she was whisked …",
//! "postings that included one saying that …". The participle has no subject
//! of its own; its speaker is the subject of the clause it hangs on, or the
//! noun it modifies. The taggers, finding no subject before the cue, take a
//! word of the content ("he", "we") or nothing.

use crate::lexicon::SPEECH;
use crate::role::Roles;
use crate::view::{DocView, NONE};

/// How many heads up from the participle the speaker is looked for.
const MAX_UP: usize = 3;

/// Tokens `lo..=i` of the phrase that token `i` heads, from its leftmost
/// dependent in its sentence, as `(lo, i + 1)`.
fn left_phrase(v: &DocView, i: usize) -> (usize, usize) {
    let slo = v.sents[v.sent[i] as usize].0 as usize;
    let lo = (slo..i).find(|&k| v.under(k, i)).unwrap_or(i);
    (lo, i + 1)
}

/// The whole phrase that token `i` heads in its sentence, up to `limit`,
/// without the punctuation closing it ("The minister, Edda Hollen,").
fn phrase(v: &DocView, i: usize, limit: usize) -> (usize, usize) {
    let (lo, _) = left_phrase(v, i);
    let mut hi = (i + 1..limit)
        .take_while(|&k| v.under(k, i))
        .last()
        .map_or(i + 1, |k| k + 1);
    while hi > i + 1 && v.punct[hi - 1] {
        hi -= 1;
    }
    (lo, hi)
}

/// A noun, a pronoun or a number ("one saying that …").
fn nominal(v: &DocView, i: usize) -> bool {
    let p = v.toks[i].pos.as_str();
    p.starts_with("NN") || matches!(p, "PRP" | "CD")
}

/// The subject before `c` of the verb `a`, as its whole phrase.
fn subject_of(v: &DocView, a: usize, c: usize) -> Option<(usize, usize)> {
    v.kids(a)
        .iter()
        .map(|&k| k as usize)
        .find(|&k| k < c && matches!(v.toks[k].deprel.as_str(), "nsubj" | "nsubjpass"))
        .map(|s| phrase(v, s, c))
}

/// The speaker of the participle `c`, or `None`. After a comma (", saying
/// …") the participle belongs to the main clause, whatever clause the parse
/// hangs it on.
fn speaker(v: &DocView, c: usize) -> Option<(usize, usize)> {
    let (slo, shi) = v.sents[v.sent[c] as usize];
    if after_comma(v, c) {
        let root = (slo as usize..shi as usize).find(|&k| v.head[k] == NONE)?;
        return if root < c {
            subject_of(v, root, c)
        } else {
            None
        };
    }
    let mut h = v.head[c];
    for _ in 0..MAX_UP {
        if h == NONE {
            return None;
        }
        let a = h as usize;
        if nominal(v, a) && a < c {
            return Some(left_phrase(v, a));
        }
        if let Some(s) = subject_of(v, a, c) {
            return Some(s);
        }
        h = v.head[a];
    }
    None
}

/// Is the participle `c` set off by a comma (", saying …")?
fn after_comma(v: &DocView, c: usize) -> bool {
    c > 0 && v.form(c - 1) == ","
}

/// Give a one-word reporting participle (`VBG`) the speaker of its clause
/// when it follows a comma, or when the taggers found no source before it or
/// took one inside its content.
pub(crate) fn source(v: &DocView, cue: (usize, usize), roles: &mut Roles) {
    let c = cue.0;
    if cue.1 != c + 1 || v.toks[c].pos != "VBG" || v.lex[c] & SPEECH == 0 {
        return;
    }
    let misplaced = match roles.source {
        None => true,
        Some((a, b)) => a >= cue.1 || roles.content.iter().any(|&(x, y)| x <= a && b <= y),
    };
    if (misplaced || after_comma(v, c))
        && let Some(s) = speaker(v, c)
    {
        roles.source = Some(s);
    }
}
