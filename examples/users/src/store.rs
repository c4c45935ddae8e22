//! The users table on DynamoDB: every read and write the routes make, and the table's
//! creation for local runs.
//!
//! One table, key `pk` (string), two kinds of item:
//!
//! - a user: `pk = "user#<id>"`, `kind = "user"`, `id`, `name`, `email`;
//! - an email claim: `pk = "email#<email in lower case>"`, `id` (the user's). It has no
//!   `kind`, so it stays out of the index below.
//!
//! The global secondary index `by-kind` (hash `kind`, range `id`, all attributes) holds the
//! users only (a sparse index): `GET /users` pages through it with `Query`, `Limit` and
//! `LastEvaluatedKey`. A user and its email claim are written together in one
//! `TransactWriteItems`, each under `attribute_not_exists(pk)`: a second user with the same
//! email (in any case) fails the claim's condition, and neither item is written.
//!
//! The function uses `GetItem`, `Query` (on the index), and `PutItem` (through
//! `TransactWriteItems`); the SAM template grants exactly those. `DescribeTable` and
//! `CreateTable` run only with `USERS_CREATE_TABLE=1`, locally.

use std::collections::{BTreeMap, HashMap};
use std::time::Duration;

use aws_sdk_dynamodb::error::{DisplayErrorContext, SdkError};
use aws_sdk_dynamodb::operation::transact_write_items::TransactWriteItemsError;
use aws_sdk_dynamodb::types::{
    AttributeDefinition, AttributeValue, BillingMode, GlobalSecondaryIndex, KeySchemaElement,
    KeyType, Projection, ProjectionType, Put, ScalarAttributeType, TableStatus, TransactWriteItem,
};
use aws_sdk_dynamodb::Client;
use lambda_route::HttpError;

use crate::User;

/// The index `GET /users` pages through.
pub(crate) const INDEX: &str = "by-kind";
const USER_KIND: &str = "user";

/// A DynamoDB key or item.
pub(crate) type Item = HashMap<String, AttributeValue>;

/// The users table, shared by every route as `State<Users>`.
#[derive(Debug)]
pub(crate) struct Users {
    client: Client,
    table: String,
}

/// Why `Users::create` wrote nothing.
#[derive(Debug)]
pub(crate) enum CreateError {
    /// Another user has this email, compared without case.
    EmailTaken,
    /// DynamoDB failed: answered 500, with the cause logged.
    Store(HttpError),
}

/// A fresh user id: a random (v4) UUID.
pub(crate) fn new_id() -> String {
    uuid::Uuid::new_v4().to_string()
}

/// Whether `id` can be a user id (a UUID): anything else is known absent without a request,
/// and never reaches DynamoDB (whose keys have a size limit).
fn is_id(id: &str) -> bool {
    uuid::Uuid::try_parse(id).is_ok()
}

fn user_pk(id: &str) -> String {
    format!("user#{id}")
}

fn email_pk(email: &str) -> String {
    format!("email#{}", email.to_lowercase())
}

fn s(value: impl Into<String>) -> AttributeValue {
    AttributeValue::S(value.into())
}

/// A 500 for a failed DynamoDB call; the cause is logged, never sent.
fn store_error(operation: &str, error: impl std::error::Error) -> HttpError {
    HttpError::internal_server_error("the user store failed").with_detail(format!(
        "DynamoDB {operation}: {}",
        DisplayErrorContext(error)
    ))
}

/// The key a page token names, checked against the index's key schema: exactly `pk`,
/// `kind` and `id`, consistent with each other. `None` for anything else, so a forged or
/// mangled token answers 400 rather than reaching DynamoDB.
pub(crate) fn start_key(fields: BTreeMap<String, String>) -> Option<Item> {
    let (pk, kind, id) = (fields.get("pk")?, fields.get("kind")?, fields.get("id")?);
    let valid = fields.len() == 3 && kind == USER_KIND && is_id(id) && *pk == user_pk(id);
    valid.then(|| {
        fields
            .into_iter()
            .map(|(name, value)| (name, AttributeValue::S(value)))
            .collect()
    })
}

fn user_from(item: &Item) -> Result<User, HttpError> {
    let field = |name: &str| match item.get(name) {
        Some(AttributeValue::S(value)) => Ok(value.clone()),
        _ => Err(HttpError::internal_server_error("the user store failed")
            .with_detail(format!("a user item has no string attribute `{name}`"))),
    };
    Ok(User {
        id: field("id")?,
        name: field("name")?,
        email: field("email")?,
    })
}

impl Users {
    pub(crate) fn new(client: Client, table: String) -> Self {
        Users { client, table }
    }

    /// The user with this id, if any.
    pub(crate) async fn find(&self, id: &str) -> Result<Option<User>, HttpError> {
        if !is_id(id) {
            return Ok(None);
        }
        let output = self
            .client
            .get_item()
            .table_name(&self.table)
            .key("pk", s(user_pk(id)))
            .send()
            .await
            .map_err(|error| store_error("GetItem", error))?;
        output.item().map(user_from).transpose()
    }

    /// Up to `limit` users after `start` (a key from an earlier page), and the
    /// `LastEvaluatedKey` to continue from when more users follow.
    ///
    /// DynamoDB returns a `LastEvaluatedKey` whenever it stopped at `limit`, even when nothing
    /// follows; so when it does, a one-item query from there tells whether a next page
    /// exists, and the last page never carries a token.
    pub(crate) async fn page(
        &self,
        limit: u32,
        start: Option<Item>,
    ) -> Result<(Vec<User>, Option<Item>), HttpError> {
        let output = self
            .query(limit, start)
            .await
            .map_err(|error| store_error("Query", error))?;
        let users = output
            .items()
            .iter()
            .map(user_from)
            .collect::<Result<Vec<_>, _>>()?;
        let next = match output.last_evaluated_key() {
            Some(last) => {
                let more = self
                    .query(1, Some(last.clone()))
                    .await
                    .map_err(|error| store_error("Query", error))?;
                (!more.items().is_empty()).then(|| last.clone())
            }
            None => None,
        };
        Ok((users, next))
    }

