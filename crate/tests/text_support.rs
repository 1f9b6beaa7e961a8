//! Shared helpers of the text tests (included by `text_props.rs` and `text_measure.rs` with
//! `#[path]`): a seeded random generator, realistic names built from
//! `tests/text/name_parts.txt`, and the kinds of damage a name suffers on its way into a sheet.
//! Compiled on its own too, where it checks the fixture.
#![allow(dead_code)]

use std::path::PathBuf;

use lamsach::text::legacy::{self, TcvnCapitals};
use unicode_normalization::UnicodeNormalization;

pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// xorshift64*: small, seeded, reproducible.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed.max(1))
    }
    pub fn next_u64(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    pub fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next_u64() % n as u64) as usize
        }
    }
    pub fn chance(&mut self, p: f64) -> bool {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64 <= p
    }
    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

#[derive(Default)]
pub struct Parts {
    pub family: Vec<(String, u32)>,
    pub middle_m: Vec<(String, u32)>,
    pub middle_f: Vec<(String, u32)>,
    pub given_m: Vec<(String, u32)>,
    pub given_f: Vec<(String, u32)>,
    pub minority: Vec<String>,
}

fn weighted<'a>(rng: &mut Rng, items: &'a [(String, u32)]) -> &'a str {
    let total: u32 = items.iter().map(|(_, w)| w).sum();
    let mut r = rng.below(total as usize) as u32;
    for (s, w) in items {
        if r < *w {
            return s;
        }
        r -= w;
    }
    items.last().map_or("", |(s, _)| s)
}

impl Parts {
    pub fn load() -> Parts {
        let text = std::fs::read_to_string(repo().join("tests/text/name_parts.txt"))
            .expect("tests/text/name_parts.txt");
        let mut p = Parts::default();
        for line in text
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
        {
            let (section, rest) = line.split_once(' ').expect("SECTION WORD");
            if section == "minority" {
                p.minority.push(rest.to_string());
                continue;
            }
            let mut it = rest.split(' ');
            let word = it.next().expect("word").to_string();
            let weight: u32 = it.next().map_or(1, |w| w.parse().expect("weight"));
            match section {
                "family" => p.family.push((word, weight)),
                "middle_m" => p.middle_m.push((word, weight)),
                "middle_f" => p.middle_f.push((word, weight)),
                "given_m" => p.given_m.push((word, weight)),
                "given_f" => p.given_f.push((word, weight)),
                other => panic!("unknown section {other}"),
            }
        }
        p
    }

    /// A realistic full name, capitalised per syllable.
    pub fn name(&self, rng: &mut Rng) -> String {
        if rng.chance(0.05) {
            return rng.pick(&self.minority).clone();
        }
        let female = rng.chance(0.5);
        let mut parts = vec![weighted(rng, &self.family).to_string()];
        let (middle, given) = if female {
            (&self.middle_f, &self.given_f)
        } else {
            (&self.middle_m, &self.given_m)
        };
        let n_middle = match rng.below(20) {
            0 => 0,
            1..=4 => 2,
            _ => 1,
        };
        for _ in 0..n_middle {
            parts.push(weighted(rng, middle).to_string());
        }
        parts.push(weighted(rng, given).to_string());
        parts.join(" ")
    }

    /// Every distinct syllable of the fixture.
    pub fn syllables(&self) -> Vec<String> {
        let mut all: Vec<String> = [
            &self.family,
            &self.middle_m,
            &self.middle_f,
            &self.given_m,
            &self.given_f,
        ]
        .iter()
        .flat_map(|v| v.iter().map(|(s, _)| s.clone()))
        .collect();
        all.sort();
        all.dedup();
        all
    }
}

/// A valid Vietnamese syllable that is mostly not a common name part: onset + one vowel +
/// optional final, any tone the final allows (sắc/nặng only before c, t, p, ch).
pub fn rare_syllable(rng: &mut Rng) -> String {
    const ONSETS: [&str; 22] = [
        "b", "c", "ch", "d", "đ", "g", "h", "kh", "l", "m", "n", "ng", "nh", "ph", "r", "s", "t",
        "th", "tr", "v", "x", "",
    ];
    const VOWELS: [char; 10] = ['a', 'ă', 'â', 'e', 'ê', 'o', 'ô', 'ơ', 'u', 'ư'];
    const FINALS: [&str; 7] = ["", "n", "ng", "m", "t", "c", "p"];
    const MARKS: [&str; 6] = ["", "\u{301}", "\u{300}", "\u{309}", "\u{303}", "\u{323}"];
    loop {
        let v = *rng.pick(&VOWELS);
        let f = *rng.pick(&FINALS);
        if matches!(v, 'ă' | 'â') && f.is_empty() {
            continue;
        }
        let stop = matches!(f, "t" | "c" | "p");
        let tone = if stop {
            *rng.pick(&["", "\u{301}", "\u{323}"])
        } else {
            *rng.pick(&MARKS)
        };
        let onset = *rng.pick(&ONSETS);
        let s: String = format!("{onset}{v}{tone}{f}").nfc().collect();
        let mut c = s.chars();
        return c
            .next()
            .map(|f| f.to_uppercase().chain(c).collect())
            .unwrap_or_default();
    }
}

/// A name with an uncommon given name (and sometimes an uncommon middle name).
pub fn rare_name(parts: &Parts, rng: &mut Rng) -> String {
    let mut words = vec![weighted(rng, &parts.family).to_string()];
    if rng.chance(0.5) {
        words.push(rare_syllable(rng));
    } else {
        let middle = if rng.chance(0.5) {
            &parts.middle_f
        } else {
            &parts.middle_m
        };
        words.push(weighted(rng, middle).to_string());
    }
    words.push(rare_syllable(rng));
    words.join(" ")
}

