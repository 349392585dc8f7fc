//! Quantities: values, bounds, units, approximation.

use super::{Report, analyze};

/// (text, the quantity as written, value, min, max, unit, approximate).
type Row = (
    &'static str,
    &'static str,
    Option<f64>,
    Option<f64>,
    Option<f64>,
    Option<&'static str>,
    bool,
);

const N: Option<f64> = None;

const CASES: &[Row] = &[
    // Digits with separators and decimals.
    (
        "The DPRK sent 1,500 special forces to Russia.",
        "1,500 special forces",
        Some(1500.0),
        N,
        N,
        Some("special forces"),
        false,
    ),
    (
        "It sent 12,000 soldiers.",
        "12,000 soldiers",
        Some(12000.0),
        N,
        N,
        Some("soldiers"),
        false,
    ),
    (
        "It sent 1,000,000 shells.",
        "1,000,000 shells",
        Some(1e6),
        N,
        N,
        Some("shells"),
        false,
    ),
    (
        "Prices rose 2.5 percent.",
        "2.5 percent",
        Some(2.5),
        N,
        N,
        Some("percent"),
        false,
    ),
    (
        "Prices rose 2.5%.",
        "2.5%",
        Some(2.5),
        N,
        N,
        Some("percent"),
        false,
    ),
    (
        "Support fell 3 per cent.",
        "3 per cent",
        Some(3.0),
        N,
        N,
        Some("percent"),
        false,
    ),
    (
        "Support fell 4 percentage points.",
        "4 percentage points",
        Some(4.0),
        N,
        N,
        Some("percentage points"),
        false,
    ),
    (
        "He counted 17 drones.",
        "17 drones",
        Some(17.0),
        N,
        N,
        Some("drones"),
        false,
    ),
    (
        "They fired 300 missiles.",
        "300 missiles",
        Some(300.0),
        N,
        N,
        Some("missiles"),
        false,
    ),
    (
        "About 40 tanks were lost.",
        "About 40 tanks",
        Some(40.0),
        N,
        N,
        Some("tanks"),
        true,
    ),
    // Scale words.
    (
        "It costs 1.5 million dollars.",
        "1.5 million dollars",
        Some(1.5e6),
        N,
        N,
        Some("USD"),
        false,
    ),
    (
        "12 thousand soldiers will be sent.",
        "12 thousand soldiers",
        Some(12000.0),
        N,
        N,
        Some("soldiers"),
        false,
    ),
    (
        "It sent 2 million shells.",
        "2 million shells",
        Some(2e6),
        N,
        N,
        Some("shells"),
        false,
    ),
    (
        "Aid reached 3 billion euros.",
        "3 billion euros",
        Some(3e9),
        N,
        N,
        Some("EUR"),
        false,
    ),
    (
        "The bill was $2bn.",
        "$2bn",
        Some(2e9),
        N,
        N,
        Some("USD"),
        false,
    ),
    (
        "A loan of $1.5 million was signed.",
        "$1.5 million",
        Some(1.5e6),
        N,
        N,
        Some("USD"),
        false,
    ),
    (
        "It raised €20 million.",
        "€20 million",
        Some(2e7),
        N,
        N,
        Some("EUR"),
        false,
    ),
    (
        "It paid £300.",
        "£300",
        Some(300.0),
        N,
        N,
        Some("GBP"),
        false,
    ),
    (
        "It paid 500 hryvnias.",
        "500 hryvnias",
        Some(500.0),
        N,
        N,
        Some("UAH"),
        false,
    ),
    (
        "It paid 10,000 rubles.",
        "10,000 rubles",
        Some(10000.0),
        N,
        N,
        Some("RUB"),
        false,
    ),
    (
        "It paid 40 billion won.",
        "40 billion won",
        Some(4e10),
        N,
        N,
        Some("KRW"),
        false,
    ),
    (
        "It paid 7 billion yuan.",
        "7 billion yuan",
        Some(7e9),
        N,
        N,
        Some("CNY"),
        false,
    ),
    // Number words.
    (
        "It sent a thousand of its troops.",
        "a thousand of its troops",
        Some(1000.0),
        N,
        N,
        Some("troops"),
        false,
    ),
    (
        "Twelve soldiers died.",
        "Twelve soldiers",
        Some(12.0),
        N,
        N,
        Some("soldiers"),
        false,
    ),
    (
        "They captured twenty-five prisoners.",
        "twenty-five prisoners",
        Some(25.0),
        N,
        N,
        Some("prisoners"),
        false,
    ),
    (
        "They captured twenty five prisoners.",
        "twenty five prisoners",
        Some(25.0),
        N,
        N,
        Some("prisoners"),
        false,
    ),
    (
        "One hundred people fled.",
        "One hundred people",
        Some(100.0),
        N,
        N,
        Some("people"),
        false,
    ),
    (
        "A hundred people fled.",
        "A hundred people",
        Some(100.0),
        N,
        N,
        Some("people"),
        false,
    ),
    (
        "A dozen drones flew.",
        "A dozen drones",
        Some(12.0),
        N,
        N,
        Some("drones"),
        false,
    ),
    (
        "Three ships sank.",
        "Three ships",
        Some(3.0),
        N,
        N,
        Some("ships"),
        false,
    ),
    (
        "They sent two hundred and fifty tanks.",
        "two hundred and fifty tanks",
        Some(250.0),
        N,
        N,
        Some("tanks"),
        false,
    ),
    (
        "It took five million people.",
        "five million people",
        Some(5e6),
        N,
        N,
        Some("people"),
        false,
    ),
    // Vague amounts.
    (
        "Sending thousands of soldiers is atypical.",
        "thousands of soldiers",
        N,
        Some(2000.0),
        N,
        Some("soldiers"),
        true,
    ),
    (
        "Dozens of drones were shot down.",
        "Dozens of drones",
        N,
        Some(24.0),
        N,
        Some("drones"),
        true,
    ),
    (
        "Hundreds of civilians fled.",
        "Hundreds of civilians",
        N,
        Some(200.0),
        N,
        Some("civilians"),
        true,
    ),
    (
        "Tens of thousands of people marched.",
        "Tens of thousands of people",
        N,
        Some(20000.0),
        N,
        Some("people"),
        true,
    ),
    (
        "Hundreds of thousands of refugees left.",
        "Hundreds of thousands of refugees",
        N,
        Some(200000.0),
        N,
        Some("refugees"),
        true,
    ),
    (
        "Millions of people watched.",
        "Millions of people",
        N,
        Some(2e6),
        N,
        Some("people"),
        true,
    ),
    (
        "Several thousand troops massed.",
        "Several thousand troops",
        N,
        Some(3000.0),
        N,
        Some("troops"),
        true,
    ),
    (
        "A few thousand troops massed.",
        "A few thousand troops",
        N,
        Some(2000.0),
        N,
        Some("troops"),
        true,
    ),
    // Ranges.
    (
        "It sent 10,000-12,000 troops.",
        "10,000-12,000 troops",
        N,
        Some(10000.0),
        Some(12000.0),
        Some("troops"),
        false,
    ),
    (
        "It sent 10,000 to 12,000 troops.",
        "10,000 to 12,000 troops",
        N,
        Some(10000.0),
        Some(12000.0),
        Some("troops"),
        false,
    ),
    (
        "It sent between 10,000 and 12,000 troops.",
        "between 10,000 and 12,000 troops",
        N,
        Some(10000.0),
        Some(12000.0),
        Some("troops"),
        false,
    ),
    (
        "It sent from 50 to 60 tanks.",
        "from 50 to 60 tanks",
        N,
        Some(50.0),
        Some(60.0),
        Some("tanks"),
        false,
    ),
    (
        "Two or three ships sank.",
        "Two or three ships",
        N,
        Some(2.0),
        Some(3.0),
        Some("ships"),
        false,
    ),
    (
        "It sent between 10 and 12 thousand soldiers.",
        "between 10 and 12 thousand soldiers",
        N,
        Some(10000.0),
        Some(12000.0),
        Some("soldiers"),
        false,
    ),
    // Bounds and approximation.
    (
        "More than 10,000 soldiers arrived.",
        "More than 10,000 soldiers",
        N,
        Some(10000.0),
        N,
        Some("soldiers"),
        false,
    ),
    (
        "Over 500 drones were launched.",
        "Over 500 drones",
        N,
        Some(500.0),
        N,
        Some("drones"),
        false,
    ),
    (
        "At least 20 people died.",
        "At least 20 people",
        N,
        Some(20.0),
        N,
        Some("people"),
        false,
    ),
    (
        "Up to 12,000 soldiers may come.",
        "Up to 12,000 soldiers",
        N,
        N,
        Some(12000.0),
        Some("soldiers"),
        false,
    ),
    (
        "As many as 100,000 troops could come.",
        "As many as 100,000 troops",
        N,
        N,
        Some(100000.0),
        Some("troops"),
        false,
    ),
    (
        "Fewer than 50 soldiers remained.",
        "Fewer than 50 soldiers",
        N,
        N,
        Some(50.0),
        Some("soldiers"),
        false,
    ),
    (
        "Less than 5 percent voted.",
        "Less than 5 percent",
        N,
        N,
        Some(5.0),
        Some("percent"),
        false,
    ),
    (
        "Nearly 3,000 soldiers were killed.",
        "Nearly 3,000 soldiers",
        N,
        N,
        Some(3000.0),
        Some("soldiers"),
        true,
    ),
    (
        "Almost 100 tanks were lost.",
        "Almost 100 tanks",
        N,
        N,
        Some(100.0),
        Some("tanks"),
        true,
    ),
    (
        "Around 11,000 troops are there.",
        "Around 11,000 troops",
        Some(11000.0),
        N,
        N,
        Some("troops"),
        true,
    ),
    (
        "Approximately 700 casualties were reported.",
        "Approximately 700 casualties",
        Some(700.0),
        N,
        N,
        Some("casualties"),
        true,
    ),
    (
        "Roughly 40 percent agreed.",
        "Roughly 40 percent",
        Some(40.0),
        N,
        N,
        Some("percent"),
        true,
    ),
    (
        "Some 300 soldiers arrived.",
        "Some 300 soldiers",
        Some(300.0),
        N,
        N,
        Some("soldiers"),
        true,
    ),
    (
        "An estimated 8,000 troops arrived.",
        "An estimated 8,000 troops",
        Some(8000.0),
        N,
        N,
        Some("troops"),
        true,
    ),
    (
        "More than $1.5 billion was pledged.",
        "More than $1.5 billion",
        N,
        Some(1.5e9),
        N,
        Some("USD"),
        false,
    ),
    // Units after adjectives and of-phrases.
    (
        "It sent 1,500 North Korean soldiers.",
        "1,500 North Korean soldiers",
        Some(1500.0),
        N,
        N,
        Some("soldiers"),
        false,
    ),
    (
        "About 3,000 of them were wounded.",
        "About 3,000",
        Some(3000.0),
        N,
        N,
        None,
        true,
    ),
    (
        "It sent 500 military personnel.",
        "500 military personnel",
        Some(500.0),
        N,
        N,
        Some("military personnel"),
        false,
    ),
    (
        "It lost 120 ballistic missiles.",
        "120 ballistic missiles",
        Some(120.0),
        N,
        N,
        Some("ballistic missiles"),
        false,
    ),
    (
        "They held 200 prisoners of war.",
        "200 prisoners of war",
        Some(200.0),
        N,
        N,
        Some("prisoners of war"),
        false,
    ),
    (
        "It got 3,000 artillery shells.",
        "3,000 artillery shells",
        Some(3000.0),
        N,
        N,
        Some("artillery shells"),
        false,
    ),
];

