//! `application/ohttp-keys` lists: parse never panics; what parses re-encodes byte for byte
//! and parses again to the same value.
#![no_main]

use libfuzzer_sys::fuzz_target;
use obscura_protocol::keys::KeyConfigList;

fuzz_target!(|data: &[u8]| {
    if let Ok(list) = KeyConfigList::parse(data) {
        assert_eq!(list.encoded(), data);
        let again = KeyConfigList::parse(list.encoded()).expect("re-parse");
        assert_eq!(again, list);
        let _ = list.select();
    }
});
