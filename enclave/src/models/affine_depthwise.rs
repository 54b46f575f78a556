//! Turns the scalar affine steps that [`conv_affine`](super::conv_affine) cannot fold into
//! 1×1 depthwise convolutions, so that they run in ONNX Runtime's blocked channel layout.
//!
//! In PP-LCNetV3 (the backbone of the PP-OCRv4 detector and recogniser) each activation is followed by a
//! learnable affine block `h·a + b` (two scalars) and then, mostly, by a *padded* depthwise
//! convolution. Folding `b` into a padded convolution would change its border (the padding
//! sees `0`, not `b`), so `conv_affine` leaves these steps in place. ONNX Runtime runs
//! convolutions in the blocked NCHWc layout but has no NCHWc kernel for a `Mul` or `Add` by a
//! scalar: each step costs a reorder out of the layout, the `Mul`, the `Add` and a reorder
//! back, four passes over the activations between two convolutions. A 1×1 depthwise `Conv`
//! whose weight is `a` and bias `b` in every channel computes the same `h·a + b` in one pass
//! and keeps the layout. (Written here because no crate rewrites ONNX graphs in Rust; the
//! graph is read and written with [`obscura_onnx::wire`] like the other rewrites.)
//!
//! A chain is `Mul(a)`, `Add(b)` or `Mul(a) → Add(b)` with single-use scalar constants
//! (either operand order), whose input comes from a `Conv` (directly or through one
//! element-wise activation, the hard swish as `x · HardSigmoid(x)` included) with a stored
//! weight giving the channel count, and whose output is read only by convolutions (not a
//! graph output). Anything else is left alone. 13 chains convert in the detector and 13 in
//! the recogniser; the classifier has none.
//!
//! Measured with the pinned runtime, one thread, the variants interleaved
//! (`real_rewrites::time_rewritten_text_models`, medians of 9), after the other two
//! rewrites: the detector at 1024² 209.8 → 190.7 ms (quiet machine) and 262.8 → 240.3 ms
//! (busy), the recogniser at 8 × 48 × 320 165.3 → 148.3 ms (busy). A prototype profiled
//! with 2 threads (the detector at 736 × 1120) spent 14.5 → 6.7 ms in layout reorders and
//! 15.5 → 8.8 ms in scalar `Mul`/`Add` per run. On the test photographs the outputs' largest
//! difference from the original models' is the same with and without the conversion
//! (`h·a + b` is computed the same way).

use std::collections::{BTreeMap, BTreeSet};

use obscura_onnx::wire::{VARINT, put_len, put_varint, put_varint_field};

use super::conv_affine::{Tensor, constant_node, constant_tensor, scalar_step, with_their_scalars};
use super::hardswish::unique_name;
use super::onnx_graph::{Graph, MALFORMED, Node, is_default_domain, node, rewrite_main_graph};
use crate::Error;
use crate::models::ModelId;

/// Element-wise activations a chain may follow (the channel count passes through them).
const ACTIVATIONS: [&[u8]; 5] = [b"HardSwish", b"HardSigmoid", b"Relu", b"Sigmoid", b"Clip"];

/// Returns `bytes` with every convertible affine chain turned into a depthwise convolution,
/// and how many chains were converted; unchanged bytes when there is none.
pub(crate) fn convert(model: ModelId, bytes: Vec<u8>) -> Result<(Vec<u8>, usize), Error> {
    let bad = |reason| Error::ModelMalformed { model, reason };
    Ok(
        match rewrite_main_graph(&bytes, rewrite_graph).map_err(bad)? {
            Some(rewritten) => rewritten,
            None => (bytes, 0),
        },
    )
}

/// One chain to convert.
struct Chain<'a> {
    /// The chain's input and its channel count.
    input: &'a [u8],
    channels: u64,
    /// `h·scale + shift`.
    scale: f32,
    shift: f32,
    /// The chain's nodes (one or two) and its last node's output.
    nodes: Vec<usize>,
    output: &'a [u8],
}

