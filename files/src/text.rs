//! Plain text in the encodings Estonian files come in: UTF-8 (with or without its mark),
//! UTF-16 (Windows "Unicode" exports) and Windows-1257 (the Baltic code page). Latin-1 or
//! Windows-1252 would read "õ" right but "š"/"ž" as "ð"/"þ", so a text that is not UTF-8 is
//! read as Windows-1257, the only single-byte code page that holds all of õäöüšž.

use encoding_rs::{UTF_16BE, UTF_16LE, WINDOWS_1257};

/// The text and the name of the encoding it was read in.
pub fn decode(bytes: &[u8]) -> (String, &'static str) {
    if let Some(rest) = bytes.strip_prefix(b"\xef\xbb\xbf") {
        return (String::from_utf8_lossy(rest).into_owned(), "UTF-8");
    }
    if let Some(rest) = bytes.strip_prefix(b"\xff\xfe") {
        return (
            UTF_16LE.decode_without_bom_handling(rest).0.into_owned(),
            "UTF-16LE",
        );
    }
    if let Some(rest) = bytes.strip_prefix(b"\xfe\xff") {
        return (
            UTF_16BE.decode_without_bom_handling(rest).0.into_owned(),
            "UTF-16BE",
        );
    }
    if let Some(le) = utf16_without_mark(bytes) {
        let encoding = if le { UTF_16LE } else { UTF_16BE };
        let name = if le { "UTF-16LE" } else { "UTF-16BE" };
        return (
            encoding.decode_without_bom_handling(bytes).0.into_owned(),
            name,
        );
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => (text.to_owned(), "UTF-8"),
        // A head cut inside a character is still UTF-8.
        Err(err) if err.error_len().is_none() && err.valid_up_to() + 4 > bytes.len() => (
            String::from_utf8_lossy(&bytes[..err.valid_up_to()]).into_owned(),
            "UTF-8",
        ),
        Err(_) => (
            WINDOWS_1257
                .decode_without_bom_handling(bytes)
                .0
                .into_owned(),
            "windows-1257",
        ),
    }
}

/// UTF-16 without a byte-order mark: mostly-Latin text has a NUL in every other byte.
/// `Some(true)` for little-endian.
fn utf16_without_mark(bytes: &[u8]) -> Option<bool> {
    let sample = &bytes[..bytes.len().min(512) & !1];
    if sample.len() < 4 {
        return None;
    }
    let pairs = sample.len() / 2;
    let odd_nuls = sample
        .iter()
        .skip(1)
        .step_by(2)
        .filter(|b| **b == 0)
        .count();
    let even_nuls = sample.iter().step_by(2).filter(|b| **b == 0).count();
    if odd_nuls * 10 >= pairs * 6 && even_nuls * 10 < pairs {
        Some(true)
    } else if even_nuls * 10 >= pairs * 6 && odd_nuls * 10 < pairs {
        Some(false)
    } else {
        None
    }
}

/// Text, not binary: almost no control characters besides line breaks and tabs.
pub fn looks_like_text(text: &str) -> bool {
    let total = text.chars().count();
    let control = text
        .chars()
        .filter(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\u{c}'))
        .count();
    let replaced = text.chars().filter(|c| *c == '\u{fffd}').count();
    total == 0 || (control * 50 <= total && replaced * 20 <= total)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn windows_1257_keeps_every_estonian_letter() {
        // "Õun šokolaad žürii äöü" in Windows-1257.
        let bytes = b"\xd5un \xf0okolaad \xfe\xfcrii \xe4\xf6\xfc";
        assert_eq!(
            decode(bytes),
            ("Õun šokolaad žürii äöü".to_owned(), "windows-1257")
        );
    }

    #[test]
    fn utf16_with_and_without_its_mark_is_read() {
        let text = "Tööülesanded: õpetamine";
        let le: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
        let mut marked = vec![0xff, 0xfe];
        marked.extend(&le);
        assert_eq!(decode(&marked), (text.to_owned(), "UTF-16LE"));
        assert_eq!(decode(&le), (text.to_owned(), "UTF-16LE"));
        let be: Vec<u8> = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
        assert_eq!(decode(&be), (text.to_owned(), "UTF-16BE"));
    }

    #[test]
    fn utf8_stays_utf8_with_or_without_its_mark() {
        assert_eq!(decode("žürii".as_bytes()), ("žürii".to_owned(), "UTF-8"));
        assert_eq!(
            decode(b"\xef\xbb\xbfT\xc3\xb6\xc3\xb6"),
            ("Töö".to_owned(), "UTF-8")
        );
    }
}
