//! Dates: absolute forms, years to infer, relative expressions, anchors.

use super::{Report, analyze};
use hearsay_core::TimeAnchor as A;

/// (text, publication date, expression, start, end, anchor).
type Row = (
    &'static str,
    Option<&'static str>,
    &'static str,
    Option<&'static str>,
    Option<&'static str>,
    A,
);

const P: Option<&str> = Some("2024-10-21"); // a Monday

const CASES: &[Row] = &[
    // Absolute dates with a year.
    (
        "It was signed in June 2024.",
        None,
        "June 2024",
        Some("2024-06-01"),
        Some("2024-06-30"),
        A::Explicit,
    ),
    (
        "It was signed on 8 October 2024.",
        None,
        "8 October 2024",
        Some("2024-10-08"),
        Some("2024-10-08"),
        A::Explicit,
    ),
    (
        "It was signed on October 8, 2024.",
        None,
        "October 8, 2024",
        Some("2024-10-08"),
        Some("2024-10-08"),
        A::Explicit,
    ),
    (
        "It was signed on Oct. 8, 2024.",
        None,
        "Oct. 8, 2024",
        Some("2024-10-08"),
        Some("2024-10-08"),
        A::Explicit,
    ),
    (
        "It was signed on 2024-10-08.",
        None,
        "2024-10-08",
        Some("2024-10-08"),
        Some("2024-10-08"),
        A::Explicit,
    ),
    (
        "It was signed on Feb. 29, 2024.",
        None,
        "Feb. 29, 2024",
        Some("2024-02-29"),
        Some("2024-02-29"),
        A::Explicit,
    ),
    (
        "It was signed in February 2023.",
        None,
        "February 2023",
        Some("2023-02-01"),
        Some("2023-02-28"),
        A::Explicit,
    ),
    (
        "It was signed in February 2024.",
        None,
        "February 2024",
        Some("2024-02-01"),
        Some("2024-02-29"),
        A::Explicit,
    ),
    (
        "It ran on 8-13 October 2024.",
        None,
        "8-13 October 2024",
        Some("2024-10-08"),
        Some("2024-10-13"),
        A::Explicit,
    ),
    (
        "It ran from October 30 to November 2, 2024.",
        None,
        "October 30 to November 2, 2024",
        Some("2024-10-30"),
        Some("2024-11-02"),
        A::Explicit,
    ),
    (
        "It was founded on the 8th of May 1945.",
        None,
        "8th of May 1945",
        Some("1945-05-08"),
        Some("1945-05-08"),
        A::Explicit,
    ),
    (
        "It started on September 1st, 1939.",
        None,
        "September 1st, 1939",
        Some("1939-09-01"),
        Some("1939-09-01"),
        A::Explicit,
    ),
    (
        "It happened in 2014.",
        None,
        "2014",
        Some("2014-01-01"),
        Some("2014-12-31"),
        A::Explicit,
    ),
    (
        "The war has raged since 2022.",
        None,
        "2022",
        Some("2022-01-01"),
        Some("2022-12-31"),
        A::Explicit,
    ),
    (
        "It changed in the 1990s.",
        None,
        "1990s",
        Some("1990-01-01"),
        Some("1999-12-31"),
        A::Explicit,
    ),
    (
        "It was signed in Sept. 2023.",
        None,
        "Sept. 2023",
        Some("2023-09-01"),
        Some("2023-09-30"),
        A::Explicit,
    ),
    (
        "It was signed in May 2024.",
        None,
        "May 2024",
        Some("2024-05-01"),
        Some("2024-05-31"),
        A::Explicit,
    ),
    (
        "It was signed on May 9, 2024.",
        None,
        "May 9, 2024",
        Some("2024-05-09"),
        Some("2024-05-09"),
        A::Explicit,
    ),
    (
        "It was signed on 9 May 2024.",
        None,
        "9 May 2024",
        Some("2024-05-09"),
        Some("2024-05-09"),
        A::Explicit,
    ),
    (
        "It was signed on March 3, 2022.",
        None,
        "March 3, 2022",
        Some("2022-03-03"),
        Some("2022-03-03"),
        A::Explicit,
    ),
    // Years to infer from the latest explicit year in the text.
    (
        "It was signed in June 2024. Troops moved on October 8-13.",
        None,
        "October 8-13",
        Some("2024-10-08"),
        Some("2024-10-13"),
        A::TextYear,
    ),
    (
        "In 2023 it began. In 2024 it grew. Ships left on March 3.",
        None,
        "March 3",
        Some("2024-03-03"),
        Some("2024-03-03"),
        A::TextYear,
    ),
    (
        "It was signed in 2024. Talks resumed in May.",
        None,
        "May",
        Some("2024-05-01"),
        Some("2024-05-31"),
        A::TextYear,
    ),
    (
        "It was signed in 2024. It ended on 30 December.",
        None,
        "30 December",
        Some("2024-12-30"),
        Some("2024-12-30"),
        A::TextYear,
    ),
    (
        "Back in 1999 it began; on Oct. 8 it ended.",
        None,
        "Oct. 8",
        Some("1999-10-08"),
        Some("1999-10-08"),
        A::TextYear,
    ),
    (
        "It was signed in June 2024. Last year was calm.",
        None,
        "Last year",
        Some("2023-01-01"),
        Some("2023-12-31"),
        A::TextYear,
    ),
    // Year-less dates with a publication date: the nearest year.
    (
        "Troops moved on October 8-13.",
        P,
        "October 8-13",
        Some("2024-10-08"),
        Some("2024-10-13"),
        A::Publication,
    ),
    (
        "Talks are set for January 5.",
        Some("2024-12-20"),
        "January 5",
        Some("2025-01-05"),
        Some("2025-01-05"),
        A::Publication,
    ),
    (
        "Talks were held on December 28.",
        Some("2025-01-03"),
        "December 28",
        Some("2024-12-28"),
        Some("2024-12-28"),
        A::Publication,
    ),
    (
        "It was signed in June.",
        P,
        "June",
        Some("2024-06-01"),
        Some("2024-06-30"),
        A::Publication,
    ),
    (
        "It was signed on Oct. 8.",
        P,
        "Oct. 8",
        Some("2024-10-08"),
        Some("2024-10-08"),
        A::Publication,
    ),
    (
        "It was signed on 8 October.",
        P,
        "8 October",
        Some("2024-10-08"),
        Some("2024-10-08"),
        A::Publication,
    ),
    // Relative dates anchored to the publication date.
    (
        "Yesterday the troops arrived.",
        P,
        "Yesterday",
        Some("2024-10-20"),
        Some("2024-10-20"),
        A::Publication,
    ),
    (
        "Today the troops arrived.",
        P,
        "Today",
        Some("2024-10-21"),
        Some("2024-10-21"),
        A::Publication,
    ),
    (
        "Tomorrow the troops arrive.",
        P,
        "Tomorrow",
        Some("2024-10-22"),
        Some("2024-10-22"),
        A::Publication,
    ),
    (
        "The troops arrived last week.",
        P,
        "last week",
        Some("2024-10-14"),
        Some("2024-10-20"),
        A::Publication,
    ),
    (
        "The troops arrive this week.",
        P,
        "this week",
        Some("2024-10-21"),
        Some("2024-10-27"),
        A::Publication,
    ),
    (
        "The troops arrive next week.",
        P,
        "next week",
        Some("2024-10-28"),
        Some("2024-11-03"),
        A::Publication,
    ),
    (
        "The troops arrived last month.",
        P,
        "last month",
        Some("2024-09-01"),
        Some("2024-09-30"),
        A::Publication,
    ),
    (
        "The troops arrive next month.",
        P,
        "next month",
        Some("2024-11-01"),
        Some("2024-11-30"),
        A::Publication,
    ),
    (
        "The troops arrived earlier this month.",
        P,
        "earlier this month",
        Some("2024-10-01"),
        Some("2024-10-31"),
        A::Publication,
    ),
    (
        "The troops arrived last year.",
        P,
        "last year",
        Some("2023-01-01"),
        Some("2023-12-31"),
        A::Publication,
    ),
    (
        "The troops arrive next year.",
        P,
        "next year",
        Some("2025-01-01"),
        Some("2025-12-31"),
        A::Publication,
    ),
    (
        "The troops arrived later this year.",
        P,
        "later this year",
        Some("2024-01-01"),
        Some("2024-12-31"),
        A::Publication,
    ),
    (
        "The troops arrived on Friday.",
        P,
        "Friday",
        Some("2024-10-18"),
        Some("2024-10-18"),
        A::Publication,
    ),
    (
        "The troops arrived on Monday.",
        P,
        "Monday",
        Some("2024-10-21"),
        Some("2024-10-21"),
        A::Publication,
    ),
    (
        "The troops will arrive on Friday.",
        P,
        "Friday",
        Some("2024-10-25"),
        Some("2024-10-25"),
        A::Publication,
    ),
    (
        "The troops arrived last Monday.",
        P,
        "last Monday",
        Some("2024-10-14"),
        Some("2024-10-14"),
        A::Publication,
    ),
    (
        "The troops arrive next Tuesday.",
        P,
        "next Tuesday",
        Some("2024-10-22"),
        Some("2024-10-22"),
        A::Publication,
    ),
    (
        "The troops arrived three days ago.",
        P,
        "three days ago",
        Some("2024-10-18"),
        Some("2024-10-18"),
        A::Publication,
    ),
    (
        "The troops arrived a week ago.",
        P,
        "a week ago",
        Some("2024-10-14"),
        Some("2024-10-20"),
        A::Publication,
    ),
    (
        "The troops arrived two months ago.",
        P,
        "two months ago",
        Some("2024-08-01"),
        Some("2024-08-31"),
        A::Publication,
    ),
    (
        "The troops arrived 10 years ago.",
        P,
        "10 years ago",
        Some("2014-01-01"),
        Some("2014-12-31"),
        A::Publication,
    ),
    (
        "Currently, the troops are kept away.",
        P,
        "Currently",
        Some("2024-10-21"),
        Some("2024-10-21"),
        A::Publication,
    ),
    (
        "The troops arrived recently.",
        P,
        "recently",
        Some("2024-09-21"),
        Some("2024-10-21"),
        A::Publication,
    ),
    (
        "In recent weeks the troops arrived.",
        P,
        "In recent weeks",
        Some("2024-09-21"),
        Some("2024-10-21"),
        A::Publication,
    ),
    (
        "At present the troops are kept away.",
        P,
        "At present",
        Some("2024-10-21"),
        Some("2024-10-21"),
        A::Publication,
    ),
    // Relative dates without any anchor stay off the calendar.
    (
        "Yesterday the troops arrived.",
        None,
        "Yesterday",
        None,
        None,
        A::None,
    ),
    (
        "Currently, most troops are kept away.",
        None,
        "Currently",
        None,
        None,
        A::None,
    ),
    (
        "The troops arrived on Friday.",
        None,
        "Friday",
        None,
        None,
        A::None,
    ),
    ("It was signed in June.", None, "June", None, None, A::None),
];

