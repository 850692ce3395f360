//! How much coverage each day has: the rows a view shows, counted per day
//! (or per run of days when there are more days than columns), over the
//! dates that hold the bulk of them.

use crate::model::Precision;
use crate::timeline::Item;
use chrono::NaiveDate;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Coverage {
    /// The first day of the first bar.
    pub start: NaiveDate,
    /// The last day of the last bar.
    pub end: NaiveDate,
    /// Days each bar counts.
    pub days_per_bar: u32,
    /// Rows per bar.
    pub bars: Vec<u64>,
    /// Day rows dated outside the charted days (a stray 1990 among 2026).
    pub outside: usize,
    /// Rows known only to the week, month or year: not on any one day.
    pub coarse: usize,
}

/// The shown rows counted per day once, whenever the shown rows change;
/// charting them at a width is then a pass over the distinct days only.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Days {
    /// Distinct days of day-precision rows, in order, with their rows.
    counts: Vec<(NaiveDate, u64)>,
    /// Day rows in all.
    total: u64,
    /// Rows known only to the week, month or year.
    coarse: usize,
}

impl Days {
    /// Counts the rows among `shown` (indices into `items`).
    pub fn of(items: &[Item], shown: &[usize]) -> Days {
        let mut days = Vec::with_capacity(shown.len());
        let mut coarse = 0;
        for it in shown.iter().filter_map(|&i| items.get(i)) {
            if it.date.precision == Precision::Day {
                days.push(it.date.start);
            } else {
                coarse += 1;
            }
        }
        days.sort_unstable();
        let total = days.len() as u64;
        let mut counts: Vec<(NaiveDate, u64)> = Vec::new();
        for d in days {
            match counts.last_mut() {
                Some((last, n)) if *last == d => *n += 1,
                _ => counts.push((d, 1)),
            }
        }
        Days {
            counts,
            total,
            coarse,
        }
    }

    /// The day holding the `k`-th day row (0-based) in date order.
    fn nth(&self, k: u64) -> NaiveDate {
        let mut seen = 0;
        for &(d, n) in &self.counts {
            seen += n;
            if seen > k {
                return d;
            }
        }
        self.counts.last().map_or(NaiveDate::MIN, |c| c.0)
    }

    /// The rows in at most `width` bars. None when no row has a day.
    pub fn chart(&self, width: usize) -> Option<Coverage> {
        let (&(min, _), &(max, _)) = (self.counts.first()?, self.counts.last()?);
        if width == 0 {
            return None;
        }
        // A few far-off dates would squeeze the rest into one bar: chart
        // the middle 96% when that is much narrower than the whole.
        let cut = self.total * 2 / 100;
        let (lo, hi) = (self.nth(cut), self.nth(self.total - 1 - cut));
        let (start, end) = if (hi - lo).num_days() * 4 < (max - min).num_days() {
            (lo, hi)
        } else {
            (min, max)
        };
        let span = u32::try_from((end - start).num_days() + 1).unwrap_or(u32::MAX);
        let width = u32::try_from(width).unwrap_or(u32::MAX);
        let days_per_bar = span.div_ceil(width).max(1);
        let n = span.div_ceil(days_per_bar) as usize;
        let mut bars = vec![0u64; n];
        let mut outside = 0;
        for &(d, count) in &self.counts {
            match bar_index(start, days_per_bar, n, d) {
                Some(b) => bars[b] += count,
                None => outside += count as usize,
            }
        }
        let end = start + chrono::Days::new(u64::from(days_per_bar) * n as u64 - 1);
        Some(Coverage {
            start,
            end,
            days_per_bar,
            bars,
            outside,
            coarse: self.coarse,
        })
    }
}

impl Coverage {
    /// Counts the day-precision rows among `shown` (indices into `items`)
    /// into at most `width` bars. None when no shown row has a day.
    pub fn of(items: &[Item], shown: &[usize], width: usize) -> Option<Coverage> {
        Days::of(items, shown).chart(width)
    }

    /// The bar that counts day `d`, if it is charted.
    pub fn bar_of(&self, d: NaiveDate) -> Option<usize> {
        bar_index(self.start, self.days_per_bar, self.bars.len(), d)
    }

    pub fn peak(&self) -> u64 {
        self.bars.iter().copied().max().unwrap_or(0)
    }

    /// The days bar `b` counts.
    pub fn days_of(&self, b: usize) -> (NaiveDate, NaiveDate) {
        let first = self.start + chrono::Days::new(b as u64 * u64::from(self.days_per_bar));
        let last = first + chrono::Days::new(u64::from(self.days_per_bar) - 1);
        (first, last)
    }
}

fn bar_index(start: NaiveDate, per: u32, n: usize, d: NaiveDate) -> Option<usize> {
    let off = (d - start).num_days();
    if off < 0 {
        return None;
    }
    let b = usize::try_from(off / i64::from(per)).ok()?;
    (b < n).then_some(b)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Basis, DateInfo};

    fn item(day: &str, p: Precision) -> Item {
        let d: NaiveDate = day.parse().unwrap();
        let date = DateInfo {
            precision: p,
            ..DateInfo::day(d, Basis::Stated)
        };
        Item::bare(date, Vec::new())
    }

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn counts_day_rows_per_day_and_sets_coarse_ones_apart() {
        let items = vec![
            item("2026-03-01", Precision::Day),
            item("2026-03-01", Precision::Day),
            item("2026-03-03", Precision::Day),
            item("2026-03-01", Precision::Month),
        ];
        let c = Coverage::of(&items, &[0, 1, 2, 3], 80).unwrap();
        assert_eq!(c.bars, vec![2, 0, 1]);
        assert_eq!(
            (c.start, c.end, c.days_per_bar),
            (d("2026-03-01"), d("2026-03-03"), 1)
        );
        assert_eq!(c.coarse, 1);
        assert_eq!(c.bar_of(d("2026-03-03")), Some(2));
        assert_eq!(c.bar_of(d("2026-03-04")), None);
        // Only what is shown counts.
        assert_eq!(Coverage::of(&items, &[2], 80).unwrap().bars, vec![1]);
        assert_eq!(Coverage::of(&items, &[3], 80), None);
    }

    #[test]
    fn more_days_than_columns_share_bars() {
        let items: Vec<Item> = (1..=31)
            .map(|k| item(&format!("2026-01-{k:02}"), Precision::Day))
            .collect();
        let all: Vec<usize> = (0..items.len()).collect();
        let c = Coverage::of(&items, &all, 10).unwrap();
        assert_eq!(c.days_per_bar, 4);
        assert_eq!(c.bars.len(), 8);
        assert_eq!(c.bars.iter().sum::<u64>(), 31);
        assert_eq!(c.days_of(1), (d("2026-01-05"), d("2026-01-08")));
        assert!(c.bars.len() <= 10);
    }

    #[test]
    fn a_stray_far_date_does_not_squeeze_the_chart() {
        let mut items: Vec<Item> = (0..100)
            .map(|k| item(&format!("2016-09-{:02}", 1 + k % 30), Precision::Day))
            .collect();
        items.push(item("1927-01-01", Precision::Day));
        let all: Vec<usize> = (0..items.len()).collect();
        let c = Coverage::of(&items, &all, 60).unwrap();
        assert_eq!(c.start, d("2016-09-01"));
        assert_eq!(c.days_per_bar, 1);
        assert_eq!(c.outside, 1);
    }
}
