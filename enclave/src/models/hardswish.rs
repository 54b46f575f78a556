//! Fuses the four-node hard-swish of the Paddle exports into one node.
//!
//! Paddle2ONNX spells `hardswish(x)` as `Div(Mul(x, Clip(Add(x, 3), 0, 6)), 6)`, with the
//! constants in `Constant` nodes: 24 times in the PP-OCRv4 text detector, 28 in the
//! recogniser and 18 in the direction classifier. ONNX Runtime runs each of those four
//! elementwise nodes as its own pass over the activations (and, in the detector, reorders
//! the blocked NCHWc layout of its convolutions around them), so in per-op profiles of the
//! detector (1 thread, 1024² input) Add, Mul, Clip, Div and the layout reorders took more
//! time than the convolutions: Conv 160 ms of ~504 ms. One `HardSwish(x)` node computes the
//! same function (ONNX Runtime expands it to `x · HardSigmoid(x)`, two passes instead of four):
//! in Python ONNX Runtime 1.20 the detector went from ~504 to ~363 ms, output within 1.5e-7.
//! With the affine folds of `conv_affine` on top, the pinned runtime from Rust (one thread,
//! 1024² input, interleaved runs on a busy machine, `real_rewrites::time_rewritten_text_models`)
//! took 420 → 305 ms (median), min 292 → 206 ms. `HardSwish` needs default-domain opset 14 (the
//! exports import 11 or 12), so the import is raised only when every node of the graph is an
//! operator whose meaning did not change between the model's version and 14 (see
//! [`opset_14_is_safe`]), as in the detector. Otherwise (the recogniser's `Squeeze` and the
//! recogniser's and classifier's `Softmax` changed meaning in opset 13) the chain becomes
//! `Mul(x, HardSigmoid(x, alpha = 1/6, beta = 1/2))`, which exists since opset 6: measured in Python ONNX Runtime 1.20, one thread, 8 recogniser crops 225 → 197 ms and 8
//! classifier crops 8.7 → 6.9 ms, the same as with `HardSwish` there. Both forms are the
//! same function up to float rounding (outputs within 3e-6).
//!
//! The chain is matched strictly: the constants are read from their `Constant` nodes (or
//! initializers that no graph input overrides) and must be single floats equal to 3, 0, 6 and
//! 6; the `Add`, `Clip` and `Mul` outputs must each have exactly one consumer (the next node
//! of the chain) and not be graph outputs; the `Mul` must take the same `x` as the `Add`.
//! A graph with subgraphs (`If`, `Loop`, `Scan`) is left unchanged, since their bodies may use
//! outer names. `Constant` nodes that lose their last consumer are dropped.
//!
//! No crate edits ONNX protobufs without a full schema, hence this hand-written pass on
//! [`obscura_onnx::wire`] (like `onnx_dims`): only the node list of ModelProto.graph (7) →
//! GraphProto.node (1) and the default-domain entry of ModelProto.opset_import (8) are
//! rewritten; every other field, weights included, is copied byte for byte. The input is a
//! pinned, digest-checked file, but every read is still bounds-checked and anything
//! malformed is a typed error.

use std::collections::{BTreeMap, BTreeSet};

use obscura_onnx::wire::{I32, LEN, VARINT, put_len, put_varint, put_varint_field};

use super::onnx_graph::{Graph, MALFORMED, constant_scalar, fields, is_default_domain, node};

use crate::Error;
use crate::models::ModelId;

/// The default-domain opset that introduced `HardSwish`.
const HARD_SWISH_OPSET: u64 = 14;

/// The IR version that opset 14 needs (ONNX 1.9).
const HARD_SWISH_IR: u64 = 7;

