//! Reading and writing the protobuf wire format of ONNX model files, one message at a time.
//!
//! Obscura edits a few fields of pinned models in memory after their digest check (symbolic
//! input shapes for CenterFace, int8 matmuls for the name model). No maintained crate reads
//! and rewrites protobuf messages without a compiled schema and without re-encoding every
//! other field, so this small hand-written reader splits a message into its fields and keeps
//! each field's raw bytes: a rewrite copies what it does not touch byte for byte. Every read
//! is bounds-checked; malformed bytes give `None`, never a panic.

/// Wire type of a varint field.
pub const VARINT: u64 = 0;
/// Wire type of a fixed 64-bit field.
pub const I64: u64 = 1;
/// Wire type of a length-delimited field (messages, strings, bytes, packed arrays).
pub const LEN: u64 = 2;
/// Wire type of a fixed 32-bit field.
pub const I32: u64 = 5;

/// One field of a message as read from the wire.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Field<'a> {
    /// The field number.
    pub number: u64,
    /// The wire type ([`VARINT`], [`I64`], [`LEN`] or [`I32`]).
    pub wire: u64,
    /// The whole field as it was encoded: key, length if any, payload.
    pub raw: &'a [u8],
    /// The payload of a [`LEN`] field; empty for the other wire types.
    pub payload: &'a [u8],
    /// The value of a [`VARINT`] field; 0 for the other wire types.
    pub value: u64,
}

/// Splits `msg` into its fields, in order; `None` when the bytes are not a well-formed
/// message (truncated field, overlong varint, a group or unknown wire type).
pub fn fields(msg: &[u8]) -> Option<Vec<Field<'_>>> {
    let mut out = Vec::new();
    let mut rest = msg;
    while !rest.is_empty() {
        let start = rest;
        let key = read_varint(&mut rest)?;
        let wire = key & 7;
        let (mut payload, mut value): (&[u8], u64) = (&[], 0);
        match wire {
            VARINT => value = read_varint(&mut rest)?,
            I64 => rest = rest.get(8..)?,
            I32 => rest = rest.get(4..)?,
            LEN => {
                let len = usize::try_from(read_varint(&mut rest)?).ok()?;
                payload = rest.get(..len)?;
                rest = rest.get(len..)?;
            }
            _ => return None,
        }
        let raw = start.get(..start.len() - rest.len())?;
        out.push(Field {
            number: key >> 3,
            wire,
            raw,
            payload,
            value,
        });
    }
    Some(out)
}

/// Reads one varint from the front of `buf` and advances it past the varint.
pub fn read_varint(buf: &mut &[u8]) -> Option<u64> {
    let mut value = 0u64;
    for shift in (0..64).step_by(7) {
        let (&byte, rest) = buf.split_first()?;
        *buf = rest;
        value |= u64::from(byte & 0x7f) << shift;
        if byte & 0x80 == 0 {
            return Some(value);
        }
    }
    None
}

/// Appends `value` as a varint.
pub fn put_varint(out: &mut Vec<u8>, mut value: u64) {
    while value >= 0x80 {
        // The low seven bits, with the continuation bit.
        out.push(u8::try_from(value & 0x7f).unwrap_or(0) | 0x80);
        value >>= 7;
    }
    out.push(u8::try_from(value).unwrap_or(0));
}

/// Appends a length-delimited field `number` holding `payload`.
pub fn put_len(out: &mut Vec<u8>, number: u64, payload: &[u8]) {
    put_varint(out, (number << 3) | LEN);
    put_varint(out, payload.len() as u64);
    out.extend_from_slice(payload);
}

/// Appends a varint field `number` holding `value`.
pub fn put_varint_field(out: &mut Vec<u8>, number: u64, value: u64) {
    put_varint(out, number << 3);
    put_varint(out, value);
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::indexing_slicing)] // test code

    use super::*;

    #[test]
    fn fields_round_trip_every_wire_type() {
        let mut msg = Vec::new();
        put_varint_field(&mut msg, 1, 300);
        put_len(&mut msg, 2, b"abc");
        msg.extend_from_slice(&[(3 << 3) | 1, 1, 2, 3, 4, 5, 6, 7, 8]);
        msg.extend_from_slice(&[(4 << 3) | 5, 9, 9, 9, 9]);
        let got = fields(&msg).unwrap();
        let summary: Vec<(u64, u64, u64, &[u8])> = got
            .iter()
            .map(|f| (f.number, f.wire, f.value, f.payload))
            .collect();
        assert_eq!(
            summary,
            vec![
                (1, VARINT, 300, &[][..]),
                (2, LEN, 0, b"abc"),
                (3, I64, 0, &[]),
                (4, I32, 0, &[]),
            ]
        );
        // Raw bytes concatenate back to the message.
        assert_eq!(
            got.iter().flat_map(|f| f.raw.to_vec()).collect::<Vec<_>>(),
            msg
        );
    }

    #[test]
    fn every_truncation_and_bad_wire_type_is_none() {
        let mut msg = Vec::new();
        put_varint_field(&mut msg, 1, 1 << 40);
        let first = msg.len();
        put_len(&mut msg, 2, &[7; 200]);
        for cut in (1..msg.len()).filter(|&cut| cut != first) {
            assert_eq!(fields(&msg[..cut]), None, "cut {cut}");
        }
        assert_eq!(fields(&msg[..first]).map(|f| f.len()), Some(1));
        // Groups (3, 4) and unknown types (6, 7).
        for wire in [3u8, 4, 6, 7] {
            assert_eq!(fields(&[(1 << 3) | wire, 0]), None, "wire {wire}");
        }
        // A varint of eleven bytes.
        assert_eq!(
            fields(&[
                0x08, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01
            ]),
            None
        );
        // A length past the end of the buffer, and one past usize on 32-bit targets.
        assert_eq!(fields(&[0x12, 0x05, 1, 2]), None);
    }

    #[test]
    fn varints_encode_as_protobuf_does() {
        for (value, bytes) in [
            (0u64, vec![0u8]),
            (127, vec![0x7f]),
            (128, vec![0x80, 0x01]),
            (300, vec![0xac, 0x02]),
            (
                u64::MAX,
                vec![0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01],
            ),
        ] {
            let mut out = Vec::new();
            put_varint(&mut out, value);
            assert_eq!(out, bytes, "{value}");
            let mut slice = out.as_slice();
            assert_eq!(read_varint(&mut slice), Some(value));
            assert!(slice.is_empty());
        }
    }
}
