//! The few pieces of XML a worksheet needs, written straight into a byte buffer: escaped
//! text, cell references and numbers. No allocation per cell.

/// Appends `s` as XML character data. Besides `&`, `<` and `>`, OOXML cannot hold control
/// characters as such: they are written as `_xHHHH_` (ECMA-376 ST_Xstring), and an
/// underscore that would read as the start of such an escape is itself escaped (`_x005F_`),
/// so that every reader gives back exactly `s`.
pub fn push_text(out: &mut Vec<u8>, s: &str) {
    push_escaped(out, s, false);
}

/// [`push_text`] for an attribute value in double quotes.
pub fn push_attr(out: &mut Vec<u8>, s: &str) {
    push_escaped(out, s, true);
}

fn push_escaped(out: &mut Vec<u8>, s: &str, attr: bool) {
    let bytes = s.as_bytes();
    let special = |b: u8| matches!(b, b'&' | b'<' | b'>' | b'_' | b'"') || b < 0x20;
    if !bytes.iter().any(|&b| special(b)) {
        out.extend_from_slice(bytes);
        return;
    }
    let mut start = 0;
    for (i, &b) in bytes.iter().enumerate() {
        if !special(b) {
            continue;
        }
        let escape: &[u8] = match b {
            b'&' => b"&amp;",
            b'<' => b"&lt;",
            b'>' => b"&gt;",
            b'"' if attr => b"&quot;",
            b'"' => continue,
            b'_' if looks_like_escape(&bytes[i..]) => b"_x005F_",
            b'_' => continue,
            b'\t' | b'\n' if !attr => continue,
            _ => {
                out.extend_from_slice(&bytes[start..i]);
                push_control(out, b);
                start = i + 1;
                continue;
            }
        };
        out.extend_from_slice(&bytes[start..i]);
        out.extend_from_slice(escape);
        start = i + 1;
    }
    out.extend_from_slice(&bytes[start..]);
}

/// `_xHHHH_` at the start of `s`.
fn looks_like_escape(s: &[u8]) -> bool {
    s.len() >= 7 && s[1] == b'x' && s[2..6].iter().all(u8::is_ascii_hexdigit) && s[6] == b'_'
}

fn push_control(out: &mut Vec<u8>, b: u8) {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    out.extend_from_slice(b"_x00");
    out.push(HEX[usize::from(b >> 4)]);
    out.push(HEX[usize::from(b & 15)]);
    out.push(b'_');
}

/// Whether a text needs `xml:space="preserve"` to keep its outer spaces.
pub fn needs_preserve(s: &str) -> bool {
    let first = s.as_bytes().first();
    let last = s.as_bytes().last();
    [first, last]
        .into_iter()
        .flatten()
        .any(|b| matches!(b, b' ' | b'\t' | b'\n' | b'\r'))
}

/// Appends an unsigned integer in decimal.
pub fn push_u32(out: &mut Vec<u8>, n: u32) {
    push_u64(out, u64::from(n));
}

/// Appends an unsigned integer in decimal.
pub fn push_u64(out: &mut Vec<u8>, mut n: u64) {
    let mut digits = [0u8; 20];
    let mut i = digits.len();
    loop {
        i -= 1;
        digits[i] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    out.extend_from_slice(&digits[i..]);
}

/// Appends a cell's number the way Excel stores it: the shortest text that reads back as
/// the same double. Whole numbers below 2^53 are written without a decimal point.
pub fn push_number(out: &mut Vec<u8>, n: f64) {
    if n.fract() == 0.0 && n.abs() < 9_007_199_254_740_992.0 {
        if n < 0.0 {
            out.push(b'-');
        }
        let v = n.abs() as u64;
        if v <= u64::from(u32::MAX) {
            push_u32(out, v as u32);
        } else {
            out.extend_from_slice(v.to_string().as_bytes());
        }
    } else {
        let mut buf = ryu::Buffer::new();
        out.extend_from_slice(buf.format_finite(n).as_bytes());
    }
}

/// Column letters as Excel shows them (0 → `A`).
pub fn column_letters(index: u16) -> Vec<u8> {
    crate::report::column_letter(index).into_bytes()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(s: &str) -> String {
        let mut out = Vec::new();
        push_text(&mut out, s);
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn markup_and_control_characters_are_escaped() {
        assert_eq!(text("Nguyễn Văn An"), "Nguyễn Văn An");
        assert_eq!(text("a<b>&c"), "a&lt;b&gt;&amp;c");
        assert_eq!(text("tab\there\nline"), "tab\there\nline");
        assert_eq!(text("cr\rx\u{1}"), "cr_x000D_x_x0001_");
        assert_eq!(text("_x0041_ and _x12"), "_x005F_x0041_ and _x12");
        assert_eq!(text("say \"hi\""), "say \"hi\"");
        let mut attr = Vec::new();
        push_attr(&mut attr, "'Phát hiện'!\"A\"");
        assert_eq!(
            String::from_utf8(attr).unwrap(),
            "'Phát hiện'!&quot;A&quot;"
        );
    }

    #[test]
    fn numbers_read_back_as_the_same_double() {
        for n in [
            0.0,
            1.0,
            -3.0,
            32.5,
            0.1,
            45231.0,
            79_212_000_001.0,
            1e300,
            -2.5e-7,
        ] {
            let mut out = Vec::new();
            push_number(&mut out, n);
            let s = String::from_utf8(out).unwrap();
            assert_eq!(s.parse::<f64>().unwrap(), n, "{s}");
        }
        let mut out = Vec::new();
        push_number(&mut out, 79_212_000_001.0);
        assert_eq!(out, b"79212000001");
    }

    #[test]
    fn column_letters_match_excel() {
        assert_eq!(column_letters(0), b"A");
        assert_eq!(column_letters(25), b"Z");
        assert_eq!(column_letters(26), b"AA");
        assert_eq!(column_letters(16383), b"XFD");
    }
}
