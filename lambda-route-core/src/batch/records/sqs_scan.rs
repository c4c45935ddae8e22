//! SQS events read without serde_json's stop at every escape of every body.
//!
//! A record's `body` is an HTTP event escaped into a JSON string, so a quote in every few
//! bytes is an escape, and serde_json's unescape was two thirds of a queued request's cost.
//! Here the event's structure (the `Records` list, each record's keys and `attributes`) is
//! scanned by hand, every string (each `body`, the ids, the values skipped) is read in one
//! pass by `codec::unescape`, and the other values (`messageAttributes`, numbers, arrays,
//! nulls) by serde_json from where they start: one serde_json call per record instead of one
//! per field.
//!
//! Anything unexpected (another shape, a duplicate or missing field, a string or value
//! serde_json would refuse) gives `None`: the caller then parses the event with serde as
//! before, so every answer, errors included, stays serde's.

use std::borrow::Cow;

use serde::de::IgnoredAny;
use serde::Deserialize;

use super::{SqsAttributes, SqsEvent, SqsRecord};
use crate::codec::de::CowStr;
use crate::codec::unescape;

/// The event as serde would read it, when the scan can vouch for that.
pub(super) fn sqs(event: &[u8]) -> Option<SqsEvent<'_>> {
    let mut cursor = Cursor {
        bytes: event,
        pos: 0,
    };
    let mut records = None;
    cursor.object(|cursor, key| {
        if key == "Records" {
            if records.is_some() {
                return None;
            }
            records = Some(cursor.records()?);
        } else {
            cursor.ignore()?;
        }
        Some(())
    })?;
    cursor.skip_ws();
    if cursor.pos != event.len() {
        return None;
    }
    Some(SqsEvent { records: records? })
}

struct Cursor<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl<'a> Cursor<'a> {
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    fn skip_ws(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\n' | b'\r' | b'\t')) {
            self.pos += 1;
        }
    }

    /// Skips whitespace, then expects `byte`.
    fn expect(&mut self, byte: u8) -> Option<()> {
        self.skip_ws();
        (self.peek()? == byte).then(|| self.pos += 1)
    }

    /// A string at the cursor (after whitespace), unescaped; UTF-8 checked.
    fn string(&mut self) -> Option<Cow<'a, str>> {
        self.expect(b'"')?;
        let (text, end) = unescape::str(self.bytes, self.pos)?;
        self.pos = end;
        Some(text)
    }

    /// An object: `member` reads the value of each key, leaving the cursor after it.
    fn object(
        &mut self,
        mut member: impl FnMut(&mut Self, Cow<'a, str>) -> Option<()>,
    ) -> Option<()> {
        self.expect(b'{')?;
        self.skip_ws();
        if self.peek()? == b'}' {
            self.pos += 1;
            return Some(());
        }
        loop {
            let key = self.string()?;
            self.expect(b':')?;
            member(self, key)?;
            self.skip_ws();
            match self.peek()? {
                b',' => self.pos += 1,
                b'}' => {
                    self.pos += 1;
                    return Some(());
                }
                _ => return None,
            }
        }
    }

    /// `[record, ..]`.
    fn records(&mut self) -> Option<Vec<SqsRecord<'a>>> {
        self.expect(b'[')?;
        let mut records = Vec::new();
        self.skip_ws();
        if self.peek()? == b']' {
            self.pos += 1;
            return Some(records);
        }
        loop {
            records.push(self.record()?);
            self.skip_ws();
            match self.peek()? {
                b',' => self.pos += 1,
                b']' => {
                    self.pos += 1;
                    return Some(records);
                }
                _ => return None,
            }
        }
    }

    /// One record: the fields `SqsRecord` reads, each at most once; others are skipped.
    fn record(&mut self) -> Option<SqsRecord<'a>> {
        let (mut message_id, mut body, mut arn, mut attributes, mut message_attributes) =
            (None, None, None, None, None);
        self.object(|cursor, key| match key.as_ref() {
            "messageId" => once(&mut message_id, cursor.string().map(CowStr)),
            "body" => once(&mut body, cursor.optional_string()),
            "eventSourceARN" => once(&mut arn, cursor.optional_string()),
            "attributes" => once(&mut attributes, cursor.attributes()),
            "messageAttributes" => once(&mut message_attributes, cursor.value()),
            _ => cursor.ignore(),
        })?;
        Some(SqsRecord {
            message_id: message_id?,
            body: body.flatten(),
            event_source_arn: arn.flatten(),
            attributes: attributes.flatten(),
            message_attributes: message_attributes.flatten(),
        })
    }

    /// A string (the body, the queue's ARN), unescaped here, or `null` (left to serde).
    fn optional_string(&mut self) -> Option<Option<CowStr<'a>>> {
        self.skip_ws();
        match self.peek()? {
            b'"' => self.string().map(|text| Some(CowStr(text))),
            _ => self.value::<Option<CowStr<'a>>>(),
        }
    }

    /// `attributes`, of which only `MessageGroupId` is read; anything but an object is left
    /// to serde.
    fn attributes(&mut self) -> Option<Option<SqsAttributes<'a>>> {
        self.skip_ws();
        if self.peek()? != b'{' {
            return self.value();
        }
        let mut group = None;
        self.object(|cursor, key| match key.as_ref() {
            "MessageGroupId" => once(&mut group, cursor.optional_string()),
            _ => cursor.ignore(),
        })?;
        Some(Some(SqsAttributes {
            message_group_id: group.flatten(),
        }))
    }

    /// Skips a value the record does not read: a string here (as strict as serde_json, which
    /// does not check its UTF-8 either), anything else by serde_json.
    fn ignore(&mut self) -> Option<()> {
        self.skip_ws();
        if self.peek()? == b'"' {
            let (_, end) = unescape::string(self.bytes, self.pos + 1)?;
            self.pos = end;
            return Some(());
        }
        self.value::<IgnoredAny>().map(drop)
    }

    /// Any value at the cursor, read by serde_json; the cursor moves past it.
    fn value<T: Deserialize<'a>>(&mut self) -> Option<T> {
        let rest = self.bytes.get(self.pos..)?;
        let mut stream = serde_json::Deserializer::from_slice(rest).into_iter::<T>();
        let value = stream.next()?.ok()?;
        self.pos += stream.byte_offset();
        Some(value)
    }
}

