//! Compile-time behaviour of the macros: programs that must compile (and run), and one
//! program per mistake whose compiler output must match its reviewed `.stderr`.
//!
//! Regenerate the expected output with `TRYBUILD=overwrite cargo test -p lambda-route-tests
//! --test ui`, then read the diff.

#[test]
fn ui() {
    let t = trybuild::TestCases::new();
    t.pass("ui/pass/*.rs");
    t.compile_fail("ui/fail/*.rs");
}
