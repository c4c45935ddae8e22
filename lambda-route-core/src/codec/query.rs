//! Splitting a query string (`a=1&b=x%20y`) into its raw `name=value` parts.

/// The `(name, value)` parts of `query`, still percent-encoded, in order. Empty parts
/// (`a=1&&b=2`) are skipped; a part without `=` is a name with an empty value.
pub(crate) fn parts(query: &str) -> impl Iterator<Item = (&str, &str)> + Clone {
    non_empty(query).map(|part| part.split_once('=').unwrap_or((part, "")))
}

/// How many parts [`parts`] yields, without splitting them.
pub(crate) fn count(query: &str) -> usize {
    non_empty(query).count()
}

fn non_empty(query: &str) -> impl Iterator<Item = &str> + Clone {
    query.split('&').filter(|part| !part.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table() {
        let cases: [(&str, &[(&str, &str)]); 5] = [
            ("", &[]),
            ("a=1", &[("a", "1")]),
            ("a=1&&b=x%20y&", &[("a", "1"), ("b", "x%20y")]),
            ("flag&c=", &[("flag", ""), ("c", "")]),
            ("e=1=2&=v", &[("e", "1=2"), ("", "v")]),
        ];
        for (query, expected) in cases {
            assert_eq!(parts(query).collect::<Vec<_>>(), expected, "{query}");
            assert_eq!(count(query), expected.len(), "{query}");
        }
    }
}
