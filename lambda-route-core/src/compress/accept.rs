//! `Accept-Encoding` (RFC 9110 §12.5.3): does the client take gzip?

/// Whether the request's `Accept-Encoding` values accept gzip over the identity encoding.
///
/// Codings are case-insensitive and carry an optional `;q=` weight (0 to 1, default 1):
/// `gzip;q=0` refuses gzip. `x-gzip` is gzip (RFC 9110 §8.4.1.3). When gzip is not named,
/// `*` gives its weight to it. gzip is chosen when its weight is above 0 and not below an
/// explicitly weighted `identity`. No header at all means no compression: RFC 9110 allows any
/// coding then, but a client that sends nothing is usually one that cannot decode.
/// A malformed element counts as absent; it never fails the request.
pub(crate) fn accepts_gzip<'a>(values: impl Iterator<Item = &'a str>) -> bool {
    let mut gzip: Option<u16> = None;
    let mut star: Option<u16> = None;
    let mut identity: Option<u16> = None;
    for element in values.flat_map(|value| value.split(',')) {
        let mut parts = element.split(';');
        let coding = parts.next().unwrap_or_default().trim();
        if coding.is_empty() {
            continue;
        }
        let Some(q) = weight(parts) else {
            continue;
        };
        let slot = if coding.eq_ignore_ascii_case("gzip") || coding.eq_ignore_ascii_case("x-gzip") {
            &mut gzip
        } else if coding == "*" {
            &mut star
        } else if coding.eq_ignore_ascii_case("identity") {
            &mut identity
        } else {
            continue;
        };
        // A coding named twice keeps its highest weight.
        *slot = Some(slot.map_or(q, |old| old.max(q)));
    }
    let q = gzip.or(star).unwrap_or(0);
    q > 0 && identity.is_none_or(|identity| q >= identity)
}

/// The element's `q` in thousandths (1000 when absent); `None` when it is malformed.
fn weight<'a>(params: impl Iterator<Item = &'a str>) -> Option<u16> {
    let mut q = 1000;
    for param in params {
        let (name, value) = param.split_once('=')?;
        if name.trim().eq_ignore_ascii_case("q") {
            q = qvalue(value.trim())?;
        }
    }
    Some(q)
}

/// `qvalue = ( "0" [ "." 0*3DIGIT ] ) / ( "1" [ "." 0*3("0") ] )`, in thousandths.
fn qvalue(text: &str) -> Option<u16> {
    let (whole, fraction) = text.split_once('.').unwrap_or((text, ""));
    if fraction.len() > 3 || !fraction.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let mut thousandths: u16 = 0;
    for (i, digit) in fraction.bytes().enumerate() {
        let scale = [100, 10, 1].get(i).copied().unwrap_or(0);
        thousandths += u16::from(digit - b'0') * scale;
    }
    match whole {
        "0" => Some(thousandths),
        "1" if thousandths == 0 => Some(1000),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn accepts(header: &str) -> bool {
        accepts_gzip(std::iter::once(header))
    }

    #[test]
    fn codings_and_weights() {
        let cases: [(&str, bool); 26] = [
            ("gzip", true),
            ("GZIP", true),
            ("x-gzip", true),
            ("gzip, deflate, br", true),
            ("deflate, br", false),
            ("br;q=1.0, gzip;q=0.8, *;q=0.1", true),
            ("gzip;q=0", false),
            ("gzip;q=0.000", false),
            ("gzip; q=0.001", true),
            ("gzip;Q=0.5", true),
            ("*", true),
            ("*;q=0", false),
            ("gzip;q=0, *", false),
            ("*;q=0, gzip", true),
            ("identity", false),
            ("identity, gzip;q=0.5", false),
            ("identity;q=0.5, gzip", true),
            ("identity;q=0, gzip", true),
            ("gzip;q=0.5, identity;q=0.5", true),
            ("gzip;q=2", false),
            ("gzip;q=1.5", false),
            ("gzip;q=0.5.5", false),
            ("gzip;q", false),
            ("gzip;q=abc, deflate", false),
            ("", false),
            (" , ,gzip ,", true),
        ];
        for (header, expected) in cases {
            assert_eq!(accepts(header), expected, "{header:?}");
        }
    }

    #[test]
    fn several_header_values() {
        assert!(accepts_gzip(["deflate", "gzip"].into_iter()));
        // Named twice: the highest weight counts.
        assert!(accepts_gzip(["gzip;q=0", "GZIP;q=0.3"].into_iter()));
        assert!(!accepts_gzip(["br", "gzip;q=0"].into_iter()));
        assert!(!accepts_gzip(std::iter::empty()));
    }

    #[test]
    fn qvalues() {
        assert_eq!(qvalue("1"), Some(1000));
        assert_eq!(qvalue("1.000"), Some(1000));
        assert_eq!(qvalue("0.5"), Some(500));
        assert_eq!(qvalue("0.25"), Some(250));
        assert_eq!(qvalue("0.125"), Some(125));
        assert_eq!(qvalue("0."), Some(0));
        assert_eq!(qvalue("0.1234"), None);
        assert_eq!(qvalue("1.001"), None);
        assert_eq!(qvalue("-0"), None);
        assert_eq!(qvalue(""), None);
    }
}
