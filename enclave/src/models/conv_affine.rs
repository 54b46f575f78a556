//! Folds the scalar affine steps around convolutions into the convolutions' weights.
//!
//! PP-LCNetV3, the backbone of the PP-OCRv4 detector, follows each convolution with a
//! "learnable affine block" `y * a + b` (two scalars), and its activations with another one.
//! The export spells them `Add(Mul(a, y), b)` with `a` as the *first* input and a `[1]`-shaped
//! constant, which ONNX Runtime's own Conv+Mul and Conv+Add fusions do not accept (they want
//! the constant second, and a scalar or a per-channel `[C, 1, 1]` tensor). So each step stays
//! a full pass over the activations, and in the NCHWc layout the runtime gives convolutions
//! it also costs a reorder to and from plain NCHW around them. Here:
//!
//! - `Conv(x, W, B) → Mul(·, a) → Add(·, b)` becomes `Conv(x, a·W, a·B + b)`;
//! - `Mul(z, c) → Add(·, d) → Conv(·, W, B)` becomes `Conv(z, c·W, B + d·ΣW)` (`ΣW` summed per
//!   output channel over its input channels and kernel window), only when the convolution has
//!   no padding: a padded border would see `0`, not `d`.
//!
//! Either step may be a lone `Mul` or `Add`. Both are the same function (a convolution is
//! linear in its input and in its weights); only the float rounding of the folded weights
//! differs, as when ONNX Runtime folds a BatchNorm. The scalars, weights and biases must be
//! `Constant` nodes (float, stored in the file) used by nothing else, every intermediate
//! output must have exactly one consumer and not be a graph output, and a step between two
//! convolutions is folded into the first one only.
//!
//! Measured with the pinned runtime, one thread, interleaved runs on a busy machine
//! (`real_rewrites::time_rewritten_text_models`, medians): alone it took the detector (1024²)
//! 420 → 387 ms and the recogniser (8 × 48 × 320) 324 → 284 ms; together with the hard-swish
//! fusion 420 → 305 ms and 324 → 187 ms, more than the sum of the two alone. Outputs on real
//! photographs stay within 5e-5 of the originals.

use std::collections::{BTreeMap, BTreeSet};

use obscura_onnx::wire::{LEN, VARINT, put_len, put_varint_field};

use super::onnx_graph::{Graph, MALFORMED, Node, fields, is_default_domain, rewrite_main_graph};
use crate::Error;
use crate::models::ModelId;

/// Returns `bytes` with every foldable affine step folded into its convolution, and how
/// many steps (`Mul` or `Add` nodes) were removed; unchanged bytes when there is none.
pub(crate) fn fold(model: ModelId, bytes: Vec<u8>) -> Result<(Vec<u8>, usize), Error> {
    let bad = |reason| Error::ModelMalformed { model, reason };
    Ok(
        match rewrite_main_graph(&bytes, rewrite_graph).map_err(bad)? {
            Some(rewritten) => rewritten,
            None => (bytes, 0),
        },
    )
}

/// A float tensor read from a `Constant` node.
pub(super) struct Tensor {
    /// Its shape.
    pub(super) dims: Vec<u64>,
    /// Its values, row-major.
    pub(super) values: Vec<f32>,
}

/// What to do to one convolution.
#[derive(Debug, Default)]
struct Fold {
    /// Scale and shift of its input (`z·c + d`), and the node feeding the convolution then.
    before: Option<(f32, f32, Vec<u8>)>,
    /// Scale and shift of its output (`y·a + b`), and the last folded node's output.
    after: Option<(f32, f32, Vec<u8>)>,
}

/// The single consumer of `name` (node index), if it has exactly one and is no graph output.
pub(super) fn only_consumer(
    graph: &Graph<'_>,
    consumers: &BTreeMap<&[u8], Vec<usize>>,
    name: &[u8],
) -> Option<usize> {
    match consumers.get(name)?.as_slice() {
        [one] if graph.single_use(name) => Some(*one),
        _ => None,
    }
}

