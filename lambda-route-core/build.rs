//! With the `swagger-ui` feature: takes the Swagger UI files the function serves out of the
//! zip that `utoipa-swagger-ui-vendored` ships (the archive `utoipa-swagger-ui`'s `vendored`
//! feature uses), into `OUT_DIR`. Nothing is downloaded. Without the feature: nothing.
//!
//! Also sets `cfg(local_server)` where the local development server is compiled in: builds
//! with debug assertions (`cargo run`, `cargo test`, `cargo lambda watch`), or any build with
//! the `local-server` feature. A release build for Lambda leaves it out (about 240 KB of a
//! deployed binary), since on Lambda it never runs.

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo::rustc-check-cfg=cfg(local_server)");
    let debug_assertions = std::env::var_os("CARGO_CFG_DEBUG_ASSERTIONS").is_some();
    let feature = std::env::var_os("CARGO_FEATURE_LOCAL_SERVER").is_some();
    if debug_assertions || feature {
        println!("cargo::rustc-cfg=local_server");
    }
    #[cfg(feature = "swagger-ui")]
    swagger::extract();
}

#[cfg(feature = "swagger-ui")]
mod swagger {
    use std::path::PathBuf;

    /// The files the page needs: the bundle, its stylesheet, and the OAuth 2 redirect page.
    const FILES: [&str; 3] = [
        "swagger-ui-bundle.js",
        "swagger-ui.css",
        "oauth2-redirect.html",
    ];

    pub(super) fn extract() {
        let zip = utoipa_swagger_ui_vendored::SWAGGER_UI_VENDORED;
        let out = PathBuf::from(std::env::var_os("OUT_DIR").unwrap_or_default());
        for name in FILES {
            match find(zip, name) {
                Ok(bytes) => {
                    if let Err(err) = std::fs::write(out.join(name), bytes) {
                        panic!("cannot write {name} into OUT_DIR: {err}");
                    }
                }
                Err(err) => panic!("Swagger UI file {name} not in the vendored zip: {err}"),
            }
        }
    }

    fn u16_at(data: &[u8], at: usize) -> Result<usize, String> {
        data.get(at..at + 2)
            .and_then(|b| <[u8; 2]>::try_from(b).ok())
            .map(|b| usize::from(u16::from_le_bytes(b)))
            .ok_or_else(|| format!("truncated at {at}"))
    }

    fn u32_at(data: &[u8], at: usize) -> Result<usize, String> {
        data.get(at..at + 4)
            .and_then(|b| <[u8; 4]>::try_from(b).ok())
            .and_then(|b| usize::try_from(u32::from_le_bytes(b)).ok())
            .ok_or_else(|| format!("truncated at {at}"))
    }

    /// The file of `zip` whose name ends with `/dist/{name}`, inflated: a reader for the
    /// central directory and the two methods the archive uses (stored, deflate).
    fn find(zip: &[u8], name: &str) -> Result<Vec<u8>, String> {
        const END: [u8; 4] = [0x50, 0x4b, 0x05, 0x06];
        let end = (0..zip.len().saturating_sub(21))
            .rev()
            .find(|&i| zip.get(i..i + 4) == Some(&END[..]))
            .ok_or("no end of central directory")?;
        let count = u16_at(zip, end + 10)?;
        let mut at = u32_at(zip, end + 16)?;
        let wanted = format!("/dist/{name}");
        for _ in 0..count {
            let method = u16_at(zip, at + 10)?;
            let compressed = u32_at(zip, at + 20)?;
            let name_len = u16_at(zip, at + 28)?;
            let extra_len = u16_at(zip, at + 30)?;
            let comment_len = u16_at(zip, at + 32)?;
            let local = u32_at(zip, at + 42)?;
            let entry = zip.get(at + 46..at + 46 + name_len).ok_or("bad name")?;
            at += 46 + name_len + extra_len + comment_len;
            if !entry.ends_with(wanted.as_bytes()) {
                continue;
            }
            let start = local + 30 + u16_at(zip, local + 26)? + u16_at(zip, local + 28)?;
            let data = zip.get(start..start + compressed).ok_or("bad data range")?;
            return match method {
                0 => Ok(data.to_vec()),
                8 => miniz_oxide::inflate::decompress_to_vec(data).map_err(|e| format!("{e:?}")),
                other => Err(format!("compression method {other}")),
            };
        }
        Err("not found".into())
    }
}
