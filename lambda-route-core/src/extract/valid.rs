//! `Valid<T>`: an extractor's value checked against its constraints (garde) before the route
//! runs, every broken constraint a field of the request's 422.

use std::future::Future;

use serde::Deserialize;

use super::wire::{wire_loc, RustStep};
use super::{Arg, Form, FromRequest, Json, Query, Rejection};
use crate::app::{AppState, StartupProblem};
use crate::ctx::Ctx;
use crate::describe::Operation;
use crate::response::{FieldError, LocSegment};

/// An extractor whose value is checked against the constraints declared on its type with
/// [`garde`](https://docs.rs/garde): ranges, lengths, patterns, emails, nested structs and
/// list elements (`#[garde(dive)]`), custom rules.
///
/// `Valid` wraps [`Json<T>`](Json), [`Query<T>`](Query) and [`Form<T>`](Form) (and any
/// extractor implementing [`ValidInput`]), where `T` derives both `Deserialize` and `garde::Validate`. The inner
/// extractor runs first: its own failures (400 for malformed JSON, 415 for another content
/// type, 422 for a missing or mistyped field) answer as they would without `Valid`, and no
/// constraint is checked. A value that was read but breaks constraints answers 422, with one
/// `detail` entry per broken constraint, next to any other argument's failures:
///
/// ```json
/// {"loc":["body","items",2,"title"],"type":"validation","msg":"length is lower than 1"}
/// ```
///
/// - `loc` starts with the input (`"body"`, `"query"`), then names the field as the client
///   sent it: serde's wire name (`#[serde(rename_all = "camelCase")]` turns Rust's
///   `next_token` into `nextToken`), and list positions as numbers.
/// - `type` is always `"validation"` (garde's errors carry no code); `msg` is garde's message.
///
/// Wire names are recovered from `T`'s `Deserialize` impl, by matching the Rust name garde
/// reports to the one accepted name that serde's rename rules make of it. That finds every
/// `rename_all` and every `rename` that follows a case convention (`nextToken` for
/// `next_token`). An arbitrary rename (`#[serde(rename = "q")]` on `query`), fields of a
/// struct that has a `#[serde(flatten)]` field, and fields below either, are reported under
/// their Rust names.
///
/// The derive writes `::garde::...` paths and garde offers no option to change them, so the
/// app depends on garde itself, at the version lambda-route re-exports (`lambda_route::garde`,
/// garde 0.22): `garde = { version = "0.22", features = ["derive"] }` in `Cargo.toml`. Cargo
/// then uses one copy of garde; another minor version would not be the same trait and fails
/// to compile with "the trait bound `T: garde::Validate` is not satisfied". Its feature
/// flags (`url`, `phone-number`, `credit-card`, ...) can be turned on in that same line. Types
/// whose `garde` context is not `Default` cannot be checked by `Valid`. garde's derive checks
/// each `pattern(r"...")` literal at compile time with a regex engine built without Unicode
/// classes: write `[0-9]` or `(?-u:\w)` rather than `\d` or `\w`.
///
/// Requires the `validate` feature.
///
/// # Examples
///
/// ```
/// use garde::Validate;
/// use lambda_route_core::extract::{Json, Valid};
/// use serde::Deserialize;
///
/// #[derive(Deserialize, Validate)]
/// #[serde(rename_all = "camelCase")]
/// struct NewUser {
///     #[garde(length(min = 1, max = 64))]
///     display_name: String,
///     #[garde(email)]
///     email: String,
///     #[garde(range(min = 13))]
///     age: u8,
///     #[garde(dive)]
///     addresses: Vec<Address>,
/// }
///
/// #[derive(Deserialize, Validate)]
/// struct Address {
///     #[garde(pattern(r"^[0-9]{5}$"))]
///     zip: String,
/// }
///
/// // #[post("/users", status = 201)]
/// fn create(Valid(Json(user)): Valid<Json<NewUser>>) -> String {
///     format!("welcome, {}", user.display_name)
/// }
/// # fn shim<'r>(cx: &'r lambda_route_core::Ctx<'r>) -> lambda_route_core::registry::BoxFuture<'r> {
/// #     use lambda_route_core::extract::{Arg, FromRequest};
/// #     use lambda_route_core::response::IntoResponse;
/// #     Box::pin(async move {
/// #         match <Valid<Json<NewUser>>>::from_request(cx, Arg::new("user", 0)).await {
/// #             Ok(arg) => create(arg).into_response(),
/// #             Err(rejection) => rejection.into_response(),
/// #         }
/// #     })
/// # }
/// # inventory::submit!(lambda_route_core::registry::Route::new(&["POST"], "/users", shim,
/// #     lambda_route_core::registry::Location::new("create", module_path!(), file!(), line!())));
/// # #[tokio::main(flavor = "current_thread")] async fn main() {
/// let app = lambda_route_core::App::new().build().unwrap();
/// let event = br#"{"httpMethod":"POST","path":"/users","headers":{"content-type":"application/json"},
///   "body":"{\"displayName\":\"Ada\",\"email\":\"ada@example.com\",\"age\":36,\"addresses\":[]}"}"#;
/// let answer = app.dispatch(event).await.unwrap();
/// let answer: serde_json::Value = serde_json::from_slice(&answer).unwrap();
/// assert_eq!(answer["body"], "welcome, Ada");
///
/// let event = br#"{"httpMethod":"POST","path":"/users","headers":{"content-type":"application/json"},
///   "body":"{\"displayName\":\"Ada\",\"email\":\"ada\",\"age\":36,\"addresses\":[{\"zip\":\"7500\"}]}"}"#;
/// let answer = app.dispatch(event).await.unwrap();
/// let answer: serde_json::Value = serde_json::from_slice(&answer).unwrap();
/// assert_eq!(answer["statusCode"], 422);
/// let body: serde_json::Value = serde_json::from_str(answer["body"].as_str().unwrap()).unwrap();
/// let locs: Vec<&serde_json::Value> = body["detail"].as_array().unwrap().iter().map(|e| &e["loc"]).collect();
/// assert_eq!(locs, [&serde_json::json!(["body", "email"]), &serde_json::json!(["body", "addresses", 0, "zip"])]);
/// # }
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Valid<T>(pub T);

