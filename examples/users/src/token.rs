//! Page tokens: DynamoDB's `LastEvaluatedKey` carried to the client and back as an opaque,
//! URL-safe string (unpadded base64url of the key's attributes as a JSON object), so it can
//! be pasted into `?nextToken=` as is.

use std::collections::BTreeMap;

use aws_sdk_dynamodb::types::AttributeValue;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine as _;
use lambda_route::HttpError;

use crate::store::Item;

/// The token for `key`, whose attributes are all strings (the index's keys are).
pub(crate) fn encode(key: &Item) -> Result<String, HttpError> {
    let mut fields = BTreeMap::new();
    for (name, value) in key {
        match value {
            AttributeValue::S(value) => fields.insert(name.as_str(), value.as_str()),
            _ => {
                return Err(
                    HttpError::internal_server_error("the user store failed").with_detail(format!(
                        "LastEvaluatedKey attribute `{name}` is not a string"
                    )),
                )
            }
        };
    }
    let json = serde_json::to_vec(&fields).map_err(|error| {
        HttpError::internal_server_error("the user store failed").with_detail(error)
    })?;
    Ok(URL_SAFE_NO_PAD.encode(json))
}

/// The attributes a token carries, or `None` when it is not base64url of a JSON object of
/// strings. Whether they form a valid key is `store::start_key`'s question.
pub(crate) fn decode(token: &str) -> Option<BTreeMap<String, String>> {
    let json = URL_SAFE_NO_PAD.decode(token).ok()?;
    serde_json::from_slice(&json).ok()
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, reason = "tests panic on failure")]

    use super::*;

    #[test]
    fn round_trip_is_url_safe() {
        let key = Item::from([
            ("pk".to_owned(), AttributeValue::S("user#a?b/c".to_owned())),
            ("id".to_owned(), AttributeValue::S("ÿÿÿ>>>".to_owned())),
        ]);
        let token = encode(&key).unwrap();
        assert!(
            token
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_'),
            "{token}"
        );
        let fields = decode(&token).unwrap();
        assert_eq!(fields.get("pk").map(String::as_str), Some("user#a?b/c"));
        assert_eq!(fields.get("id").map(String::as_str), Some("ÿÿÿ>>>"));
        assert_eq!(fields.len(), 2);
    }

    #[test]
    fn garbage_does_not_decode() {
        assert_eq!(decode("not base64!"), None);
        assert_eq!(decode(&URL_SAFE_NO_PAD.encode("[1,2]")), None);
        assert_eq!(decode(&URL_SAFE_NO_PAD.encode(r#"{"id":1}"#)), None);
        assert_eq!(decode(""), None);
    }
}
