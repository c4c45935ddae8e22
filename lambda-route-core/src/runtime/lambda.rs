//! Serving under the Lambda Runtime API, with the official `lambda_runtime` client.

use std::sync::Arc;

use lambda_runtime::{service_fn, LambdaEvent};
use serde_json::value::RawValue;

use crate::app::Dispatcher;

/// Polls the Runtime API forever. A malformed event fails only its own invocation.
pub(super) async fn serve(dispatcher: Arc<Dispatcher>) -> Result<(), lambda_runtime::Error> {
    let handler = service_fn(move |event: LambdaEvent<Box<RawValue>>| {
        let dispatcher = Arc::clone(&dispatcher);
        async move {
            let response = dispatcher.dispatch(event.payload.get().as_bytes()).await?;
            // Our encoder writes JSON; RawValue hands it to the client without re-encoding.
            let text = String::from_utf8(response)?;
            Ok::<_, lambda_runtime::Error>(RawValue::from_string(text)?)
        }
    });
    lambda_runtime::run(handler).await
}
