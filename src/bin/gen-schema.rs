//! Writes the package's JSON Schema to `schema/filing-package-v1.schema.json`,
//! the profile file's to `schema/profile-v1.schema.json`,
//! one example package per route and profile to `schema/examples/`, and the
//! rule reference to `docs/rules.md`.
//! Run it after changing the package types or rules; a test fails while
//! the committed files are stale.

use procurement_route_wizard::domain::package::{example_packages, json_schema};
use procurement_route_wizard::domain::profile::profile_schema;
use procurement_route_wizard::domain::rules::reference;

fn main() -> std::io::Result<()> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("schema");
    std::fs::create_dir_all(dir.join("examples"))?;
    std::fs::write(dir.join("filing-package-v1.schema.json"), json_schema())?;
    std::fs::write(dir.join("profile-v1.schema.json"), profile_schema())?;
    for (name, text) in example_packages() {
        std::fs::write(dir.join("examples").join(name), text)?;
    }
    let docs = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("docs");
    std::fs::create_dir_all(&docs)?;
    std::fs::write(docs.join("rules.md"), reference::markdown())?;
    println!(
        "wrote {} and {}",
        dir.display(),
        docs.join("rules.md").display()
    );
    Ok(())
}
