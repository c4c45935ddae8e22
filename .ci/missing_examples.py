"""Lists the public items of a crate whose docs hold no code example, from rustdoc JSON.

    cargo +nightly rustdoc -p lambda-route-core --all-features -- -Z unstable-options --output-format json
    python3 .ci/missing_examples.py target/doc/lambda_route_core.json

Walks from the crate root through public modules, re-exports and inherent impls (trait impls
inherit their docs), skipping `#[doc(hidden)]`, fields and variants. Not part of `.ci/run`.
"""
import json, sys
from collections import defaultdict

path = sys.argv[1]
doc = json.load(open(path))
index, paths = doc["index"], doc["paths"]
root = doc["root"]

# Walk from the root module through public modules and impls, so only reachable items count.
seen, out, checked = set(), [], []
def kind_of(item):
    return next(iter(item["inner"]))
def walk(item_id, prefix):
    if item_id in seen or str(item_id) not in index:
        return
    seen.add(item_id)
    item = index[str(item_id)]
    if item.get("crate_id", 0) != 0:
        return
    k = kind_of(item)
    inner = item["inner"][k]
    name = item.get("name") or ""
    here = f"{prefix}::{name}" if prefix and name else (name or prefix)
    if item["visibility"] != "public" and k not in ("impl",):
        return
    if any(a == "#[doc(hidden)]" or "doc(hidden)" in str(a) for a in item.get("attrs", [])):
        return
    if k == "module":
        for child in inner["items"]:
            walk(child, here)
        return
    if k == "use":
        target = inner.get("id")
        if target is not None and not inner.get("is_glob"):
            walk(target, prefix)
        return
    if k == "impl":
        if inner.get("trait") is not None or inner.get("is_synthetic") or inner.get("blanket_impl"):
            return
        for child in inner["items"]:
            walk(child, prefix)
        return
    if k in ("struct_field", "variant", "assoc_type", "assoc_const", "primitive"):
        return
    docs = item.get("docs") or ""
    checked.append(here)
    if "```" not in docs:
        out.append((k, here, "no docs" if not docs.strip() else "no example"))
    if k in ("struct", "enum", "union"):
        for impl in inner.get("impls", []):
            walk(impl, here)
    if k == "trait":
        for child in inner["items"]:
            walk(child, here)

walk(root, "")
by = defaultdict(list)
for k, p, why in out:
    parts = p.split("::")
    by[parts[1] if len(parts) > 2 else "(root)"].append((p, k, why))
total = len(out)
print(f"{path}: {total} of {len(checked)} reachable public items without an example")
for module in sorted(by):
    print(f"## {module} ({len(by[module])})")
    for p, k, why in sorted(by[module]):
        print(f"  {k:9} {p}  [{why}]")
