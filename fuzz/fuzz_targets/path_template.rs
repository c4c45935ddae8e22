//! The route-template grammar (`lambda_route_path::parse`): any text parses to segments or
//! errors whose byte ranges lie inside the template on character boundaries, and a template
//! without errors is made of its segments in order.
#![no_main]

use lambda_route_path::{parse, SegmentKind};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|template: &str| {
    let parsed = parse(template);
    for error in &parsed.errors {
        assert!(
            template.get(error.range.clone()).is_some(),
            "{error:?} in {template:?}"
        );
        // Every error has a message for the compile error.
        assert!(!error.to_string().is_empty());
    }
    let mut end = 0;
    for segment in &parsed.segments {
        let text = template
            .get(segment.range.clone())
            .unwrap_or_else(|| panic!("{segment:?} outside {template:?}"));
        assert!(
            segment.range.start >= end,
            "segments overlap in {template:?}"
        );
        end = segment.range.end;
        match segment.kind {
            SegmentKind::Static(s) => assert_eq!(s, text, "{template:?}"),
            SegmentKind::Param(name) => assert_eq!(format!("<{name}>"), text, "{template:?}"),
            SegmentKind::Rest(name) => assert_eq!(format!("<{name}..>"), text, "{template:?}"),
        }
    }
    if parsed.errors.is_empty() {
        let rebuilt: String = parsed
            .segments
            .iter()
            .map(|s| format!("/{}", &template[s.range.clone()]))
            .collect();
        let expected = if rebuilt.is_empty() {
            "/".to_owned()
        } else {
            rebuilt
        };
        assert_eq!(expected, template, "a valid template is its segments");
    }
});
