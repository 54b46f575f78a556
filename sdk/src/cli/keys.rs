//! `obscura keys FILE`: decode an `application/ohttp-keys` file.

use std::path::Path;

use obscura_protocol::keys::{KeyConfigEntry, KeyConfigList};
use obscura_protocol::limits::MAX_KEY_CONFIG_LIST_BYTES;

use super::Error;
use super::input::read_capped;

/// Prints each key configuration and the suite a client would pick.
pub(crate) fn run(file: &Path) -> Result<(), Error> {
    let bytes = read_capped(file, MAX_KEY_CONFIG_LIST_BYTES as u64)?;
    let list = KeyConfigList::parse(&bytes).map_err(|_| Error::Decode {
        path: file.to_owned(),
        what: "application/ohttp-keys list",
    })?;
    for entry in list.entries() {
        match entry {
            KeyConfigEntry::Known(c) => {
                let suites: Vec<String> = c
                    .symmetric()
                    .iter()
                    .map(|(kdf, aead)| format!("kdf=0x{kdf:04x}/aead=0x{aead:04x}"))
                    .collect();
                println!(
                    "key id {:>3}  kem 0x{:04x}  public key {} bytes  suites {}",
                    c.key_id(),
                    c.kem_id(),
                    c.public_key().len(),
                    suites.join(", ")
                );
            }
            KeyConfigEntry::Unknown { key_id, kem_id } => {
                println!("key id {key_id:>3}  kem 0x{kem_id:04x}  (unknown KEM, skipped)");
            }
        }
    }
    match list.select() {
        Ok((c, s)) => println!("a client would use key id {} with {s:?}", c.key_id()),
        Err(e) => println!("no usable configuration: {e}"),
    }
    Ok(())
}