/// The output channels of the convolution producing `name`, looking through one
/// element-wise activation: a unary one, or the hard swish as `x · HardSigmoid(x)` (the
/// form the recogniser's and the classifier's chains are fused into).
fn channels(graph: &Graph<'_>, name: &[u8]) -> Result<Option<u64>, &'static str> {
    let Some((_, mut producer)) = graph.producer_of(name) else {
        return Ok(None);
    };
    if let Some(x) = activation_input(graph, producer) {
        let Some((_, conv)) = graph.producer_of(x) else {
            return Ok(None);
        };
        producer = conv;
    }
    if !is_default_domain(producer.domain) || producer.op_type != b"Conv" {
        return Ok(None);
    }
    let Some((_, weight)) = producer.inputs.get(1).and_then(|w| graph.producer_of(w)) else {
        return Ok(None);
    };
    Ok(constant_tensor(weight)?
        .and_then(|t| t.dims.first().copied())
        .filter(|&c| c > 0))
}

/// The input `x` of `node` if it is an element-wise activation of `x`: one of
/// [`ACTIVATIONS`], or `Mul(x, HardSigmoid(x))` in either operand order.
fn activation_input<'a>(graph: &Graph<'a>, node: &Node<'a>) -> Option<&'a [u8]> {
    if !is_default_domain(node.domain) {
        return None;
    }
    if ACTIVATIONS.contains(&node.op_type) {
        return node.inputs.first().copied();
    }
    if !node.is_plain(b"Mul", 2) {
        return None;
    }
    let (a, b) = (*node.inputs.first()?, *node.inputs.get(1)?);
    [(a, b), (b, a)].into_iter().find_map(|(x, gate)| {
        let (_, sigmoid) = graph.producer_of(gate)?;
        let gated = is_default_domain(sigmoid.domain)
            && sigmoid.op_type == b"HardSigmoid"
            && sigmoid.inputs.first() == Some(&x);
        gated.then_some(x)
    })
}

/// Whether `name` is read by at least one node, only by default-domain `Conv` nodes (as
/// their data input), and is not a graph output.
fn feeds_only_convolutions(
    graph: &Graph<'_>,
    consumers: &BTreeMap<&[u8], Vec<usize>>,
    name: &[u8],
) -> bool {
    let Some(readers) = consumers.get(name) else {
        return false;
    };
    graph.uses.get(name) == Some(&readers.len())
        && readers.iter().all(|&r| {
            graph.nodes.get(r).is_some_and(|n: &Node<'_>| {
                is_default_domain(n.domain)
                    && n.op_type == b"Conv"
                    && n.inputs.first().copied() == Some(name)
                    && !n.inputs.iter().skip(1).any(|&i| i == name)
            })
        })
}

/// The chain starting at node `index`, if it is one that can be converted.
fn chain_at<'a>(
    graph: &Graph<'a>,
    consumers: &BTreeMap<&[u8], Vec<usize>>,
    index: usize,
) -> Result<Option<Chain<'a>>, &'static str> {
    let first = graph.nodes.get(index).ok_or(MALFORMED)?;
    let (scale, shift, input, nodes, output) =
        if let Some((a, input)) = scalar_step(graph, first, b"Mul") {
            let mul_out = first.output();
            let next = match consumers.get(mul_out).map(Vec::as_slice) {
                Some([one]) if graph.single_use(mul_out) => Some(*one),
                _ => None,
            };
            let add = next.and_then(|n| {
                let node = graph.nodes.get(n)?;
                scalar_step(graph, node, b"Add").map(|(b, _)| (n, b, node.output()))
            });
            match add {
                Some((n, b, out)) => (a, b, input, vec![index, n], out),
                None => (a, 0.0, input, vec![index], mul_out),
            }
        } else if let Some((b, input)) = scalar_step(graph, first, b"Add") {
            (1.0, b, input, vec![index], first.output())
        } else {
            return Ok(None);
        };
    if !feeds_only_convolutions(graph, consumers, output) {
        return Ok(None);
    }
    let Some(channels) = channels(graph, input)? else {
        return Ok(None);
    };
    Ok(Some(Chain {
        input,
        channels,
        scale,
        shift,
        nodes,
        output,
    }))
}

