//! Lets ONNX Runtime run the model's 4-bit `MatMulNBits` nodes with int8 arithmetic.
//!
//! The pinned model's 37 `MatMulNBits` nodes carry no `accuracy_level` attribute, so ONNX
//! Runtime dequantises their weights to f32 on every run. Setting `accuracy_level = 4`
//! (int8 compute, the level the ONNX Runtime quantiser emits for CPU) made the model about
//! 1.5× faster on short texts here with the same labels (the argmax of every token agreed
//! on our checks; logits moved by at most ~0.2). The change is made in memory after the
//! digest check: only `NodeProto.attribute` of `MatMulNBits` nodes on the path
//! `ModelProto.graph (7)` → `GraphProto.node (1)` is extended; every other byte is copied.
//! A node that already has an `accuracy_level` keeps it. Every read is bounds-checked.

/// Protobuf wire types.
pub(super) const VARINT: u64 = 0;
const I64: u64 = 1;
pub(super) const LEN: u64 = 2;
const I32: u64 = 5;

/// The encoded `AttributeProto { name: "accuracy_level", i: 4, type: INT }`.
const ACCURACY_LEVEL_4: &[u8] = &[
    0x0a, 14, b'a', b'c', b'c', b'u', b'r', b'a', b'c', b'y', b'_', b'l', b'e', b'v', b'e',
    b'l', // name (1)
    0x18, 4, // i (3)
    0xa0, 0x01, 2, // type (20) = INT
];

/// One field: number, wire type, the whole field's bytes and its payload (for `LEN`).
pub(super) struct Field<'a> {
    pub(super) number: u64,
    pub(super) wire: u64,
    pub(super) raw: &'a [u8],
    pub(super) payload: &'a [u8],
}

pub(super) fn varint(buf: &[u8], at: &mut usize) -> Option<u64> {
    let mut v = 0u64;
    for shift in (0..64).step_by(7) {
        let b = *buf.get(*at)?;
        *at += 1;
        v |= u64::from(b & 0x7f) << shift;
        if b & 0x80 == 0 {
            return Some(v);
        }
    }
    None
}

pub(super) fn put_varint(out: &mut Vec<u8>, mut v: u64) {
    while v >= 0x80 {
        // The low seven bits, with the continuation bit.
        out.push(u8::try_from(v & 0x7f).unwrap_or(0) | 0x80);
        v >>= 7;
    }
    out.push(u8::try_from(v).unwrap_or(0));
}

pub(super) fn fields(buf: &[u8]) -> Option<Vec<Field<'_>>> {
    let mut out = Vec::new();
    let mut at = 0;
    while at < buf.len() {
        let start = at;
        let key = varint(buf, &mut at)?;
        let (number, wire) = (key >> 3, key & 7);
        let payload_start;
        match wire {
            VARINT => {
                varint(buf, &mut at)?;
                payload_start = at;
            }
            I64 | I32 => {
                at = at.checked_add(if wire == I64 { 8 } else { 4 })?;
                payload_start = at;
            }
            LEN => {
                let len = usize::try_from(varint(buf, &mut at)?).ok()?;
                payload_start = at;
                at = at.checked_add(len)?;
            }
            _ => return None,
        }
        out.push(Field {
            number,
            wire,
            raw: buf.get(start..at)?,
            payload: if wire == LEN {
                buf.get(payload_start..at)?
            } else {
                &[]
            },
        });
    }
    Some(out)
}

pub(super) fn put_len(out: &mut Vec<u8>, number: u64, payload: &[u8]) {
    put_varint(out, (number << 3) | LEN);
    put_varint(out, payload.len() as u64);
    out.extend_from_slice(payload);
}

/// Returns the model with `accuracy_level = 4` on every `MatMulNBits` node lacking one, and
/// how many nodes changed; `None` if the bytes are not a well-formed protobuf.
pub(crate) fn with_int8_matmul(model: &[u8]) -> Option<(Vec<u8>, usize)> {
    let mut changed = 0;
    let mut out = Vec::with_capacity(model.len() + 1024);
    for f in fields(model)? {
        if f.number == 7 && f.wire == LEN {
            let mut graph = Vec::with_capacity(f.payload.len() + 1024);
            for g in fields(f.payload)? {
                if g.number == 1 && g.wire == LEN {
                    let node = fields(g.payload)?;
                    let is_nbits = node
                        .iter()
                        .any(|n| n.number == 4 && n.wire == LEN && n.payload == b"MatMulNBits");
                    let has_level = node.iter().any(|n| {
                        n.number == 5
                            && n.wire == LEN
                            && fields(n.payload).is_some_and(|a| {
                                a.iter()
                                    .any(|x| x.number == 1 && x.payload == b"accuracy_level")
                            })
                    });
                    if is_nbits && !has_level {
                        let mut patched = g.payload.to_vec();
                        put_len(&mut patched, 5, ACCURACY_LEVEL_4);
                        put_len(&mut graph, 1, &patched);
                        changed += 1;
                        continue;
                    }
                }
                graph.extend_from_slice(g.raw);
            }
            put_len(&mut out, 7, &graph);
        } else {
            out.extend_from_slice(f.raw);
        }
    }
    Some((out, changed))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn node(op: &[u8], attrs: &[&[u8]]) -> Vec<u8> {
        let mut n = Vec::new();
        put_len(&mut n, 4, op);
        for a in attrs {
            put_len(&mut n, 5, a);
        }
        n
    }

    fn model(nodes: &[Vec<u8>]) -> Vec<u8> {
        let mut graph = Vec::new();
        for n in nodes {
            put_len(&mut graph, 1, n);
        }
        put_len(&mut graph, 2, b"graph-name");
        let mut m = vec![0x08, 7]; // ir_version (1) = 7
        put_len(&mut m, 7, &graph);
        m
    }

    #[test]
    fn adds_the_level_only_to_matmulnbits_without_one() {
        let mut existing = Vec::new();
        put_len(&mut existing, 1, b"accuracy_level");
        let input = model(&[
            node(b"MatMulNBits", &[]),
            node(b"MatMul", &[]),
            node(b"MatMulNBits", &[&existing]),
        ]);
        let (out, changed) = with_int8_matmul(&input).unwrap();
        assert_eq!(changed, 1);
        let expected = model(&[
            node(b"MatMulNBits", &[ACCURACY_LEVEL_4]),
            node(b"MatMul", &[]),
            node(b"MatMulNBits", &[&existing]),
        ]);
        assert_eq!(out, expected);
        // Idempotent.
        assert_eq!(with_int8_matmul(&out).unwrap(), (out.clone(), 0));
    }

    #[test]
    fn every_truncation_is_rejected_or_harmless() {
        let input = model(&[node(b"MatMulNBits", &[])]);
        for cut in 0..input.len() {
            // Never panics; a cut inside a field is an error.
            let _ = with_int8_matmul(&input[..cut]);
        }
        assert!(with_int8_matmul(&[0x3a, 0x05, 0x0a]).is_none());
        assert!(with_int8_matmul(&[0x0b]).is_none(), "group wire type");
    }
}