/// Fills `slot` with `value`: serde refuses a field given twice, and so does the scan.
fn once<T>(slot: &mut Option<T>, value: Option<T>) -> Option<()> {
    match slot {
        Some(_) => None,
        None => {
            *slot = Some(value?);
            Some(())
        }
    }
}

/// Whether the scan, where it reads `event`, reads what serde reads: the same records, with
/// serde accepting the event. For the tests and the fuzz targets.
///
/// # Panics
///
/// Where they differ, naming the field.
#[cfg(any(test, feature = "fuzzing"))]
pub(crate) fn agrees_with_serde(event: &[u8]) -> bool {
    let Some(scanned) = sqs(event) else {
        return false;
    };
    let serde: SqsEvent<'_> = serde_json::from_slice(event).unwrap_or_else(|err| {
        panic!(
            "serde refuses ({err}) what the scan read: {}",
            String::from_utf8_lossy(event)
        )
    });
    assert_eq!(scanned.records.len(), serde.records.len(), "record count");
    for (a, b) in scanned.records.iter().zip(&serde.records) {
        assert_eq!(a.message_id, b.message_id, "messageId");
        assert_eq!(a.body, b.body, "body");
        assert_eq!(a.event_source_arn, b.event_source_arn, "eventSourceARN");
        assert_eq!(
            a.attributes.as_ref().map(|x| &x.message_group_id),
            b.attributes.as_ref().map(|x| &x.message_group_id),
            "attributes.MessageGroupId"
        );
        assert_eq!(
            a.message_attributes.map(|r| r.get()),
            b.message_attributes.map(|r| r.get()),
            "messageAttributes"
        );
    }
    true
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, reason = "tests")]

    use super::*;

    #[test]
    fn reads_what_serde_reads() {
        let body = serde_json::to_string(
            r#"{"httpMethod":"GET","path":"/todos/1","headers":{"a":"é \"q\""}}"#,
        )
        .unwrap();
        let cases = [
            format!(r#"{{"Records":[{{"messageId":"m-1","receiptHandle":"r","body":{body},"attributes":{{"ApproximateReceiveCount":"1","MessageGroupId":"g"}},"messageAttributes":{{"k":{{"stringValue":"v","dataType":"String"}}}},"md5OfBody":"x","eventSource":"aws:sqs","eventSourceARN":"arn:aws:sqs:us-west-2:1:q.fifo","awsRegion":"us-west-2"}}]}}"#),
            format!(" {{ \"Records\" : [ {{ \"body\" : {body} , \"messageId\" : \"m\\u002d2\" }} , {{\"messageId\":\"m-3\",\"body\":null}} ] , \"extra\": [1, {{\"a\": true}}] }} \n"),
            r#"{"Records":[]}"#.to_owned(),
            r#"{"Records":[{"messageId":"plain","body":"no escapes"}]}"#.to_owned(),
            // Escapes in every string the scan reads or skips; values it leaves to serde.
            r#"{"Records":[{"messageId":"m\"1","receiptHandle":"r\\h\u00e9","body":"b","attributes":{"MessageGroupId":"g\u0031","SentTimestamp":"1\/2","N":[1,{"x":null}]},"eventSourceARN":"arn\t.fifo","n":-1.5e3,"t":true}],"x":{"y":["z"]}}"#.to_owned(),
            r#"{"Records":[{"messageId":"m","attributes":null,"eventSourceARN":null,"messageAttributes":null,"body":null}]}"#.to_owned(),
            r#"{"Records":[{"messageId":"m","attributes":{},"body":"b"},{"messageId":"n","attributes":{"MessageGroupId":null},"body":"c"}]}"#.to_owned(),
            r#"{"Records":[{"messageId":"m","attributes":["g"],"body":"b"}]}"#.to_owned(),
        ];
        for event in &cases {
            assert!(
                agrees_with_serde(event.as_bytes()),
                "the scan gave up on {event}"
            );
        }
    }

    #[test]
    fn gives_up_where_serde_refuses_or_differs() {
        let cases = [
            // Duplicate and missing fields.
            r#"{"Records":[{"messageId":"a","messageId":"b","body":"x"}]}"#,
            r#"{"Records":[{"messageId":"a","body":"x","body":"y"}]}"#,
            r#"{"Records":[{"body":"x"}]}"#,
            r#"{"Records":[],"Records":[]}"#,
            r#"{"Other":[]}"#,
            // Wrong types and bad strings.
            r#"{"Records":[{"messageId":1,"body":"x"}]}"#,
            r#"{"Records":[{"messageId":"a","body":7}]}"#,
            r#"{"Records":[{"messageId":"a","body":"bad \x"}]}"#,
            r#"{"Records":[{"messageId":"a","body":"\ud800"}]}"#,
            "{\"Records\":[{\"messageId\":\"a\",\"body\":\"ctrl \u{1}\"}]}",
            r#"{"Records":[{"messageId":"a","body":"x","other":tru}]}"#,
            r#"{"Records":[{"messageId":"a","body":"x","attributes":{"MessageGroupId":"g","MessageGroupId":"h"}}]}"#,
            r#"{"Records":[{"messageId":"a","body":"x","attributes":{"MessageGroupId":1}}]}"#,
            r#"{"Records":[{"messageId":"a","body":"x","attributes":"g"}]}"#,
            r#"{"Records":[{"messageId":"a","body":"x","attributes":{"MessageGroupId":"g"}"#,
            r#"{"Records":[{"messageId":"a","body":"x","eventSourceARN":7}]}"#,
            r#"{"Records":[{"messageId":"a","body":"x","md5OfBody":"bad \x"}]}"#,
            r#"{"Records":[{"messageId":"a","body":"x","md5OfBody":"cut \u12"}]}"#,
            "{\"Records\":[{\"messageId\":\"a\",\"body\":\"x\",\"awsRegion\":\"ctrl \u{1}\"}]}",
            r#"{"Records":[{"messageId":"a","body":"x","awsRegion":"unclosed}]}"#,
            // Structure.
            r#"{"Records":[{"messageId":"a","body":"x"}]} trailing"#,
            r#"{"Records":[{"messageId":"a","body":"x"},]}"#,
            r#"{"Records":[{"messageId":"a","body":"x"}}"#,
            r#"{"Records":[{"messageId":"a","body":"x""#,
            r#"["Records"]"#,
            "",
        ];
        for event in cases {
            assert!(sqs(event.as_bytes()).is_none(), "{event}");
        }
        // Bytes that are not UTF-8 inside a body.
        let mut event = br#"{"Records":[{"messageId":"a","body":"x"#.to_vec();
        event.extend_from_slice(&[0xff, b'"', b'}', b']', b'}']);
        assert!(sqs(&event).is_none());
    }
}