/// Default-domain operators whose meaning for every attribute value did not change from
/// opset 11 to 14 (later versions only added types or optional attributes with the old
/// behaviour as default). `Resize` qualifies unless it uses the mode opset 13 removed.
/// Absent on purpose: `Softmax`, `LogSoftmax`, `Hardmax` (axis semantics changed in 13),
/// `Squeeze`, `Unsqueeze`, `Split`, `ReduceSum` (attribute moved to an input in 13),
/// `Dropout` (12), and anything not reviewed.
const OPSET_14_SAFE: &[&[u8]] = &[
    b"Abs",
    b"Add",
    b"ArgMax",
    b"ArgMin",
    b"AveragePool",
    b"BatchNormalization",
    b"Cast",
    b"Ceil",
    b"Clip",
    b"Concat",
    b"Constant",
    b"ConstantOfShape",
    b"Conv",
    b"ConvTranspose",
    b"Div",
    b"Equal",
    b"Erf",
    b"Exp",
    b"Expand",
    b"Flatten",
    b"Floor",
    b"Gather",
    b"Gemm",
    b"GlobalAveragePool",
    b"GlobalMaxPool",
    b"HardSigmoid",
    b"HardSwish",
    b"Identity",
    b"LeakyRelu",
    b"MatMul",
    b"Max",
    b"MaxPool",
    b"Min",
    b"Mul",
    b"Neg",
    b"Pad",
    b"Pow",
    b"Reciprocal",
    b"ReduceMax",
    b"ReduceMean",
    b"ReduceMin",
    b"Relu",
    b"Reshape",
    b"Resize",
    b"Shape",
    b"Sigmoid",
    b"Slice",
    b"Sqrt",
    b"Sub",
    b"Tanh",
    b"Transpose",
    b"Where",
];

/// How the hard-swish chains were rewritten.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Form {
    /// One `HardSwish(x)` node each; the default-domain opset import was raised to 14 if lower.
    HardSwish,
    /// `Mul(x, HardSigmoid(x))` each, because opset 14 would change another node's meaning.
    HardSigmoidMul,
}

/// What [`fuse`] did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Fused {
    /// Hard-swish chains rewritten.
    pub(crate) chains: usize,
    /// Their new form, `None` when there were none.
    pub(crate) form: Option<Form>,
}

/// Returns `bytes` with every hard-swish chain fused (see the module docs); the bytes come
/// back unchanged when there is none or the graph has subgraphs.
pub(crate) fn fuse(model: ModelId, bytes: Vec<u8>) -> Result<(Vec<u8>, Fused), Error> {
    let bad = |reason| Error::ModelMalformed { model, reason };
    let none = Fused {
        chains: 0,
        form: None,
    };
    let rewritten = rewrite_model(&bytes).map_err(bad)?;
    Ok(match rewritten {
        Some((out, fused)) => (out, fused),
        None => (bytes, none),
    })
}

/// The rewritten model, or `None` when nothing was rewritten.
fn rewrite_model(bytes: &[u8]) -> Result<Option<(Vec<u8>, Fused)>, &'static str> {
    let top = fields(bytes)?;
    let mut graph = None;
    let mut ir_version = 0;
    let mut opset = None;
    let mut has_functions = false;
    for field in &top {
        match (field.number, field.wire) {
            (1, VARINT) => ir_version = field.value,
            (7, LEN) if graph.is_none() => graph = Some(field.payload),
            (7, _) => return Err("more than one graph"),
            (8, LEN) => {
                let (domain, version) = opset_id(field.payload)?;
                if is_default_domain(domain) {
                    if opset.is_some() {
                        return Err("two default-domain opset imports");
                    }
                    opset = Some(version);
                }
            }
            (25, _) => has_functions = true,
            _ => {}
        }
    }
    let graph = Graph::parse(graph.ok_or("no graph")?)?;
    let opset = opset.ok_or("no default-domain opset import")?;
    if graph.has_subgraphs {
        return Ok(None);
    }
    let chains = graph.chains();
    if chains.is_empty() {
        return Ok(None);
    }
    let raise = opset < HARD_SWISH_OPSET;
    let form = if !raise
        || (ir_version >= HARD_SWISH_IR && !has_functions && opset_14_is_safe(opset, &graph)?)
    {
        Form::HardSwish
    } else if opset >= 6 {
        Form::HardSigmoidMul
    } else {
        return Ok(None);
    };
    let new_graph = graph.rewrite(&chains, form)?;
    let mut out = Vec::with_capacity(bytes.len());
    for field in &top {
        match (field.number, field.wire) {
            (7, LEN) => put_len(&mut out, 7, &new_graph),
            (8, LEN) if form == Form::HardSwish && raise => {
                let (domain, _) = opset_id(field.payload)?;
                if is_default_domain(domain) {
                    let mut id = Vec::new();
                    for f in fields(field.payload)? {
                        if f.number != 2 {
                            id.extend_from_slice(f.raw);
                        }
                    }
                    put_varint_field(&mut id, 2, HARD_SWISH_OPSET);
                    put_len(&mut out, 8, &id);
                } else {
                    out.extend_from_slice(field.raw);
                }
            }
            _ => out.extend_from_slice(field.raw),
        }
    }
    let fused = Fused {
        chains: chains.len(),
        form: Some(form),
    };
    Ok(Some((out, fused)))
}

