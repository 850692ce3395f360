//! How far an event can be trusted: from the evidence for its date and for
//! its being a statement.

use super::statement::{has_verb, is_cut_off, word_count};
use crate::model::{Basis, DateInfo, Precision};

/// An event's confidence, 0 to 1: the basis of its date (written out, worked
/// out, counted from another event, carried over, or only the publication
/// date), its precision (a day is surer than a decade), and the strength of
/// the statement (a clause of a full sentence with a verb is surer than a
/// few words, a question or a verbless phrase). A further date a clause
/// names (`mentioned`) is a weaker claim than the date it is given.
pub(super) fn event_confidence(text: &str, date: &DateInfo, mentioned: bool) -> f32 {
    let basis = match date.basis {
        Basis::Stated => 1.0,
        Basis::Relative => 0.9,
        Basis::Anchored => 0.8,
        Basis::Inherited => 0.7,
        Basis::Published => 0.55,
    };
    let precision = match date.precision {
        Precision::Day => 1.0,
        Precision::Week => 0.95,
        Precision::Month => 0.9,
        Precision::Year => 0.85,
        Precision::Decade => 0.75,
    };
    let words = word_count(text);
    let mut statement = match words {
        0..=2 => 0.6,
        3..=4 => 0.75,
        5..=7 => 0.9,
        _ => 1.0,
    };
    // A long clause is taken as it stands, as `is_statement` takes it.
    if words <= 7 && !has_verb(text) {
        statement *= 0.8;
    }
    if text.trim_end().ends_with('?') {
        statement *= 0.8;
    }
    // "… officials from the Ministry of": cut off, most likely by a page
    // that hid the rest behind a button.
    if is_cut_off(text) {
        statement *= 0.5;
    }
    let role = if mentioned { MENTIONED } else { 1.0 };
    let c: f32 = basis * precision * statement * role;
    // Two decimals: the export shows a judgement, not a measurement.
    (c.clamp(0.0, 1.0) * 100.0).round() / 100.0
}

/// What a further date named by a clause is worth beside its own date:
/// enough to stay above the explorer's threshold only when written out
/// and the clause is full.
const MENTIONED: f32 = 0.6;

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn date(basis: Basis, precision: Precision) -> DateInfo {
        let d = NaiveDate::from_ymd_opt(2031, 5, 4).unwrap();
        DateInfo {
            start: d,
            end: d,
            precision,
            basis,
        }
    }

    #[test]
    fn stronger_evidence_gives_more_confidence() {
        let clause = "The council approved the harbour budget after a long debate.";
        let day = |b| event_confidence(clause, &date(b, Precision::Day), false);
        let order = [
            day(Basis::Stated),
            day(Basis::Relative),
            day(Basis::Anchored),
            day(Basis::Inherited),
            day(Basis::Published),
        ];
        assert_eq!(order[0], 1.0);
        assert!(order.windows(2).all(|w| w[0] > w[1]), "{order:?}");
        let stated = |p| event_confidence(clause, &date(Basis::Stated, p), false);
        assert!(stated(Precision::Day) > stated(Precision::Month));
        assert!(stated(Precision::Year) > stated(Precision::Decade));
        let stated_day = date(Basis::Stated, Precision::Day);
        let short = event_confidence("Rain fell.", &stated_day, false);
        let verbless = event_confidence("A harbour budget of record size.", &stated_day, false);
        let question = event_confidence(
            "Was the harbour budget approved in the end?",
            &stated_day,
            false,
        );
        for weaker in [short, verbless, question] {
            assert!(weaker < 1.0 && weaker > 0.0, "{weaker}");
        }
        // A further date the clause names: shown when written out, hidden
        // as unsure when worked out.
        let year = |b| event_confidence(clause, &date(b, Precision::Year), true);
        let unsure = crate::tui::state::UNSURE;
        assert!(year(Basis::Stated) >= unsure && year(Basis::Relative) < unsure);
        assert!(year(Basis::Stated) < stated(Precision::Year));
    }
}