/// (text, words that are not a date: "may" the modal, "March" the verb, names).
const NOT_TIMES: &[(&str, &str)] = &[
    ("North Korea may send more troops.", "may"),
    ("May I ask a question?", "May"),
    ("Theresa May said so.", "May"),
    ("Protesters march on the capital.", "march"),
    ("It sent 2,024 soldiers.", "2,024"),
    ("The 2024 soldiers were counted twice.", "soldiers"),
    ("He said Sunday would be calm.", "Sunday would"),
];

#[test]
fn dates() {
    let mut r = Report::default();
    for &(text, published, expr, start, end, anchor) in CASES {
        let a = analyze(text, published);
        let t = a.text();
        let x = a.times.iter().find(|x| x.span.text(t) == expr);
        r.check(
            x.is_some_and(|x| {
                x.start_date.as_deref() == start && x.end_date.as_deref() == end && x.anchor == anchor
            }),
            || {
                let all: Vec<String> = a
                    .times
                    .iter()
                    .map(|x| format!("{:?} {:?}..{:?} {:?}", x.span.text(t), x.start_date, x.end_date, x.anchor))
                    .collect();
                format!("{text:?} (published {published:?}): want {expr:?} {start:?}..{end:?} {anchor:?}; got {all:?}")
            },
        );
    }
    for &(text, words) in NOT_TIMES {
        let a = analyze(text, None);
        let t = a.text();
        let hit = a.times.iter().find(|x| x.span.text(t).contains(words));
        r.check(hit.is_none(), || {
            format!(
                "{text:?}: {words:?} is not a date, got {:?}",
                hit.map(|x| x.span.text(t))
            )
        });
    }
    r.finish("dates", 65);
}