/// A name as written in a list: mostly capitalised, sometimes all in capitals.
pub fn list_form(rng: &mut Rng, name: &str) -> String {
    if rng.chance(0.2) {
        name.to_uppercase()
    } else {
        name.to_string()
    }
}

// --- Damage --------------------------------------------------------------------------------

/// TCVN3 as Unikey and the `.VnTime` fonts write it: capitals that VN3 lacks use the lower-case
/// code (typed in the matching capital font).
pub fn tcvn3(name: &str) -> String {
    legacy::encode_tcvn3(name, TcvnCapitals::HFont).expect("encodable")
}

pub fn vni(name: &str) -> String {
    legacy::encode_vni(name).expect("encodable")
}

pub fn viqr(name: &str) -> String {
    legacy::encode_viqr(name).expect("encodable")
}

/// Windows-1258 bytes read through cp1252.
pub fn cp1258_bytes(name: &str) -> String {
    legacy::encode_cp1258_bytes(name)
        .expect("encodable")
        .into_iter()
        .map(legacy::cp1252_char)
        .collect()
}

/// Windows-1258 text decoded by a cp1258 PC without composition: the letters cp1258 has,
/// followed by combining tone marks.
pub fn cp1258_combining(name: &str) -> String {
    let mut out = String::new();
    for c in name.chars() {
        let nfd: Vec<char> = c.to_string().nfd().collect();
        let tone = nfd
            .iter()
            .position(|m| matches!(m, '\u{300}' | '\u{301}' | '\u{303}' | '\u{309}' | '\u{323}'));
        match tone {
            Some(i)
                if legacy::encode_cp1258_bytes(&c.to_string()).is_some_and(|b| b.len() == 2) =>
            {
                let base: String = nfd
                    .iter()
                    .enumerate()
                    .filter(|&(j, _)| j != i)
                    .map(|(_, &m)| m)
                    .collect::<String>()
                    .nfc()
                    .collect();
                out.push_str(&base);
                out.push(nfd[i]);
            }
            _ => out.push(c),
        }
    }
    out
}

pub fn nfd(name: &str) -> String {
    name.nfd().collect()
}

/// Invisible characters, odd spaces and stray whitespace.
pub fn invisible(rng: &mut Rng, name: &str) -> String {
    const INSIDE: [char; 6] = [
        '\u{200B}', '\u{200C}', '\u{200D}', '\u{2060}', '\u{FEFF}', '\u{AD}',
    ];
    const SPACES: [&str; 7] = [
        "\u{A0}",
        "  ",
        "\t",
        "\u{3000}",
        " \u{200B}",
        "\u{202F}",
        " \u{A0} ",
    ];
    let mut out = String::new();
    if rng.chance(0.3) {
        out.push(if rng.chance(0.5) { '\u{FEFF}' } else { ' ' });
    }
    let words: Vec<&str> = name.split(' ').collect();
    for (i, w) in words.iter().enumerate() {
        if i > 0 {
            out.push_str(if rng.chance(0.6) {
                SPACES[rng.below(SPACES.len())]
            } else {
                " "
            });
        }
        let chars: Vec<char> = w.chars().collect();
        let at = if rng.chance(0.4) {
            rng.below(chars.len() + 1)
        } else {
            usize::MAX
        };
        for (j, c) in chars.iter().enumerate() {
            if j == at {
                out.push(*rng.pick(&INSIDE));
            }
            out.push(*c);
        }
    }
    if rng.chance(0.3) {
        out.push_str(if rng.chance(0.5) { " " } else { "\u{A0}" });
    }
    if out.nfc().collect::<String>() == name {
        out.insert(0, '\u{200B}');
    }
    out
}

/// Cyrillic/Greek look-alikes for some Latin letters, and Icelandic/African D for Đ.
pub fn lookalike(rng: &mut Rng, name: &str) -> String {
    let swap = |c: char| -> Option<char> {
        Some(match c {
            'a' => 'а',
            'e' => 'е',
            'o' => 'о',
            'u' => 'υ',
            'p' => 'р',
            'c' => 'с',
            'y' => 'у',
            'x' => 'х',
            'i' => 'і',
            'A' => 'А',
            'B' => 'В',
            'E' => 'Е',
            'K' => 'К',
            'M' => 'М',
            'H' => 'Н',
            'O' => 'Ο',
            'P' => 'Р',
            'C' => 'С',
            'T' => 'Т',
            'X' => 'Х',
            'Đ' => 'Ð',
            'đ' => 'ð',
            _ => return None,
        })
    };
    let mut out = String::new();
    let mut changed = false;
    for c in name.chars() {
        match swap(c) {
            Some(s) if rng.chance(0.35) => {
                out.push(s);
                changed = true;
            }
            _ => out.push(c),
        }
    }
    if !changed {
        // At least one: the first letter that has a twin.
        out.clear();
        let mut done = false;
        for c in name.chars() {
            match swap(c) {
                Some(s) if !done => {
                    out.push(s);
                    done = true;
                }
                _ => out.push(c),
            }
        }
    }
    out
}

#[test]
fn fixture_loads() {
    let p = Parts::load();
    assert!(
        p.family.len() > 50
            && p.given_m.len() > 50
            && p.given_f.len() > 50
            && p.minority.len() >= 30
    );
    let mut rng = Rng::new(7);
    for _ in 0..100 {
        let n = p.name(&mut rng);
        assert_eq!(n.nfc().collect::<String>(), n);
        assert!(n.split(' ').count() >= 2, "{n}");
    }
}