    async fn query(
        &self,
        limit: u32,
        start: Option<Item>,
    ) -> Result<
        aws_sdk_dynamodb::operation::query::QueryOutput,
        SdkError<aws_sdk_dynamodb::operation::query::QueryError>,
    > {
        self.client
            .query()
            .table_name(&self.table)
            .index_name(INDEX)
            .key_condition_expression("#kind = :kind")
            .expression_attribute_names("#kind", "kind")
            .expression_attribute_values(":kind", s(USER_KIND))
            // `limit` is 1..=100 (validated by the route).
            .limit(i32::try_from(limit).unwrap_or(i32::MAX))
            .set_exclusive_start_key(start)
            .send()
            .await
    }

    /// Writes `user` and claims its email, both or neither.
    pub(crate) async fn create(&self, user: &User) -> Result<(), CreateError> {
        let put = |item: Item| {
            Put::builder()
                .table_name(&self.table)
                .set_item(Some(item))
                .condition_expression("attribute_not_exists(pk)")
                .build()
                .map(|put| TransactWriteItem::builder().put(put).build())
                .map_err(|error| CreateError::Store(store_error("TransactWriteItems", error)))
        };
        let user_item = Item::from([
            ("pk".to_owned(), s(user_pk(&user.id))),
            ("kind".to_owned(), s(USER_KIND)),
            ("id".to_owned(), s(&user.id)),
            ("name".to_owned(), s(&user.name)),
            ("email".to_owned(), s(&user.email)),
        ]);
        let claim_item = Item::from([
            ("pk".to_owned(), s(email_pk(&user.email))),
            ("id".to_owned(), s(&user.id)),
        ]);
        let result = self
            .client
            .transact_write_items()
            .transact_items(put(user_item)?)
            .transact_items(put(claim_item)?)
            .send()
            .await;
        match result {
            Ok(_) => Ok(()),
            Err(error) => Err(match error.as_service_error() {
                // The reasons come in the order of the items: the claim is the second.
                Some(TransactWriteItemsError::TransactionCanceledException(canceled))
                    if canceled
                        .cancellation_reasons()
                        .get(1)
                        .and_then(|reason| reason.code())
                        == Some("ConditionalCheckFailed") =>
                {
                    CreateError::EmailTaken
                }
                _ => CreateError::Store(store_error("TransactWriteItems", error)),
            }),
        }
    }

    /// Creates the table and its index unless the table exists, then waits (at most a
    /// minute) until it is active.
    pub(crate) async fn create_table_if_missing(&self) -> Result<(), String> {
        let fail = |operation: &str, error: &dyn std::error::Error| {
            format!(
                "cannot create the table {}: DynamoDB {operation}: {}",
                self.table,
                DisplayErrorContext(error)
            )
        };
        let key = |name: &str, key_type: KeyType| {
            KeySchemaElement::builder()
                .attribute_name(name)
                .key_type(key_type)
                .build()
                .map_err(|error| fail("CreateTable", &error))
        };
        let attribute = |name: &str| {
            AttributeDefinition::builder()
                .attribute_name(name)
                .attribute_type(ScalarAttributeType::S)
                .build()
                .map_err(|error| fail("CreateTable", &error))
        };
        match self
            .client
            .describe_table()
            .table_name(&self.table)
            .send()
            .await
        {
            Ok(_) => {}
            Err(error)
                if error
                    .as_service_error()
                    .is_some_and(|e| e.is_resource_not_found_exception()) =>
            {
                let index = GlobalSecondaryIndex::builder()
                    .index_name(INDEX)
                    .key_schema(key("kind", KeyType::Hash)?)
                    .key_schema(key("id", KeyType::Range)?)
                    .projection(
                        Projection::builder()
                            .projection_type(ProjectionType::All)
                            .build(),
                    )
                    .build()
                    .map_err(|error| fail("CreateTable", &error))?;
                let created = self
                    .client
                    .create_table()
                    .table_name(&self.table)
                    .billing_mode(BillingMode::PayPerRequest)
                    .key_schema(key("pk", KeyType::Hash)?)
                    .attribute_definitions(attribute("pk")?)
                    .attribute_definitions(attribute("kind")?)
                    .attribute_definitions(attribute("id")?)
                    .global_secondary_indexes(index)
                    .send()
                    .await;
                match created {
                    Ok(_) => {}
                    // Created meanwhile by another instance.
                    Err(error)
                        if error
                            .as_service_error()
                            .is_some_and(|e| e.is_resource_in_use_exception()) => {}
                    Err(error) => return Err(fail("CreateTable", &error)),
                }
            }
            Err(error) => return Err(fail("DescribeTable", &error)),
        }
        for _ in 0..60 {
            let described = self
                .client
                .describe_table()
                .table_name(&self.table)
                .send()
                .await
                .map_err(|error| fail("DescribeTable", &error))?;
            if described.table().and_then(|table| table.table_status())
                == Some(&TableStatus::Active)
            {
                return Ok(());
            }
            tokio::time::sleep(Duration::from_secs(1)).await;
        }
        Err(format!("the table {} is not active after 60 s", self.table))
    }
}