/// `(scalar, other input)` of a plain `Mul`/`Add` node with a single-use scalar constant.
pub(super) fn scalar_step<'a>(
    graph: &Graph<'a>,
    node: &Node<'a>,
    op: &[u8],
) -> Option<(f32, &'a [u8])> {
    if !node.is_plain(op, 2) {
        return None;
    }
    let (i0, i1) = (*node.inputs.first()?, *node.inputs.get(1)?);
    for (constant, other) in [(i0, i1), (i1, i0)] {
        if let Some(&value) = graph.scalars.get(constant) {
            if graph.single_use(constant) && graph.producer_of(constant).is_some() {
                return Some((value, other));
            }
        }
    }
    None
}

/// Whether a `Conv` node pads nothing (no `pads`, or all zero; `auto_pad` unset or VALID).
fn unpadded(node: &Node<'_>) -> Result<bool, &'static str> {
    for attribute in &node.attributes {
        let mut name: &[u8] = &[];
        let mut nonzero = false;
        let mut text: &[u8] = &[];
        for f in fields(attribute)? {
            match (f.number, f.wire) {
                (1, LEN) => name = f.payload,
                (4, LEN) => text = f.payload,
                (8, VARINT) => nonzero |= f.value != 0,
                (8, LEN) => {
                    let mut packed = f.payload;
                    while !packed.is_empty() {
                        let v = obscura_onnx::wire::read_varint(&mut packed).ok_or(MALFORMED)?;
                        nonzero |= v != 0;
                    }
                }
                _ => {}
            }
        }
        match name {
            b"pads" if nonzero => return Ok(false),
            b"auto_pad" if !matches!(text, b"" | b"NOTSET" | b"VALID") => return Ok(false),
            _ => {}
        }
    }
    Ok(true)
}

/// The float tensor of a `Constant` node's `value` attribute.
pub(super) fn constant_tensor(node: &Node<'_>) -> Result<Option<Tensor>, &'static str> {
    if !is_default_domain(node.domain) || node.op_type != b"Constant" || node.attributes.len() != 1
    {
        return Ok(None);
    }
    let Some(attribute) = node.attributes.first() else {
        return Ok(None);
    };
    let mut name: &[u8] = &[];
    let mut tensor = None;
    for f in fields(attribute)? {
        match (f.number, f.wire) {
            (1, LEN) => name = f.payload,
            (5, LEN) => tensor = Some(f.payload),
            _ => {}
        }
    }
    match (name, tensor) {
        (b"value", Some(t)) => read_float_tensor(t),
        _ => Ok(None),
    }
}

/// A TensorProto of floats stored in the file (`raw_data` or `float_data`), or `None`.
fn read_float_tensor(msg: &[u8]) -> Result<Option<Tensor>, &'static str> {
    let mut dims = Vec::new();
    let mut data_type = 0;
    let mut raw: Option<&[u8]> = None;
    let mut packed: Option<&[u8]> = None;
    let mut other = false;
    for f in fields(msg)? {
        match (f.number, f.wire) {
            (1, VARINT) => dims.push(f.value),
            (1, LEN) => {
                let mut p = f.payload;
                while !p.is_empty() {
                    dims.push(obscura_onnx::wire::read_varint(&mut p).ok_or(MALFORMED)?);
                }
            }
            (2, VARINT) => data_type = f.value,
            (4, LEN) => packed = Some(f.payload),
            (9, LEN) => raw = Some(f.payload),
            // Unpacked float_data, segments, external data: not handled, left alone.
            (3 | 4 | 13 | 14, _) => other = true,
            _ => {}
        }
    }
    let ((Some(data), None) | (None, Some(data))) = (raw, packed) else {
        return Ok(None);
    };
    let elements = dims
        .iter()
        .try_fold(1u64, |n, &d| n.checked_mul(d))
        .and_then(|n| usize::try_from(n).ok());
    if data_type != 1 || other || elements.and_then(|n| n.checked_mul(4)) != Some(data.len()) {
        return Ok(None);
    }
    let values = data
        .chunks_exact(4)
        .map(|c| {
            <[u8; 4]>::try_from(c)
                .map(f32::from_le_bytes)
                .map_err(|_| MALFORMED)
        })
        .collect::<Result<_, _>>()?;
    Ok(Some(Tensor { dims, values }))
}

/// A `Constant` node producing `output` with `tensor` (name and domain kept from `node`).
pub(super) fn constant_node(node: &Node<'_>, output: &[u8], tensor: &Tensor) -> Vec<u8> {
    let mut t = Vec::new();
    for &d in &tensor.dims {
        put_varint_field(&mut t, 1, d);
    }
    put_varint_field(&mut t, 2, 1);
    let raw: Vec<u8> = tensor.values.iter().flat_map(|v| v.to_le_bytes()).collect();
    put_len(&mut t, 9, &raw);
    let mut attribute = Vec::new();
    put_len(&mut attribute, 1, b"value");
    put_len(&mut attribute, 5, &t);
    put_varint_field(&mut attribute, 20, 4);
    let mut out = Vec::new();
    put_len(&mut out, 2, output);
    if !node.name.is_empty() {
        put_len(&mut out, 3, node.name);
    }
    put_len(&mut out, 4, b"Constant");
    put_len(&mut out, 5, &attribute);
    out
}

/// `raw` (a NodeProto) with its first input and/or its first output renamed.
fn renamed(
    raw: &[u8],
    input: Option<&[u8]>,
    output: Option<&[u8]>,
) -> Result<Vec<u8>, &'static str> {
    let mut out = Vec::with_capacity(raw.len() + 32);
    let (mut first_in, mut first_out) = (true, true);
    for f in fields(raw)? {
        match (f.number, input, output) {
            (1, Some(name), _) if first_in => {
                first_in = false;
                put_len(&mut out, 1, name);
            }
            (2, _, Some(name)) if first_out => {
                first_out = false;
                put_len(&mut out, 2, name);
            }
            _ => out.extend_from_slice(f.raw),
        }
    }
    Ok(out)
}