/// OperatorSetIdProto: string domain = 1, int64 version = 2.
fn opset_id(msg: &[u8]) -> Result<(&[u8], u64), &'static str> {
    let mut domain: &[u8] = &[];
    let mut version = None;
    for f in fields(msg)? {
        match (f.number, f.wire) {
            (1, LEN) => domain = f.payload,
            (2, VARINT) => version = Some(f.value),
            (1 | 2, _) => return Err(MALFORMED),
            _ => {}
        }
    }
    Ok((domain, version.ok_or("opset import without version")?))
}

/// Whether raising the default-domain import from `opset` to 14 keeps every node's meaning.
fn opset_14_is_safe(opset: u64, graph: &Graph<'_>) -> Result<bool, &'static str> {
    if opset < 11 {
        return Ok(false);
    }
    for node in &graph.nodes {
        if !is_default_domain(node.domain) {
            continue;
        }
        if !OPSET_14_SAFE.contains(&node.op_type) {
            return Ok(false);
        }
        if node.op_type == b"Resize" {
            for attribute in &node.attributes {
                if attribute_string(attribute)? == Some(b"tf_half_pixel_for_nn".as_slice()) {
                    return Ok(false);
                }
            }
        }
    }
    Ok(true)
}

/// The string value (`s`, field 4) of an AttributeProto, if it has one.
fn attribute_string(attribute: &[u8]) -> Result<Option<&[u8]>, &'static str> {
    Ok(fields(attribute)?
        .into_iter()
        .find(|f| f.number == 4 && f.wire == LEN)
        .map(|f| f.payload))
}

/// One matched chain: node indices and the hard-swish input `x`.
#[derive(Debug, Clone, Copy)]
struct Chain<'a> {
    add: usize,
    clip: usize,
    mul: usize,
    div: usize,
    x: &'a [u8],
}