fn rewrite_graph(graph: &Graph<'_>) -> Result<Option<(Vec<u8>, usize)>, &'static str> {
    let consumers = graph.consumers();
    let mut claimed = BTreeSet::new();
    // Chains by the index of their first node.
    let mut chains = BTreeMap::new();
    for index in 0..graph.nodes.len() {
        if claimed.contains(&index) {
            continue;
        }
        if let Some(chain) = chain_at(graph, &consumers, index)? {
            if chain.nodes.iter().all(|n| !claimed.contains(n)) {
                claimed.extend(chain.nodes.iter().copied());
                chains.insert(index, chain);
            }
        }
    }
    if chains.is_empty() {
        return Ok(None);
    }
    let dropped = with_their_scalars(graph, &claimed)?;
    let mut fresh = BTreeSet::new();
    let mut out = Vec::new();
    let mut index = 0;
    for field in &graph.fields {
        if field.number != 1 {
            out.extend_from_slice(field.raw);
            continue;
        }
        if let Some(chain) = chains.get(&index) {
            let lead = graph.nodes.get(index).ok_or(MALFORMED)?;
            put_depthwise(&mut out, graph, &mut fresh, lead, chain)?;
        } else if !dropped.contains(&index) {
            out.extend_from_slice(field.raw);
        }
        index += 1;
    }
    Ok(Some((out, chains.len())))
}

/// Appends the weight and bias constants and the depthwise `Conv` replacing `chain`.
fn put_depthwise(
    out: &mut Vec<u8>,
    graph: &Graph<'_>,
    fresh: &mut BTreeSet<Vec<u8>>,
    lead: &Node<'_>,
    chain: &Chain<'_>,
) -> Result<(), &'static str> {
    let channels = usize::try_from(chain.channels).map_err(|_| MALFORMED)?;
    let weight_name = unique_name(&graph.names, fresh, chain.output, b"/depthwise_w");
    let bias_name = unique_name(&graph.names, fresh, chain.output, b"/depthwise_b");
    let weight = Tensor {
        dims: vec![chain.channels, 1, 1, 1],
        values: vec![chain.scale; channels],
    };
    let bias = Tensor {
        dims: vec![chain.channels],
        values: vec![chain.shift; channels],
    };
    put_len(out, 1, &constant_node(lead, &weight_name, &weight));
    put_len(out, 1, &constant_node(lead, &bias_name, &bias));
    let attributes = [
        int_attribute(b"group", chain.channels),
        ints_attribute(b"kernel_shape", &[1, 1]),
    ];
    let conv = node(
        &[chain.input, &weight_name, &bias_name],
        chain.output,
        lead.name,
        b"Conv",
        &attributes,
    );
    put_len(out, 1, &conv);
    fresh.insert(weight_name);
    fresh.insert(bias_name);
    Ok(())
}

/// AttributeProto { name = 1, i = 3, type = 20 (INT = 2) }.
fn int_attribute(name: &[u8], value: u64) -> Vec<u8> {
    let mut out = Vec::new();
    put_len(&mut out, 1, name);
    put_varint_field(&mut out, 3, value);
    put_varint_field(&mut out, 20, 2);
    out
}

