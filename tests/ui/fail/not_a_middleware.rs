use lambda_route::prelude::*;

async fn require_auth(_cx: &Ctx<'_>, next: Next<'_>) -> Response {
    next.run().await
}

/// No `Next`: not a middleware.
async fn no_next(_cx: &Ctx<'_>) -> Response {
    "no next".into_response()
}

/// Not async, wrong output.
fn plain(_cx: &Ctx<'_>, _next: Next<'_>) -> String {
    String::new()
}

#[get("/admin", middleware = [require_auth, no_next])]
async fn admin() -> &'static str {
    "admin"
}

#[get("/other", middleware = [plain])]
async fn other() -> &'static str {
    "other"
}

fn main() {
    let _app = App::new().middleware(require_auth).middleware(no_next);
}
