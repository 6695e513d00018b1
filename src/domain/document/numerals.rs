//! Chinese numerals as official documents write them: dates in the style 二〇二六年十二月一日
//! and counts such as 十五日.

use chrono::{Datelike, NaiveDate};

const DIGITS: [char; 10] = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

fn digit(d: u32) -> char {
    // `d` is always a single decimal digit here; the fallback only keeps indexing total.
    DIGITS.get(d as usize).copied().unwrap_or('〇')
}

/// A date written in Chinese numerals, e.g. `二〇二六年十二月一日`.
///
/// The year is read digit by digit (二〇二〇), the month and day as numbers (十月十日,
/// 十一月二十一日), as in the signature block of arbitration documents.
pub fn official_date_zh(date: NaiveDate) -> String {
    let year: String =
        date.year().unsigned_abs().to_string().chars().map(|c| c.to_digit(10).map_or(c, digit)).collect();
    format!("{year}年{}月{}日", count_zh(date.month()), count_zh(date.day()))
}

/// A count in Chinese numerals, e.g. `十` (10), `十五` (15), `四十五` (45), `一百零五` (105).
///
/// Counts from ten thousand up are written in Arabic digits, which no period reaches.
pub fn count_zh(n: u32) -> String {
    if n >= 10_000 {
        return n.to_string();
    }
    if n == 0 {
        return "〇".to_owned();
    }
    let places = [(1000, '千'), (100, '百'), (10, '十')];
    let mut out = String::new();
    let mut rest = n;
    let mut gap = false;
    for (unit, name) in places {
        let d = rest / unit;
        rest %= unit;
        if d == 0 {
            gap = !out.is_empty();
            continue;
        }
        if gap {
            out.push('零');
            gap = false;
        }
        // 十五, not 一十五, when ten is the leading place.
        if !(d == 1 && unit == 10 && out.is_empty()) {
            out.push(digit(d));
        }
        out.push(name);
    }
    if rest > 0 {
        if gap {
            out.push('零');
        }
        out.push(digit(rest));
    }
    out
}