/// An extractor that [`Valid`] can wrap: it lends the value it read and names where that
/// value came from.
///
/// # Examples
///
/// ```
/// use lambda_route_core::extract::{Json, ValidInput};
///
/// let json = Json(7_u8);
/// assert_eq!(*json.value(), 7);
/// assert_eq!(<Json<u8> as ValidInput>::LOCATION, "body");
/// ```
pub trait ValidInput {
    /// The value checked.
    type Value;

    /// The first segment of the `loc` of every field error: `"body"`, `"query"`.
    const LOCATION: &'static str;

    /// The value read.
    ///
    /// # Examples
    ///
    /// ```
    /// use lambda_route_core::extract::{Query, ValidInput};
    ///
    /// let query = Query(vec![1_u8, 2]);
    /// assert_eq!(query.value(), &[1, 2]);
    /// assert_eq!(<Query<Vec<u8>> as ValidInput>::LOCATION, "query");
    /// ```
    fn value(&self) -> &Self::Value;
}

impl<T> ValidInput for Json<T> {
    type Value = T;
    const LOCATION: &'static str = "body";

    fn value(&self) -> &T {
        &self.0
    }
}

impl<T> ValidInput for Query<T> {
    type Value = T;
    const LOCATION: &'static str = "query";

    fn value(&self) -> &T {
        &self.0
    }
}

impl<T> ValidInput for Form<T> {
    type Value = T;
    const LOCATION: &'static str = "body";

    fn value(&self) -> &T {
        &self.0
    }
}