/// The node indices `removed` plus those of the single-use scalar constants they read,
/// which go with them.
pub(super) fn with_their_scalars(
    graph: &Graph<'_>,
    removed: &BTreeSet<usize>,
) -> Result<BTreeSet<usize>, &'static str> {
    let mut dropped = removed.clone();
    for &step in removed {
        let node = graph.nodes.get(step).ok_or(MALFORMED)?;
        for input in &node.inputs {
            if graph.scalars.contains_key(input) && graph.single_use(input) {
                if let Some((pi, _)) = graph.producer_of(input) {
                    dropped.insert(pi);
                }
            }
        }
    }
    Ok(dropped)
}

fn rewrite_graph(graph: &Graph<'_>) -> Result<Option<(Vec<u8>, usize)>, &'static str> {
    let consumers = graph.consumers();
    let mut claimed = BTreeSet::new();
    let mut folds: BTreeMap<usize, Fold> = BTreeMap::new();
    // Weights and biases by convolution: (W node, B node).
    let mut params = BTreeMap::new();
    for (index, conv) in graph.nodes.iter().enumerate() {
        if !is_default_domain(conv.domain) || conv.op_type != b"Conv" || conv.outputs.len() != 1 {
            continue;
        }
        let [_, w, b] = conv.inputs.as_slice() else {
            continue;
        };
        let (Some((wi, wn)), Some((bi, bn))) = (graph.producer_of(w), graph.producer_of(b)) else {
            continue;
        };
        if !graph.single_use(w) || !graph.single_use(b) {
            continue;
        }
        let (Some(wt), Some(bt)) = (constant_tensor(wn)?, constant_tensor(bn)?) else {
            continue;
        };
        if wt.dims.len() < 3 || bt.dims.first() != wt.dims.first() || bt.dims.len() != 1 {
            continue;
        }
        // After: Conv → Mul(a)? → Add(b)?
        let mut fold = Fold::default();
        let mut last = conv.outputs.first().copied().unwrap_or_default();
        let (mut a, mut shift) = (1.0f32, 0.0f32);
        let mut steps = Vec::new();
        if let Some(next) = only_consumer(graph, &consumers, last) {
            let node = graph.nodes.get(next).ok_or(MALFORMED)?;
            if let Some((value, _)) = scalar_step(graph, node, b"Mul") {
                a = value;
                steps.push(next);
                last = node.output();
            }
        }
        if let Some(next) = only_consumer(graph, &consumers, last) {
            let node = graph.nodes.get(next).ok_or(MALFORMED)?;
            if let Some((value, _)) = scalar_step(graph, node, b"Add") {
                shift = value;
                steps.push(next);
                last = node.output();
            }
        }
        if !steps.is_empty() && steps.iter().all(|s| !claimed.contains(s)) {
            claimed.extend(steps.iter().copied());
            fold.after = Some((a, shift, last.to_vec()));
        }
        // Before: Mul(c)? → Add(d)? → Conv, without padding.
        if unpadded(conv)? {
            let mut input = conv.inputs.first().copied().unwrap_or_default();
            let (mut c, mut d) = (1.0f32, 0.0f32);
            let mut steps = Vec::new();
            if let Some((pi, node)) = graph.producer_of(input) {
                if let Some((value, other)) = scalar_step(graph, node, b"Add") {
                    if graph.single_use(input) {
                        d = value;
                        steps.push(pi);
                        input = other;
                    }
                }
            }
            if let Some((pi, node)) = graph.producer_of(input) {
                if let Some((value, other)) = scalar_step(graph, node, b"Mul") {
                    if graph.single_use(input) {
                        c = value;
                        steps.push(pi);
                        input = other;
                    }
                }
            }
            if !steps.is_empty() && steps.iter().all(|s| !claimed.contains(s)) {
                claimed.extend(steps.iter().copied());
                fold.before = Some((c, d, input.to_vec()));
            }
        }
        if fold.before.is_some() || fold.after.is_some() {
            params.insert(index, (wi, wt, bi, bt));
            folds.insert(index, fold);
        }
    }
    if claimed.is_empty() {
        return Ok(None);
    }
    // New weights and biases, by the index of their Constant node.
    let mut new_constants: BTreeMap<usize, Tensor> = BTreeMap::new();
    for (conv, fold) in &folds {
        let Some((wi, mut w, bi, mut b)) = params.remove(conv) else {
            continue;
        };
        let per_output = w.values.len() / b.values.len().max(1);
        if let Some((c, d, _)) = &fold.before {
            for (bias, row) in b.values.iter_mut().zip(w.values.chunks(per_output.max(1))) {
                *bias += d * row.iter().sum::<f32>();
            }
            w.values.iter_mut().for_each(|v| *v *= c);
        }
        if let Some((a, shift, _)) = &fold.after {
            w.values.iter_mut().for_each(|v| *v *= a);
            b.values.iter_mut().for_each(|v| *v = *v * a + shift);
        }
        new_constants.insert(wi, w);
        new_constants.insert(bi, b);
    }
    let dropped = with_their_scalars(graph, &claimed)?;
    let mut out = Vec::new();
    let mut index = 0;
    for field in &graph.fields {
        if field.number != 1 {
            out.extend_from_slice(field.raw);
            continue;
        }
        let node = graph.nodes.get(index).ok_or(MALFORMED)?;
        if let Some(tensor) = new_constants.get(&index) {
            put_len(&mut out, 1, &constant_node(node, node.output(), tensor));
        } else if let Some(fold) = folds.get(&index) {
            let input = fold.before.as_ref().map(|(_, _, name)| name.as_slice());
            let output = fold.after.as_ref().map(|(_, _, name)| name.as_slice());
            put_len(&mut out, 1, &renamed(field.payload, input, output)?);
        } else if !dropped.contains(&index) {
            out.extend_from_slice(field.raw);
        }
        index += 1;
    }
    Ok(Some((out, claimed.len())))
}

#[cfg(test)]
pub(super) mod tests {
    #![allow(clippy::unwrap_used, clippy::indexing_slicing, reason = "test")]

    use super::super::onnx_graph::node;
    use super::*;

    fn tensor(dims: &[u64], values: &[f32]) -> Tensor {
        Tensor {
            dims: dims.to_vec(),
            values: values.to_vec(),
        }
    }

    pub(in crate::models) fn constant(output: &str, dims: &[u64], values: &[f32]) -> Vec<u8> {
        let empty = Node::parse(&[]).unwrap();
        constant_node(&empty, output.as_bytes(), &tensor(dims, values))
    }

    pub(in crate::models) fn op(
        op_type: &str,
        inputs: &[&str],
        output: &str,
        attributes: &[Vec<u8>],
    ) -> Vec<u8> {
        let inputs: Vec<&[u8]> = inputs.iter().map(|i| i.as_bytes()).collect();
        node(
            &inputs,
            output.as_bytes(),
            b"",
            op_type.as_bytes(),
            attributes,
        )
    }

    pub(in crate::models) fn pads(values: &[u64]) -> Vec<u8> {
        let mut packed = Vec::new();
        for &v in values {
            obscura_onnx::wire::put_varint(&mut packed, v);
        }
        let mut attribute = Vec::new();
        put_len(&mut attribute, 1, b"pads");
        put_len(&mut attribute, 8, &packed);
        put_varint_field(&mut attribute, 20, 7);
        attribute
    }

    /// `x → Conv1 → ·2 → +0.25 → Relu → ·3 → +1 → Conv2 → out`, the scalars first operands
    /// of shape [1] as in the Paddle exports; `conv2` holds Conv2's attributes.
    pub(in crate::models) fn model(conv2: &[Vec<u8>], shared_scale: bool) -> Vec<u8> {
        let nodes = [
            constant("w1", &[2, 1, 1, 1], &[1.0, 2.0]),
            constant("b1", &[2], &[0.5, -1.0]),
            constant("a", &[1], &[2.0]),
            constant("b", &[1], &[0.25]),
            constant("c", &[1], &[3.0]),
            constant("d", &[1], &[1.0]),
            constant("w2", &[1, 2, 1, 1], &[1.0, -1.0]),
            constant("b2", &[1], &[0.125]),
            op("Conv", &["x", "w1", "b1"], "y", &[]),
            op("Mul", &["a", "y"], "m", &[]),
            op("Add", &["m", "b"], "s", &[]),
            op("Relu", &["s"], "r", &[]),
            op("Mul", &["c", "r"], "m2", &[]),
            op("Add", &["m2", "d"], "s2", &[]),
            op("Conv", &["s2", "w2", "b2"], "out", conv2),
            op(
                "Mul",
                &[if shared_scale { "a" } else { "c" }, "out"],
                "unused",
                &[],
            ),
        ];
        let mut graph = Vec::new();
        for n in &nodes[..nodes.len() - usize::from(!shared_scale)] {
            put_len(&mut graph, 1, n);
        }
        let mut output = Vec::new();
        put_len(&mut output, 1, b"out");
        put_len(&mut graph, 12, &output);
        let mut out = Vec::new();
        put_len(&mut out, 7, &graph);
        out
    }

    /// (op_type, inputs, output, constant values) of every node.
    pub(in crate::models) fn summary(bytes: &[u8]) -> Vec<(String, Vec<String>, String, Vec<f32>)> {
        let top = fields(bytes).unwrap();
        let graph = Graph::parse(top[0].payload).unwrap();
        let text = |b: &[u8]| String::from_utf8(b.to_vec()).unwrap();
        graph
            .nodes
            .iter()
            .map(|n| {
                let values = constant_tensor(n)
                    .unwrap()
                    .map(|t| t.values)
                    .unwrap_or_default();
                (
                    text(n.op_type),
                    n.inputs.iter().map(|i| text(i)).collect(),
                    text(n.output()),
                    values,
                )
            })
            .collect()
    }

    fn row(
        op: &str,
        inputs: &[&str],
        output: &str,
        values: &[f32],
    ) -> (String, Vec<String>, String, Vec<f32>) {
        (
            op.to_owned(),
            inputs.iter().map(|i| (*i).to_owned()).collect(),
            output.to_owned(),
            values.to_vec(),
        )
    }

    #[test]
    fn affine_steps_fold_into_both_convolutions() {
        let (out, steps) = fold(ModelId::TextDet, model(&[pads(&[0, 0, 0, 0])], false)).unwrap();
        assert_eq!(steps, 4);
        assert_eq!(
            summary(&out),
            vec![
                row("Constant", &[], "w1", &[2.0, 4.0]),
                row("Constant", &[], "b1", &[1.25, -1.75]),
                // w2 · 3, b2 + 1 · (1 − 1)
                row("Constant", &[], "w2", &[3.0, -3.0]),
                row("Constant", &[], "b2", &[0.125]),
                row("Conv", &["x", "w1", "b1"], "s", &[]),
                row("Relu", &["s"], "r", &[]),
                row("Conv", &["r", "w2", "b2"], "out", &[]),
            ]
        );
    }

    #[test]
    fn padded_convolutions_and_shared_scalars_are_not_folded() {
        // Conv2 pads: the step before it stays; Conv1's still folds.
        let (out, steps) = fold(ModelId::TextDet, model(&[pads(&[1, 1, 1, 1])], false)).unwrap();
        assert_eq!(steps, 2);
        let ops: Vec<String> = summary(&out).into_iter().map(|r| r.0).collect();
        assert_eq!(
            ops,
            [
                "Constant", "Constant", "Constant", "Constant", "Constant", "Constant", "Conv",
                "Relu", "Mul", "Add", "Conv"
            ]
        );
        // The scale `a` also used elsewhere: Conv1's Mul stays, and with it the Add after it
        // (the Add alone does not follow the convolution).
        let bytes = model(&[], true);
        let (out, steps) = fold(ModelId::TextDet, bytes).unwrap();
        assert_eq!(steps, 2);
        let kept: Vec<(String, String)> = summary(&out)
            .into_iter()
            .filter(|r| r.0 != "Constant")
            .map(|r| (r.0, r.2))
            .collect();
        let want = [
            ("Conv", "y"),
            ("Mul", "m"),
            ("Add", "s"),
            ("Relu", "r"),
            ("Conv", "out"),
            ("Mul", "unused"),
        ];
        let want: Vec<(String, String)> = want
            .iter()
            .map(|(a, b)| ((*a).to_owned(), (*b).to_owned()))
            .collect();
        assert_eq!(kept, want);
    }

    #[test]
    fn nothing_to_fold_leaves_the_bytes_and_malformed_is_an_error() {
        let mut graph = Vec::new();
        put_len(&mut graph, 1, &op("Relu", &["x"], "y", &[]));
        let mut bytes = Vec::new();
        put_len(&mut bytes, 7, &graph);
        assert_eq!(fold(ModelId::TextRec, bytes.clone()).unwrap(), (bytes, 0));
        let bytes = model(&[], false);
        for cut in 1..bytes.len() {
            let got = fold(ModelId::TextRec, bytes[..cut].to_vec());
            assert!(
                matches!(
                    got,
                    Err(Error::ModelMalformed {
                        model: ModelId::TextRec,
                        ..
                    })
                ),
                "cut {cut}: {got:?}"
            );
        }
    }
}
