//! The Swagger UI page for the document: an HTML page at the configured path, its files under
//! it. The files come from the function itself (`swagger-ui` feature: taken out of
//! `utoipa-swagger-ui-vendored`'s archive by build.rs) or from a base URL.

use std::borrow::Cow;

use http::HeaderValue;

use crate::response::{Body, Response};

/// The Swagger UI files served by the function (`swagger-ui` feature).
#[cfg(feature = "swagger-ui")]
const FILES: [(&str, &str, &str); 3] = [
    (
        "swagger-ui-bundle.js",
        "text/javascript; charset=utf-8",
        include_str!(concat!(env!("OUT_DIR"), "/swagger-ui-bundle.js")),
    ),
    (
        "swagger-ui.css",
        "text/css; charset=utf-8",
        include_str!(concat!(env!("OUT_DIR"), "/swagger-ui.css")),
    ),
    (
        "oauth2-redirect.html",
        "text/html; charset=utf-8",
        include_str!(concat!(env!("OUT_DIR"), "/oauth2-redirect.html")),
    ),
];

/// Where the page is and where its files come from.
#[derive(Debug, Clone)]
pub(crate) struct SwaggerUi {
    /// `/docs`, without a trailing slash.
    path: String,
    /// `None`: the function serves the files under `{path}/`.
    base_url: Option<String>,
}

impl SwaggerUi {
    pub(crate) fn new(path: &str, base_url: Option<String>) -> Self {
        let trimmed = path.trim_end_matches('/');
        let path = if trimmed.starts_with('/') {
            trimmed.to_owned()
        } else {
            format!("/{trimmed}")
        };
        SwaggerUi {
            path,
            base_url: base_url.map(|url| url.trim_end_matches('/').to_owned()),
        }
    }

    /// The page or one of its files, for a `GET` of `path` no route matched.
    pub(crate) fn answer(&self, path: &str, document: &str, title: &str) -> Option<Response> {
        if path == self.path || path.strip_suffix('/') == Some(&self.path) {
            return Some(self.page(path, document, title));
        }
        #[cfg(feature = "swagger-ui")]
        if self.base_url.is_none() {
            let file = path.strip_prefix(&self.path)?.strip_prefix('/')?;
            let (_, content_type, text) = FILES.iter().find(|(name, ..)| *name == file)?;
            return Some(
                Response::default()
                    .with_body(
                        HeaderValue::from_static(content_type),
                        Body::Text(Cow::Borrowed(text)),
                    )
                    .with_header(
                        http::header::CACHE_CONTROL,
                        HeaderValue::from_static("public, max-age=3600"),
                    )
                    .compress(true),
            );
        }
        None
    }

    /// The HTML page. Every URL in it is relative to the page's own path, so it works under
    /// an API Gateway stage or a stripped prefix the function never sees.
    fn page(&self, requested: &str, document: &str, title: &str) -> Response {
        let asset = |name: &str| match &self.base_url {
            Some(base) => format!("{base}/{name}"),
            None => relative(requested, &format!("{}/{name}", self.path)),
        };
        let html = format!(
            r##"<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>
<link rel="stylesheet" href="{css}">
</head>
<body>
<div id="swagger-ui"></div>
<script src="{js}"></script>
<script>
window.onload = function () {{
  window.ui = SwaggerUIBundle({{
    url: new URL("{document}", window.location.href).href,
    dom_id: "#swagger-ui",
    deepLinking: true,
    oauth2RedirectUrl: new URL("{redirect}", window.location.href).href
  }});
}};
</script>
</body>
</html>
"##,
            title = escape(title),
            css = escape(&asset("swagger-ui.css")),
            js = escape(&asset("swagger-ui-bundle.js")),
            document = escape(&relative(requested, document)),
            redirect = escape(&asset("oauth2-redirect.html")),
        );
        Response::default().with_body(
            HeaderValue::from_static("text/html; charset=utf-8"),
            Body::Text(Cow::Owned(html)),
        )
    }
}

/// `to` (an absolute path) relative to the directory of the page at `from`: `/docs` →
/// `openapi.json`, `/docs/` → `../openapi.json`.
fn relative(from: &str, to: &str) -> String {
    let depth = from.matches('/').count().saturating_sub(1);
    format!("{}{}", "../".repeat(depth), to.trim_start_matches('/'))
}

/// Escapes text for HTML and a JavaScript string in HTML.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\\' => out.push_str("\\\\"),
            other => out.push(other),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relative_urls() {
        let cases = [
            ("/docs", "/openapi.json", "openapi.json"),
            ("/docs/", "/openapi.json", "../openapi.json"),
            ("/api/docs", "/openapi.json", "../openapi.json"),
            ("/docs", "/docs/swagger-ui.css", "docs/swagger-ui.css"),
            ("/docs/", "/docs/swagger-ui.css", "../docs/swagger-ui.css"),
        ];
        for (from, to, expected) in cases {
            assert_eq!(relative(from, to), expected, "{from} {to}");
        }
    }

    #[test]
    fn escapes() {
        assert_eq!(
            escape(r#"<a href="x">&\"#),
            r#"&lt;a href=&quot;x&quot;&gt;&amp;\\"#
        );
    }
}
