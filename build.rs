//! The built-in pack in content/ is embedded with include_dir, which cannot
//! tell cargo about the files it reads on stable Rust: rebuild when they change.
fn main() {
    println!("cargo:rerun-if-changed=content");
}