/// AttributeProto { name = 1, ints = 8 (repeated), type = 20 (INTS = 7) }.
fn ints_attribute(name: &[u8], values: &[u64]) -> Vec<u8> {
    let mut out = Vec::new();
    put_len(&mut out, 1, name);
    for &v in values {
        put_varint(&mut out, (8 << 3) | VARINT);
        put_varint(&mut out, v);
    }
    put_varint_field(&mut out, 20, 7);
    out
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::indexing_slicing, reason = "test")]

    use super::super::conv_affine::fold;
    use super::super::conv_affine::tests::{constant, model, op, pads, summary};
    use super::super::onnx_graph::fields;
    use super::*;

    /// `(name, int or ints)` of each attribute of the node producing `output`.
    fn attributes(bytes: &[u8], output: &str) -> Vec<(String, Vec<u64>)> {
        let top = fields(bytes).unwrap();
        let graph = Graph::parse(top[0].payload).unwrap();
        let (_, node) = graph.producer_of(output.as_bytes()).unwrap();
        node.attributes
            .iter()
            .map(|a| {
                let mut name = String::new();
                let mut values = Vec::new();
                for f in fields(a).unwrap() {
                    match (f.number, f.wire) {
                        (1, _) => name = String::from_utf8(f.payload.to_vec()).unwrap(),
                        (3 | 8, VARINT) => values.push(f.value),
                        _ => {}
                    }
                }
                (name, values)
            })
            .collect()
    }

    fn graph_of(nodes: &[Vec<u8>], output: &str) -> Vec<u8> {
        let mut graph = Vec::new();
        for n in nodes {
            put_len(&mut graph, 1, n);
        }
        let mut info = Vec::new();
        put_len(&mut info, 1, output.as_bytes());
        put_len(&mut graph, 12, &info);
        let mut bytes = Vec::new();
        put_len(&mut bytes, 7, &graph);
        bytes
    }

    #[test]
    fn the_step_before_a_padded_convolution_becomes_a_depthwise_convolution() {
        // `conv_affine` folds Conv1's steps but must leave `·3 → +1` before the padded Conv2.
        let (folded, _) = fold(ModelId::TextDet, model(&[pads(&[1, 1, 1, 1])], false)).unwrap();
        let (out, chains) = convert(ModelId::TextDet, folded).unwrap();
        assert_eq!(chains, 1);
        let rows = summary(&out);
        let ops: Vec<(&str, Vec<&str>, &str)> = rows
            .iter()
            .filter(|r| r.0 != "Constant")
            .map(|r| {
                let inputs = r.1.iter().map(String::as_str).collect();
                (r.0.as_str(), inputs, r.2.as_str())
            })
            .collect();
        let depthwise_inputs = vec!["r", "s2/depthwise_w", "s2/depthwise_b"];
        assert_eq!(
            ops,
            [
                ("Conv", vec!["x", "w1", "b1"], "s"),
                ("Relu", vec!["s"], "r"),
                ("Conv", depthwise_inputs, "s2"),
                ("Conv", vec!["s2", "w2", "b2"], "out"),
            ]
        );
        let value = |name: &str| rows.iter().find(|r| r.2 == name).unwrap().3.clone();
        assert_eq!(value("s2/depthwise_w"), [3.0, 3.0]);
        assert_eq!(value("s2/depthwise_b"), [1.0, 1.0]);
        assert!(
            rows.iter().all(|r| r.2 != "c" && r.2 != "d"),
            "scalars dropped"
        );
        assert_eq!(
            attributes(&out, "s2"),
            [
                ("group".to_owned(), vec![2]),
                ("kernel_shape".to_owned(), vec![1, 1])
            ]
        );
    }

    #[test]
    fn lone_steps_convert_and_other_readers_or_producers_do_not() {
        let conv = |input: &str, output: &str| op("Conv", &[input, "w", "b"], output, &[]);
        let weights = || {
            [
                constant("w", &[3, 3, 1, 1], &[1.0; 9]),
                constant("b", &[3], &[0.0; 3]),
            ]
        };
        // A lone `Add` after a convolution, feeding one: weight 1, bias the scalar.
        let [w, b] = weights();
        let nodes = [
            w,
            b,
            constant("k", &[1], &[0.5]),
            conv("x", "y"),
            op("Add", &["y", "k"], "z", &[]),
            op("Conv", &["z", "w2", "b2"], "out", &[]),
        ];
        let (out, chains) = convert(ModelId::TextDet, graph_of(&nodes, "out")).unwrap();
        assert_eq!(chains, 1);
        let rows = summary(&out);
        let value = |name: &str| rows.iter().find(|r| r.2 == name).unwrap().3.clone();
        assert_eq!(value("z/depthwise_w"), [1.0; 3]);
        assert_eq!(value("z/depthwise_b"), [0.5; 3]);
        // After the hard swish as `x · HardSigmoid(x)`, in either operand order.
        for gated in [["y", "g"], ["g", "y"]] {
            let [w, b] = weights();
            let nodes = [
                w,
                b,
                constant("k", &[1], &[0.5]),
                conv("x", "y"),
                op("HardSigmoid", &["y"], "g", &[]),
                op("Mul", &gated, "h", &[]),
                op("Add", &["h", "k"], "z", &[]),
                op("Conv", &["z", "w2", "b2"], "out", &[]),
            ];
            let (out, chains) = convert(ModelId::TextRec, graph_of(&nodes, "out")).unwrap();
            assert_eq!(chains, 1, "{gated:?}");
            let depthwise = summary(&out).into_iter().find(|r| r.2 == "z").unwrap();
            assert_eq!(depthwise.0, "Conv");
            assert_eq!(depthwise.1, ["h", "z/depthwise_w", "z/depthwise_b"]);
        }
        // A product of two different tensors is no activation: left alone.
        let [w, b] = weights();
        let nodes = [
            w,
            b,
            constant("k", &[1], &[0.5]),
            conv("x", "y"),
            op("HardSigmoid", &["x2"], "g", &[]),
            op("Mul", &["y", "g"], "h", &[]),
            op("Add", &["h", "k"], "z", &[]),
            op("Conv", &["z", "w2", "b2"], "out", &[]),
        ];
        let bytes = graph_of(&nodes, "out");
        assert_eq!(
            convert(ModelId::TextRec, bytes.clone()).unwrap(),
            (bytes, 0)
        );
        // Read by something other than a convolution, a graph output, or not after a
        // convolution: left alone, bytes unchanged.
        for (reader, output, input) in [
            ("Relu", "out", "y"),
            ("Conv", "z", "y"),
            ("Conv", "out", "x"),
        ] {
            let [w, b] = weights();
            let nodes = [
                w,
                b,
                constant("k", &[1], &[2.0]),
                conv("x", "y"),
                op("Mul", &["k", input], "z", &[]),
                op(reader, &["z"], "out", &[]),
            ];
            let bytes = graph_of(&nodes, output);
            let got = convert(ModelId::TextDet, bytes.clone()).unwrap();
            assert_eq!(got, (bytes, 0), "{reader} {output} {input}");
        }
    }

    #[test]
    fn malformed_models_are_an_error() {
        let (bytes, _) = fold(ModelId::TextDet, model(&[pads(&[1, 1, 1, 1])], false)).unwrap();
        for cut in 1..bytes.len() {
            let got = convert(ModelId::TextDet, bytes[..cut].to_vec());
            assert!(
                matches!(
                    got,
                    Err(Error::ModelMalformed {
                        model: ModelId::TextDet,
                        ..
                    })
                ),
                "cut {cut}: {got:?}"
            );
        }
    }
}