/// (text, a number that is not a quantity: years, ordinals, dates).
const NOT_QUANTITIES: &[(&str, &str)] = &[
    ("The treaty was signed in June 2024.", "2024"),
    ("The 11th brigade attacked.", "11th"),
    ("They arrived on October 8-13.", "8-13"),
    ("In 2023, the war went on.", "2023"),
    ("One of them said so.", "One"),
    ("It happened on 2024-10-08.", "2024-10-08"),
    ("He lost the 2016 election.", "2016"),
    ("They met at 7 p.m. sharp.", "7"),
    ("It ended at 10:05 p.m.", "10:05"),
    ("One of the states voted.", "One"),
];

#[test]
fn quantities() {
    let mut r = Report::default();
    for &(text, expr, value, min, max, unit, approx) in CASES {
        let a = analyze(text, None);
        let t = a.text();
        let q = a.quantities.iter().find(|q| q.span.text(t) == expr);
        r.check(
            q.is_some_and(|q| {
                q.value == value
                    && q.min == min
                    && q.max == max
                    && q.unit.as_deref() == unit
                    && q.approximate == approx
            }),
            || {
                let all: Vec<String> = a
                    .quantities
                    .iter()
                    .map(|q| {
                        format!(
                            "{:?} v={:?} min={:?} max={:?} unit={:?} approx={}",
                            q.span.text(t),
                            q.value,
                            q.min,
                            q.max,
                            q.unit,
                            q.approximate
                        )
                    })
                    .collect();
                format!("{text:?}: want {expr:?} v={value:?} min={min:?} max={max:?} unit={unit:?} approx={approx}; got {all:?}")
            },
        );
    }
    for &(text, word) in NOT_QUANTITIES {
        let a = analyze(text, None);
        let t = a.text();
        let hit = a.quantities.iter().find(|q| q.span.text(t).contains(word));
        r.check(hit.is_none(), || {
            format!(
                "{text:?}: {word:?} is not a quantity, got {:?}",
                hit.map(|q| q.span.text(t))
            )
        });
    }
    r.finish("quantities", 70);
}

#[test]
fn different_troop_numbers_are_flagged() {
    let a = analyze(
        "It may send a thousand of its troops. It sent 1,500 special forces. 12 thousand soldiers will follow. Prices rose 3 percent, then 5 percent, costing $2bn and $3bn.",
        None,
    );
    let f: Vec<_> = a
        .flags
        .iter()
        .filter(|f| f.kind == hearsay_core::FlagKind::SameQuantityDiffers)
        .collect();
    assert_eq!(f.len(), 1, "{:?}", a.flags);
    assert_eq!(f[0].mentions.len(), 3);
    assert!(f[0].note.contains("troops"), "{}", f[0].note);
}

#[test]
fn counts_of_different_things_are_not_flagged() {
    let a = analyze(
        "Twenty-seven states sued; 18 states did not. Polls moved 3 percent and 5 percent.",
        None,
    );
    assert!(
        !a.flags
            .iter()
            .any(|f| f.kind == hearsay_core::FlagKind::SameQuantityDiffers),
        "{:?}",
        a.flags
    );
}
