//! Reading and writing the text the events are made of: JSON, percent-encoding, query
//! strings.
//!
//! Leaf utilities: nothing here names another module of this crate, so the event decoders,
//! the request, the extractors, the responses and the local server can all use them without
//! depending on each other.

pub(crate) mod de;
pub(crate) mod json;
pub(crate) mod json_path;
pub(crate) mod percent;
pub(crate) mod query;
pub(crate) mod scan;
pub(crate) mod unescape;
