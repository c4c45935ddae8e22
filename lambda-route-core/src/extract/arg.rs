//! Which route argument an extractor fills.

/// The route argument an extractor fills: its name and its position in the route function.
///
/// The name is the argument's identifier (`limit` for `limit: Query<u32>`); for a pattern
/// such as `Json(new): Json<NewTodo>` it is the single identifier inside (`new`), and `_`
/// when there is none.
///
/// # Examples
///
/// ```
/// use lambda_route_core::extract::Arg;
///
/// let arg = Arg::new("x_api_key", 1);
/// assert_eq!(arg.name(), "x_api_key");
/// assert_eq!(arg.index(), 1);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Arg {
    name: &'static str,
    index: usize,
}

impl Arg {
    /// The argument `name` at position `index` (0-based, counting every argument).
    pub const fn new(name: &'static str, index: usize) -> Self {
        Arg { name, index }
    }

    /// The argument's name.
    pub fn name(&self) -> &'static str {
        self.name
    }

    /// The argument's position in the route function, from 0.
    pub fn index(&self) -> usize {
        self.index
    }
}