impl<'a> Graph<'a> {
    /// Every hard-swish chain, in node order.
    fn chains(&self) -> Vec<Chain<'a>> {
        (0..self.nodes.len())
            .filter_map(|div| self.chain_ending_at(div))
            .collect()
    }

    /// The chain whose `Div` is node `div`, if it is one.
    fn chain_ending_at(&self, div: usize) -> Option<Chain<'a>> {
        let d = self.nodes.get(div)?;
        if !d.is_plain(b"Div", 2) || !self.is_scalar(d.inputs.get(1)?, 6.0) {
            return None;
        }
        let product = *d.inputs.first()?;
        let (mul, m) = self.producer_of(product)?;
        if !m.is_plain(b"Mul", 2) || !self.single_use(product) {
            return None;
        }
        // Mul(x, clip) or Mul(clip, x).
        for (clipped, x) in [(0, 1), (1, 0)] {
            let (clipped, x) = (*m.inputs.get(clipped)?, *m.inputs.get(x)?);
            let Some((clip, c)) = self.producer_of(clipped) else {
                continue;
            };
            if !c.is_plain(b"Clip", 3)
                || !self.single_use(clipped)
                || !self.is_scalar(c.inputs.get(1)?, 0.0)
                || !self.is_scalar(c.inputs.get(2)?, 6.0)
            {
                continue;
            }
            let shifted = *c.inputs.first()?;
            let Some((add, a)) = self.producer_of(shifted) else {
                continue;
            };
            if !a.is_plain(b"Add", 2) || !self.single_use(shifted) {
                continue;
            }
            let (a0, a1) = (*a.inputs.first()?, *a.inputs.get(1)?);
            let add_x = if self.is_scalar(a1, 3.0) {
                a0
            } else if self.is_scalar(a0, 3.0) {
                a1
            } else {
                continue;
            };
            if add_x == x && !x.is_empty() {
                return Some(Chain {
                    add,
                    clip,
                    mul,
                    div,
                    x,
                });
            }
        }
        None
    }

    /// The GraphProto with `chains` replaced by their `form`.
    fn rewrite(&self, chains: &[Chain<'a>], form: Form) -> Result<Vec<u8>, &'static str> {
        let mut removed = BTreeSet::new();
        let mut replaced = BTreeMap::new();
        let mut uses = self.uses.clone();
        for chain in chains {
            for index in [chain.add, chain.clip, chain.mul, chain.div] {
                removed.insert(index);
                let node = self.nodes.get(index).ok_or(MALFORMED)?;
                for input in &node.inputs {
                    if let Some(n) = uses.get_mut(input) {
                        *n = n.saturating_sub(1);
                    }
                }
            }
            replaced.insert(chain.div, chain);
        }
        // Constants that fed only removed nodes go too.
        for (index, node) in self.nodes.iter().enumerate() {
            let orphaned = |o: &&[u8]| self.uses.contains_key(o) && uses.get(o) == Some(&0);
            if constant_scalar(node)?.is_some() && node.outputs.iter().all(orphaned) {
                removed.insert(index);
            }
        }
        let mut fresh = BTreeSet::new();
        let mut out = Vec::with_capacity(self.fields.iter().map(|f| f.raw.len()).sum());
        let mut node_index = 0;
        for field in &self.fields {
            if field.number != 1 {
                out.extend_from_slice(field.raw);
                continue;
            }
            let index = node_index;
            node_index += 1;
            if let Some(chain) = replaced.get(&index) {
                let div = self.nodes.get(index).ok_or(MALFORMED)?;
                let y = div.output();
                match form {
                    Form::HardSwish => {
                        put_len(
                            &mut out,
                            1,
                            &node(&[chain.x], y, div.name, b"HardSwish", &[]),
                        );
                    }
                    Form::HardSigmoidMul => {
                        let gate = unique_name(&self.names, &fresh, y, b"/hard_sigmoid");
                        let attributes = [
                            float_attribute(b"alpha", 1.0 / 6.0),
                            float_attribute(b"beta", 0.5),
                        ];
                        let sigmoid = node(&[chain.x], &gate, &gate, b"HardSigmoid", &attributes);
                        put_len(&mut out, 1, &sigmoid);
                        put_len(
                            &mut out,
                            1,
                            &node(&[chain.x, &gate], y, div.name, b"Mul", &[]),
                        );
                        fresh.insert(gate);
                    }
                }
            } else if !removed.contains(&index) {
                out.extend_from_slice(field.raw);
            }
        }
        Ok(out)
    }
}

/// `base` + `suffix`, with a number appended until it is in neither `names` nor `fresh`.
pub(super) fn unique_name(
    names: &BTreeSet<&[u8]>,
    fresh: &BTreeSet<Vec<u8>>,
    base: &[u8],
    suffix: &[u8],
) -> Vec<u8> {
    let mut name = [base, suffix].concat();
    let mut n = 0u32;
    while names.contains(name.as_slice()) || fresh.contains(&name) {
        n += 1;
        name = [base, suffix, n.to_string().as_bytes()].concat();
    }
    name
}

/// AttributeProto { name = 1, f = 2, type = 20 (FLOAT = 1) }.
fn float_attribute(name: &[u8], value: f32) -> Vec<u8> {
    let mut out = Vec::new();
    put_len(&mut out, 1, name);
    put_varint(&mut out, (2 << 3) | I32);
    out.extend_from_slice(&value.to_le_bytes());
    put_varint_field(&mut out, 20, 1);
    out
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::indexing_slicing, reason = "test")]

    use super::*;

    /// A TensorProto holding one float, in `raw_data` or in `float_data`.
    fn scalar_tensor(value: f32, raw: bool) -> Vec<u8> {
        let mut t = vec![0x08, 0x01, 0x10, 0x01]; // dims [1], data_type FLOAT
        if raw {
            put_len(&mut t, 9, &value.to_le_bytes());
        } else {
            put_len(&mut t, 4, &value.to_le_bytes());
        }
        t
    }

    fn constant(output: &str, value: f32, raw: bool) -> Vec<u8> {
        let mut attribute = Vec::new();
        put_len(&mut attribute, 1, b"value");
        put_len(&mut attribute, 5, &scalar_tensor(value, raw));
        put_varint_field(&mut attribute, 20, 4);
        node(&[], output.as_bytes(), b"", b"Constant", &[attribute])
    }

    fn op(op_type: &str, inputs: &[&str], output: &str) -> Vec<u8> {
        let inputs: Vec<&[u8]> = inputs.iter().map(|i| i.as_bytes()).collect();
        let name = format!("{output}.node");
        node(
            &inputs,
            output.as_bytes(),
            name.as_bytes(),
            op_type.as_bytes(),
            &[],
        )
    }

    fn value_info(name: &str) -> Vec<u8> {
        let mut vi = Vec::new();
        put_len(&mut vi, 1, name.as_bytes());
        vi
    }

    /// The hard-swish chain of the Paddle exports on `x`, then `Relu`, with `extra` nodes.
    fn chain_nodes(three: f32) -> Vec<Vec<u8>> {
        vec![
            constant("three", three, true),
            constant("zero", 0.0, false),
            constant("six", 6.0, true),
            constant("six_b", 6.0, false),
            op("Add", &["x", "three"], "shifted"),
            op("Clip", &["shifted", "zero", "six"], "clipped"),
            op("Mul", &["x", "clipped"], "product"),
            op("Div", &["product", "six_b"], "hs"),
            op("Relu", &["hs"], "y"),
        ]
    }

    /// A ModelProto: opset import first, graph last (so every truncation is malformed).
    fn model(nodes: &[Vec<u8>], outputs: &[&str], opset: u64) -> Vec<u8> {
        let mut graph = Vec::new();
        for n in nodes {
            put_len(&mut graph, 1, n);
        }
        put_len(&mut graph, 2, b"g");
        put_len(&mut graph, 11, &value_info("x"));
        for o in outputs {
            put_len(&mut graph, 12, &value_info(o));
        }
        let mut opset_id = Vec::new();
        put_len(&mut opset_id, 1, b"");
        put_varint_field(&mut opset_id, 2, opset);
        let mut out = vec![0x08, 0x08]; // ir_version 8
        put_len(&mut out, 8, &opset_id);
        put_len(&mut out, 7, &graph);
        out
    }

    /// (op_type, inputs, output) of every node, and the default-domain opset version.
    fn summary(bytes: &[u8]) -> (Vec<(String, Vec<String>, String)>, u64) {
        let top = fields(bytes).unwrap();
        let graph = top.iter().find(|f| f.number == 7).unwrap().payload;
        let opset = top.iter().find(|f| f.number == 8).unwrap().payload;
        let text = |b: &[u8]| String::from_utf8(b.to_vec()).unwrap();
        let nodes = Graph::parse(graph)
            .unwrap()
            .nodes
            .iter()
            .map(|n| {
                (
                    text(n.op_type),
                    n.inputs.iter().map(|i| text(i)).collect(),
                    text(n.output()),
                )
            })
            .collect();
        (nodes, opset_id(opset).unwrap().1)
    }

    fn strings(items: &[&str]) -> Vec<String> {
        items.iter().map(|s| (*s).to_owned()).collect()
    }

    #[test]
    fn chain_becomes_hard_swish_and_opset_14() {
        let bytes = model(&chain_nodes(3.0), &["y"], 12);
        let (out, fused) = fuse(ModelId::TextDet, bytes).unwrap();
        assert_eq!(
            fused,
            Fused {
                chains: 1,
                form: Some(Form::HardSwish)
            }
        );
        let (nodes, opset) = summary(&out);
        assert_eq!(opset, 14);
        assert_eq!(
            nodes,
            vec![
                ("HardSwish".to_owned(), strings(&["x"]), "hs".to_owned()),
                ("Relu".to_owned(), strings(&["hs"]), "y".to_owned()),
            ]
        );
    }

    #[test]
    fn operators_that_changed_by_opset_14_keep_the_opset() {
        let mut nodes = chain_nodes(3.0);
        nodes.push(op("Softmax", &["y"], "p"));
        let bytes = model(&nodes, &["p"], 12);
        let (out, fused) = fuse(ModelId::TextRec, bytes).unwrap();
        assert_eq!(fused.form, Some(Form::HardSigmoidMul));
        let (nodes, opset) = summary(&out);
        assert_eq!(opset, 12);
        let gate = "hs/hard_sigmoid".to_owned();
        assert_eq!(
            nodes,
            vec![
                ("HardSigmoid".to_owned(), strings(&["x"]), gate.clone()),
                (
                    "Mul".to_owned(),
                    vec!["x".to_owned(), gate],
                    "hs".to_owned()
                ),
                ("Relu".to_owned(), strings(&["hs"]), "y".to_owned()),
                ("Softmax".to_owned(), strings(&["y"]), "p".to_owned()),
            ]
        );
        // Opset 14 already: HardSwish, and the import is untouched.
        let mut nodes = chain_nodes(3.0);
        nodes.push(op("Softmax", &["y"], "p"));
        let (out, fused) = fuse(ModelId::TextRec, model(&nodes, &["p"], 14)).unwrap();
        assert_eq!(fused.form, Some(Form::HardSwish));
        assert_eq!(summary(&out).1, 14);
    }

    #[test]
    fn near_misses_are_left_byte_for_byte() {
        let unchanged = |bytes: Vec<u8>| {
            let (out, fused) = fuse(ModelId::TextDet, bytes.clone()).unwrap();
            assert_eq!(fused.chains, 0);
            assert_eq!(out, bytes);
        };
        // Another constant than 3.
        unchanged(model(&chain_nodes(2.5), &["y"], 12));
        // The Clip output also used elsewhere.
        let mut nodes = chain_nodes(3.0);
        nodes.push(op("Relu", &["clipped"], "z"));
        unchanged(model(&nodes, &["y", "z"], 12));
        // The Add output is a graph output.
        unchanged(model(&chain_nodes(3.0), &["y", "shifted"], 12));
        // Mul by another tensor than the Add's input.
        let mut nodes = chain_nodes(3.0);
        nodes[6] = op("Mul", &["w", "clipped"], "product");
        unchanged(model(&nodes, &["y"], 12));
        // A subgraph anywhere.
        let mut branch = Vec::new();
        put_len(&mut branch, 1, b"then_branch");
        put_len(&mut branch, 6, b"");
        let mut nodes = chain_nodes(3.0);
        nodes.push(node(&[b"c"], b"z", b"", b"If", &[branch]));
        unchanged(model(&nodes, &["y", "z"], 12));
    }

    #[test]
    fn malformed_models_are_typed_errors() {
        let bytes = model(&chain_nodes(3.0), &["y"], 12);
        for cut in 1..bytes.len() {
            let got = fuse(ModelId::TextCls, bytes[..cut].to_vec());
            assert!(
                matches!(
                    got,
                    Err(Error::ModelMalformed {
                        model: ModelId::TextCls,
                        ..
                    })
                ),
                "cut {cut}: {got:?}"
            );
        }
        // A node whose op_type is a varint.
        let mut bad_node = Vec::new();
        put_varint_field(&mut bad_node, 4, 1);
        let got = fuse(ModelId::TextCls, model(&[bad_node], &["y"], 12));
        assert_eq!(
            got,
            Err(Error::ModelMalformed {
                model: ModelId::TextCls,
                reason: MALFORMED
            })
        );
    }
}