impl<'r, E> FromRequest<'r> for Valid<E>
where
    E: FromRequest<'r> + ValidInput + 'r,
    E::Value: garde::Validate + Deserialize<'r>,
    <E::Value as garde::Validate>::Context: Default,
{
    fn from_request(
        cx: &'r Ctx<'r>,
        arg: Arg,
    ) -> impl Future<Output = Result<Self, Rejection>> + Send + 'r {
        let inner = E::from_request(cx, arg);
        async move {
            let inner = inner.await?;
            match garde::Validate::validate(inner.value()) {
                Ok(()) => Ok(Valid(inner)),
                Err(report) => Err(Rejection::from_fields(field_errors::<E::Value>(
                    E::LOCATION,
                    &report,
                ))),
            }
        }
    }

    fn check(state: &AppState, arg: Arg) -> Result<(), StartupProblem> {
        E::check(state, arg)
    }

    fn describe(operation: &mut Operation, arg: Arg) {
        E::describe(operation, arg);
    }
}

/// One field error per entry of garde's report, in the order the fields are declared
/// (garde sorts its report by Rust name).
fn field_errors<'de, T: Deserialize<'de>>(
    location: &'static str,
    report: &garde::Report,
) -> Vec<FieldError> {
    let mut errors: Vec<(Vec<usize>, FieldError)> = report
        .iter()
        .map(|(path, error)| {
            let wire = wire_loc::<T>(&rust_path(path));
            let mut loc = vec![LocSegment::from(location)];
            loc.extend(wire.loc);
            (
                wire.order,
                FieldError::new(loc, "validation", error.message()),
            )
        })
        .collect();
    // Stable: two errors of one field keep garde's order.
    errors.sort_by(|(a, _), (b, _)| a.cmp(b));
    errors.into_iter().map(|(_, error)| error).collect()
}

/// garde's path, outermost first. Its public structured form is its `Serialize` impl (a list
/// of `[kind, component]` pairs; the iterator behind it is `#[doc(hidden)]`), read back here.
fn rust_path(path: &garde::Path) -> Vec<RustStep> {
    #[derive(Deserialize)]
    #[serde(rename_all = "snake_case")]
    enum Kind {
        // A component with no name, such as the inside of an `Option`.
        None,
        Key,
        Index,
    }
    let parts: Vec<(Kind, String)> = serde_json::to_vec(path)
        .ok()
        .and_then(|json| serde_json::from_slice(&json).ok())
        .unwrap_or_default();
    parts
        .into_iter()
        .filter_map(|(kind, part)| match kind {
            Kind::None => None,
            Kind::Index => Some(match part.parse() {
                Ok(index) => RustStep::Index(index),
                Err(_) => RustStep::Key(part),
            }),
            Kind::Key => Some(RustStep::Key(part)),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use garde::Validate;

    #[derive(Deserialize, Validate)]
    #[serde(rename_all = "camelCase")]
    #[allow(dead_code, reason = "fields exist to be validated")]
    struct Signup {
        #[garde(length(min = 3))]
        user_name: String,
        #[garde(dive)]
        pets: Vec<Pet>,
        #[garde(inner(range(max = 9)))]
        lucky: Option<u8>,
    }

    #[derive(Deserialize, Validate)]
    #[allow(dead_code, reason = "fields exist to be validated")]
    struct Pet {
        #[garde(ascii)]
        name: String,
    }

    fn json(errors: &[FieldError]) -> Vec<String> {
        errors
            .iter()
            .map(|e| {
                let loc: Vec<String> = e.loc().iter().map(ToString::to_string).collect();
                format!("{} {} {}", loc.join("."), e.kind(), e.msg())
            })
            .collect()
    }

    #[test]
    fn report_to_field_errors() {
        let signup = Signup {
            user_name: "al".into(),
            pets: vec![Pet { name: "rex".into() }, Pet { name: "fé".into() }],
            lucky: Some(13),
        };
        let report = signup.validate().unwrap_err();
        assert_eq!(
            json(&field_errors::<Signup>("body", &report)),
            [
                "body.userName validation length is lower than 3",
                "body.pets.1.name validation not ascii",
                "body.lucky validation greater than 9",
            ]
        );
        let index = &field_errors::<Signup>("body", &report)[1];
        assert_eq!(index.loc()[2], LocSegment::Index(1));
    }
}
