//! Application state: values the app registers at start-up, read by extractors.

use std::any::{Any, TypeId};
use std::fmt;

/// Values an application registers at start-up, one per type, shared by every request.
///
/// Extractors read it through [`Ctx::state`](crate::Ctx::state); their
/// [`check`](crate::extract::FromRequest::check) hook sees it at start-up, so a route that
/// needs a value nobody registered stops the cold start instead of failing every request.
/// A lookup is a linear scan over a handful of `TypeId`s: no hashing, no allocation.
///
/// # Examples
///
/// ```
/// use lambda_route_core::AppState;
///
/// let state = AppState::default();
/// assert!(state.get::<String>().is_none());
/// ```
#[derive(Default)]
pub struct AppState {
    values: Vec<(TypeId, &'static str, Box<dyn Any + Send + Sync>)>,
}

impl AppState {
    /// The registered value of type `T`, if any.
    ///
    /// # Examples
    ///
    /// ```
    /// # use lambda_route_core::registry::{BoxFuture, Location, Route};
    /// # use lambda_route_core::response::IntoResponse;
    /// # fn shim<'r>(cx: &'r lambda_route_core::Ctx<'r>) -> BoxFuture<'r> {
    /// #     Box::pin(async move { format!("{} {}", cx.request().method(), cx.request().path()).into_response() })
    /// # }
    /// # inventory::submit!(Route::new(&["GET"], "/health", shim, Location::new("health", module_path!(), file!(), line!())));
    /// use lambda_route_core::App;
    ///
    /// struct Config { table: String }
    ///
    /// let app = App::new().state(Config { table: "todos".into() }).build().unwrap();
    /// assert_eq!(app.state().get::<Config>().map(|c| c.table.as_str()), Some("todos"));
    /// assert!(app.state().get::<String>().is_none());
    /// ```
    pub fn get<T: Any>(&self) -> Option<&T> {
        let id = TypeId::of::<T>();
        self.values
            .iter()
            .find(|(key, _, _)| *key == id)
            .and_then(|(_, _, value)| value.downcast_ref::<T>())
    }

    /// Registers `value`, replacing an earlier value of the same type.
    pub(crate) fn insert<T: Any + Send + Sync>(&mut self, value: T) {
        let id = TypeId::of::<T>();
        self.values.retain(|(key, _, _)| *key != id);
        self.values
            .push((id, std::any::type_name::<T>(), Box::new(value)));
    }
}

impl fmt::Debug for AppState {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_set()
            .entries(self.values.iter().map(|(_, name, _)| name))
            .finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_value_per_type() {
        let mut state = AppState::default();
        state.insert(1_u32);
        state.insert(String::from("a"));
        state.insert(2_u32);
        assert_eq!(state.get::<u32>(), Some(&2));
        assert_eq!(state.get::<String>().map(String::as_str), Some("a"));
        assert_eq!(state.get::<u64>(), None);
        assert_eq!(format!("{state:?}"), r#"{"alloc::string::String", "u32"}"#);
    }
}
