//! Support code for the users tests: a moto server (DynamoDB-compatible) and the users
//! binary as a local server pointed at it.

pub(crate) mod cases;
pub(crate) mod moto;
