//! Writing JSON straight into a byte buffer: the response encoders and the local server's
//! event builder use these instead of building a `serde_json::Value`.

/// Appends `s` as a JSON string literal (quotes included).
pub(crate) fn write_str(out: &mut Vec<u8>, s: &str) {
    out.push(b'"');
    let bytes = s.as_bytes();
    let mut start = 0;
    for (i, &b) in bytes.iter().enumerate() {
        let escape: &[u8] = match b {
            b'"' => b"\\\"",
            b'\\' => b"\\\\",
            b'\n' => b"\\n",
            b'\r' => b"\\r",
            b'\t' => b"\\t",
            0x00..=0x1f => {
                out.extend_from_slice(bytes.get(start..i).unwrap_or_default());
                write_control(out, b);
                start = i + 1;
                continue;
            }
            _ => continue,
        };
        out.extend_from_slice(bytes.get(start..i).unwrap_or_default());
        out.extend_from_slice(escape);
        start = i + 1;
    }
    out.extend_from_slice(bytes.get(start..).unwrap_or_default());
    out.push(b'"');
}

fn write_control(out: &mut Vec<u8>, b: u8) {
    let hex = |nibble: u8| {
        if nibble < 10 {
            b'0' + nibble
        } else {
            b'a' + nibble - 10
        }
    };
    out.extend_from_slice(b"\\u00");
    out.push(hex(b >> 4));
    out.push(hex(b & 0xf));
}

/// Appends `"key":` (the key is a trusted ASCII literal).
pub(crate) fn write_key(out: &mut Vec<u8>, key: &str) {
    out.push(b'"');
    out.extend_from_slice(key.as_bytes());
    out.extend_from_slice(b"\":");
}

/// Appends a decimal unsigned integer.
pub(crate) fn write_u16(out: &mut Vec<u8>, n: u16) {
    write_u64(out, u64::from(n));
}

/// Appends a decimal unsigned integer.
pub(crate) fn write_usize(out: &mut Vec<u8>, n: usize) {
    write_u64(out, n as u64);
}

fn write_u64(out: &mut Vec<u8>, n: u64) {
    let mut buf = [0u8; 20];
    let mut i = buf.len();
    let mut n = n;
    loop {
        i -= 1;
        if let Some(slot) = buf.get_mut(i) {
            *slot = b'0' + (n % 10) as u8;
        }
        n /= 10;
        if n == 0 {
            break;
        }
    }
    out.extend_from_slice(buf.get(i..).unwrap_or_default());
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_round_trip_through_serde_json() {
        let cases = [
            "",
            "plain",
            "quote \" backslash \\ slash /",
            "newline\nreturn\rtab\t",
            "control \u{0} \u{1f} \u{7f}",
            "unicode é 😀",
        ];
        for case in cases {
            let mut out = Vec::new();
            write_str(&mut out, case);
            let back: String = serde_json::from_slice(&out).unwrap();
            assert_eq!(back, case, "{}", String::from_utf8_lossy(&out));
        }
    }

    #[test]
    fn integers() {
        for n in [0u16, 7, 10, 200, 404, 65535] {
            let mut out = Vec::new();
            write_u16(&mut out, n);
            assert_eq!(out, n.to_string().as_bytes());
        }
    }
}
