//! Which content types compression leaves alone, and API Gateway's `binaryMediaTypes` match.

/// The media type without parameters, trimmed: `text/html; charset=utf-8` → `text/html`.
fn essence(content_type: &str) -> &str {
    content_type
        .split_once(';')
        .map_or(content_type, |(essence, _)| essence)
        .trim()
}

/// Types whose bytes are already compressed: gzip would only cost time. Images other than SVG
/// (and uncompressed BMP), audio, video, fonts in compressed formats, and archives.
pub(crate) fn is_already_compressed(content_type: &str) -> bool {
    let essence = essence(content_type);
    let Some((kind, subtype)) = essence.split_once('/') else {
        return false;
    };
    if kind.eq_ignore_ascii_case("image") {
        return !(subtype.eq_ignore_ascii_case("svg+xml") || subtype.eq_ignore_ascii_case("bmp"));
    }
    if kind.eq_ignore_ascii_case("audio") || kind.eq_ignore_ascii_case("video") {
        return true;
    }
    const COMPRESSED: [&str; 14] = [
        "application/zip",
        "application/gzip",
        "application/x-gzip",
        "application/x-bzip2",
        "application/x-xz",
        "application/x-7z-compressed",
        "application/x-rar-compressed",
        "application/vnd.rar",
        "application/zstd",
        "application/x-brotli",
        "application/java-archive",
        "application/epub+zip",
        "font/woff",
        "font/woff2",
    ];
    COMPRESSED
        .iter()
        .any(|compressed| essence.eq_ignore_ascii_case(compressed))
}

/// One `binaryMediaTypes` entry, as API Gateway matches it: an exact `type/subtype`, `type/*`
/// or `*/*`. SAM's `~1` spelling of `/` (`image~1png`) is accepted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct MediaRange {
    kind: String,
    subtype: String,
}

impl MediaRange {
    /// Parses one entry; `None` when it has no `/` (it would match nothing).
    pub(crate) fn parse(entry: &str) -> Option<Self> {
        let entry = entry.replace("~1", "/");
        let (kind, subtype) = essence(&entry).split_once('/')?;
        let (kind, subtype) = (kind.trim(), subtype.trim());
        if kind.is_empty() || subtype.is_empty() {
            return None;
        }
        Some(MediaRange {
            kind: kind.to_ascii_lowercase(),
            subtype: subtype.to_ascii_lowercase(),
        })
    }

    /// Whether a response `content-type` falls in this range (parameters ignored, ASCII case
    /// ignored).
    pub(crate) fn covers(&self, content_type: &str) -> bool {
        let Some((kind, subtype)) = essence(content_type).split_once('/') else {
            return false;
        };
        (self.kind == "*" || self.kind.eq_ignore_ascii_case(kind.trim()))
            && (self.subtype == "*" || self.subtype.eq_ignore_ascii_case(subtype.trim()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn already_compressed() {
        let cases: [(&str, bool); 16] = [
            ("image/png", true),
            ("IMAGE/JPEG", true),
            ("image/webp", true),
            ("image/svg+xml", false),
            ("image/svg+xml; charset=utf-8", false),
            ("image/bmp", false),
            ("audio/mpeg", true),
            ("video/mp4", true),
            ("application/zip", true),
            ("application/gzip", true),
            ("Application/X-Gzip", true),
            ("font/woff2", true),
            ("application/json", false),
            ("text/html; charset=utf-8", false),
            ("application/octet-stream", false),
            ("nonsense", false),
        ];
        for (content_type, expected) in cases {
            assert_eq!(
                is_already_compressed(content_type),
                expected,
                "{content_type}"
            );
        }
    }

    #[test]
    fn media_ranges() {
        let range = |entry: &str| MediaRange::parse(entry);
        let exact = range("application/json");
        assert!(exact
            .as_ref()
            .is_some_and(|r| r.covers("application/json; charset=utf-8")));
        assert!(exact.as_ref().is_some_and(|r| r.covers("Application/JSON")));
        assert!(exact
            .as_ref()
            .is_some_and(|r| !r.covers("application/jsonx")));
        assert!(exact.as_ref().is_some_and(|r| !r.covers("text/html")));
        let all = range("*/*");
        assert!(all.as_ref().is_some_and(|r| r.covers("text/html")));
        assert!(all.as_ref().is_some_and(|r| !r.covers("nonsense")));
        let images = range("image/*");
        assert!(images.as_ref().is_some_and(|r| r.covers("image/svg+xml")));
        assert!(images.as_ref().is_some_and(|r| !r.covers("text/plain")));
        let sam = range("application~1json");
        assert_eq!(sam, range("application/json"));
        assert_eq!(range("json"), None);
        assert_eq!(range("/json"), None);
    }
}
