//! The todos binary as a local server, driven by a real HTTP client over loopback, once per
//! event shape: every request becomes real event JSON and goes through the same dispatch as
//! on Lambda.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    reason = "tests panic on failure"
)]

mod support;

use std::path::Path;
use std::time::Duration;

use support::server::Server;
use ureq::Agent;

fn agent() -> Agent {
    Agent::config_builder()
        .http_status_as_error(false)
        .timeout_global(Some(Duration::from_secs(10)))
        .build()
        .into()
}

/// (status, content-type, allow, body)
type Answer = (u16, Option<String>, Option<String>, String);

fn answer(response: Result<ureq::http::Response<ureq::Body>, ureq::Error>) -> Answer {
    let mut response = response.unwrap();
    let header = |name: &str| {
        response
            .headers()
            .get(name)
            .map(|v| v.to_str().unwrap().to_owned())
    };
    let (content_type, allow) = (header("content-type"), header("allow"));
    let status = response.status().as_u16();
    (
        status,
        content_type,
        allow,
        response.body_mut().read_to_string().unwrap(),
    )
}

fn json() -> Option<String> {
    Some("application/json".to_owned())
}

/// The whole CRUD flow, identical whatever event shape the server converts requests into.
fn crud_flow(server: &Server, kind: &str) {
    let agent = agent();
    let url = |path: &str| server.url(path);
    let create = |title: &str| {
        answer(
            agent
                .post(url("/todos"))
                .header("content-type", "application/json")
                .send(format!(r#"{{"title":"{title}"}}"#)),
        )
    };

    assert_eq!(
        answer(agent.get(url("/todos")).call()),
        (200, json(), None, "[]".into()),
        "{kind}"
    );
    assert_eq!(
        create("write docs"),
        (
            201,
            json(),
            None,
            r#"{"id":1,"title":"write docs","done":false}"#.into()
        ),
        "{kind}"
    );
    assert_eq!(
        answer(agent.get(url("/todos/1")).call()),
        (
            200,
            json(),
            None,
            r#"{"id":1,"title":"write docs","done":false}"#.into()
        ),
        "{kind}"
    );
    assert_eq!(
        answer(
            agent
                .put(url("/todos/1"))
                .header("content-type", "application/json")
                .send(r#"{"done":true}"#)
        ),
        (
            200,
            json(),
            None,
            r#"{"id":1,"title":"write docs","done":true}"#.into()
        ),
        "{kind}"
    );
    // A header parameter, then query parameters filtering the list.
    assert_eq!(
        answer(
            agent
                .post(url("/todos"))
                .header("content-type", "application/json")
                .header("X-Owner", "ana")
                .send(r#"{"title":"ship it"}"#)
        ),
        (
            201,
            json(),
            None,
            r#"{"id":2,"title":"ship it","done":false,"owner":"ana"}"#.into()
        ),
        "{kind}"
    );
    assert_eq!(
        answer(agent.get(url("/todos?done=false")).call()),
        (
            200,
            json(),
            None,
            r#"[{"id":2,"title":"ship it","done":false,"owner":"ana"}]"#.into()
        ),
        "{kind}"
    );
    assert_eq!(
        answer(agent.get(url("/todos?limit=1")).call()),
        (
            200,
            json(),
            None,
            r#"[{"id":1,"title":"write docs","done":true}]"#.into()
        ),
        "{kind}"
    );
    assert_eq!(
        answer(agent.get(url("/todos?done=maybe&limit=-1")).call()),
        (
            422,
            json(),
            None,
            r#"{"statusCode":422,"message":"Request validation failed","detail":[{"loc":["query","done"],"type":"parse_error","msg":"invalid bool: provided string was not `true` or `false`"},{"loc":["query","limit"],"type":"parse_error","msg":"invalid usize: invalid digit found in string"}]}"#.into()
        ),
        "{kind}"
    );
    assert_eq!(
        answer(agent.delete(url("/todos/2")).call()),
        (204, None, None, String::new()),
        "{kind}"
    );
    // HEAD is answered by the GET route, without a body.
    assert_eq!(
        answer(agent.head(url("/todos/1")).call()),
        (200, json(), None, String::new()),
        "{kind}"
    );
    // A typed path parameter that does not parse.
    assert_eq!(
        answer(agent.get(url("/todos/abc")).call()),
        (
            422,
            json(),
            None,
            r#"{"statusCode":422,"message":"Request validation failed","detail":[{"loc":["path","id"],"type":"parse_error","msg":"invalid u64: invalid digit found in string"}]}"#.into()
        ),
        "{kind}"
    );
    // Malformed JSON body, then a body of the wrong shape.
    assert_eq!(
        answer(
            agent
                .post(url("/todos"))
                .header("content-type", "application/json")
                .send("nope")
        )
        .0,
        400,
        "{kind}"
    );
    assert_eq!(
        answer(agent.post(url("/todos")).header("content-type", "application/json").send(r#"{"name":"x"}"#)),
        (
            422,
            json(),
            None,
            r#"{"statusCode":422,"message":"Request validation failed","detail":[{"loc":["body","title"],"type":"missing","msg":"field required"}]}"#.into()
        ),
        "{kind}"
    );
    // Wrong method on a known path; unknown path.
    assert_eq!(
        answer(agent.patch(url("/todos/1")).send_empty()),
        (
            405,
            json(),
            Some("DELETE, GET, HEAD, PUT".into()),
            r#"{"statusCode":405,"message":"Method not allowed"}"#.into()
        ),
        "{kind}"
    );
    assert_eq!(
        answer(agent.get(url("/nope")).call()),
        (
            404,
            json(),
            None,
            r#"{"statusCode":404,"message":"Not found"}"#.into()
        ),
        "{kind}"
    );
    assert_eq!(
        answer(agent.delete(url("/todos/1")).call()),
        (204, None, None, String::new()),
        "{kind}"
    );
    assert_eq!(answer(agent.get(url("/todos/1")).call()).0, 404, "{kind}");
}

#[test]
fn every_event_shape_serves_the_same_api() {
    for kind in [
        "v2",
        "v1",
        "url",
        "alb",
        "alb-multi",
        "lattice-v1",
        "lattice-v2",
    ] {
        let mut server = Server::start(Path::new(env!("CARGO_BIN_EXE_todos")), &["--event", kind]);
        crud_flow(&server, kind);
        let output = server.output();
        // The route table at start-up, then one access line per request, and only one.
        assert!(
            output.contains("serving 5 routes on http://127.0.0.1:"),
            "{output}"
        );
        assert!(
            output.contains("  GET     /todos/<id>  todos::get_todo (examples/todos/src/main.rs:"),
            "{output}"
        );
        // `crud_flow` creates two todos.
        assert_eq!(
            output.matches(" POST /todos -> 201 in ").count(),
            2,
            "{output}"
        );
        assert_eq!(
            output.matches(" PATCH /todos/1 -> 405 in ").count(),
            1,
            "{output}"
        );
        assert!(output.contains(" GET /todos/1 -> 200 in "), "{output}");
    }
}

#[test]
fn a_bad_setting_stops_start_up() {
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_todos"))
        .args(["--event", "sqs"])
        .env_remove("AWS_LAMBDA_RUNTIME_API")
        .output()
        .unwrap();
    assert!(!output.status.success());
    assert!(String::from_utf8_lossy(&output.stderr).contains("unknown event kind \"sqs\""));
}
