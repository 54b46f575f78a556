//! Runs the model's 4-bit `MatMulNBits` nodes as int8 GEMMs with one activation
//! scale per token (row), which ONNX Runtime executes with its prepacked u8×s8 GEMM.
//!
//! Why: with `accuracy_level = 4` (see `int8.rs`) ONNX Runtime's `MatMulNBits` kernel unpacks
//! the 4-bit weights and rescales every block of 32 on every call; `perf` put ~65 % of the
//! model's time in that kernel. A plain int8 GEMM on the same 2-core AVX-512 VNNI machine
//! runs the whole model about twice as fast. Per-*tensor* activation quantization
//! (`DynamicQuantizeMatMul`) was as fast but moved 4.5 % of the model's spans (on the five
//! corpora); per-*row* moves 2.5 % (the int8-block kernel itself moves 1.1 % against f32),
//! and the sanitizer's failures on every corpus stayed the same or fewer.
//!
//! The rewrite, per `MatMulNBits` node `Y = A·W` with 4-bit weights (blocks along K, one f32
//! scale per block, the implicit zero point 8, no zero-point, group-index or bias input):
//! - `W` is dequantized and requantized to int8 `[K, N]`, symmetric, one scale per column;
//! - `A` is quantized once per distinct input (the query, key and value projections share
//!   it): `s = max(|row|) / 127` (at least 1e-12; `Abs`, `GlobalMaxPool`, `Mul`, `Max`), then
//!   `A_q = round(A / s) + 128` as uint8 by one `QuantizeLinear` per axis 0 on `A` seen as a
//!   `[rows, K]` matrix, against a zero-point vector of 128s made once per run
//!   (`ConstantOfShape`), with `Reshape`s in and out (back to one `[batch, tokens, -1]`
//!   shape also made once per run: every input is rank 3). Same values as the `Div`,
//!   `Round`, `Add`, `Cast` chain it replaced (both divide, then round half to even), in one
//!   pass over `A` instead of four: ~7 % less CPU time on blind4, every corpus's output
//!   unchanged;
//! - `Y = MatMulIntegerToFloat(A_q, W_q, 1, column scales, 128) · s` (ONNX Runtime's contrib
//!   op scales the int32 accumulators by column in the GEMM's output stage, then one `Mul`
//!   by the row scales). Was `MatMulInteger`, `Cast`, `Mul`, `Mul`: two more passes over
//!   every matmul's output and 72 more nodes per run; the fused form measured ~2-3 % less
//!   CPU time on blind4, with the same leaks on every corpus.
//!
//! Nodes of another form are left as they are (`int8.rs` then gives them `accuracy_level`).
//! The rewrite runs in memory after the digest check; every read is bounds-checked.

use std::collections::{HashMap, HashSet};

use obscura_onnx::wire::{Field, LEN, VARINT, fields, put_len, put_varint_field, read_varint};

/// ONNX `TensorProto.DataType` values.
const FLOAT: u64 = 1;
const UINT8: u64 = 2;
const INT8: u64 = 3;
const INT64: u64 = 7;

/// The domain of ONNX Runtime's contrib ops (`MatMulNBits`, `MatMulIntegerToFloat`); a
/// graph with `MatMulNBits` already imports it.
const MS_DOMAIN: &[u8] = b"com.microsoft";

/// ONNX `AttributeProto.AttributeType.INT`.
const ATTR_INT: u64 = 2;

/// ONNX `AttributeProto.AttributeType.TENSOR`.
const ATTR_TENSOR: u64 = 4;

/// Prefix of every tensor and node name the rewrite adds.
const PREFIX: &[u8] = b"obscura_rowq/";

/// The activation zero point: int8 values shifted into uint8.
const ZERO_POINT: u8 = 128;

/// One initializer with its data in `raw_data`.
struct Tensor<'a> {
    dims: Vec<u64>,
    data_type: u64,
    raw: &'a [u8],
}

/// A `MatMulNBits` node's inputs, outputs and attributes.
struct NBits<'a> {
    inputs: Vec<&'a [u8]>,
    outputs: Vec<&'a [u8]>,
    k: u64,
    n: u64,
    bits: u64,
    block: u64,
}

/// A node to rewrite, with its weights dequantized (`[K, N]`, row-major).
struct Planned<'a> {
    node: NBits<'a>,
    weights: Vec<f32>,
}

/// Returns the model with every 4-bit `MatMulNBits` node of the expected form replaced by
/// per-row int8 arithmetic (see the module docs) and how many were; `None` if the bytes
/// are not a well-formed protobuf.
pub(crate) fn with_row_int8(model: &[u8]) -> Option<(Vec<u8>, usize)> {
    let mut changed = 0;
    let mut out = Vec::with_capacity(model.len() * 2);
    for f in fields(model)? {
        if f.number == 7 && f.wire == LEN {
            let (graph, n) = rewrite_graph(f.payload)?;
            put_len(&mut out, 7, &graph);
            changed += n;
        } else {
            out.extend_from_slice(f.raw);
        }
    }
    Some((out, changed))
}

/// Rewrites one `GraphProto`: nodes stay in order (the quantization of an input is placed
/// before its first user), replaced weights are dropped, new initializers appended.
fn rewrite_graph(graph: &[u8]) -> Option<(Vec<u8>, usize)> {
    let parts = fields(graph)?;
    let mut inits: HashMap<&[u8], Tensor<'_>> = HashMap::new();
    for g in parts.iter().filter(|g| g.number == 5 && g.wire == LEN) {
        if let Some((name, t)) = tensor(g.payload) {
            inits.insert(name, t);
        }
    }
    let mut out = Vec::with_capacity(graph.len() * 2);
    let mut added = Vec::new();
    let mut quantized: HashSet<Vec<u8>> = HashSet::new();
    let mut replaced: HashSet<&[u8]> = HashSet::new();
    let mut still_used: HashSet<&[u8]> = HashSet::new();
    let mut changed = 0;
    for g in &parts {
        if g.number == 5 && g.wire == LEN {
            continue;
        }
        if g.number == 1 && g.wire == LEN {
            let node = fields(g.payload)?;
            if let Some(planned) = nbits(&node).and_then(|nb| plan(nb, &inits)) {
                emit(&planned, &mut out, &mut added, &mut quantized)?;
                replaced.extend(planned.node.inputs.iter().skip(1).copied());
                changed += 1;
                continue;
            }
            still_used.extend(
                node.iter()
                    .filter(|f| f.number == 1 && f.wire == LEN)
                    .map(|f| f.payload),
            );
        }
        out.extend_from_slice(g.raw);
    }
    if changed > 0 {
        put_tensor(&mut added, &name(b"zero_point"), &[], UINT8, &[ZERO_POINT]);
    }
    for g in parts.iter().filter(|g| g.number == 5) {
        let name = tensor(g.payload).map(|(name, _)| name);
        if name.is_some_and(|n| replaced.contains(n) && !still_used.contains(n)) {
            continue;
        }
        out.extend_from_slice(g.raw);
    }
    out.extend_from_slice(&added);
    Some((out, changed))
}

/// Parses a `TensorProto` whose data is in `raw_data`; `None` for any other layout.
fn tensor(payload: &[u8]) -> Option<(&[u8], Tensor<'_>)> {
    let mut name = None;
    let mut t = Tensor {
        dims: Vec::new(),
        data_type: 0,
        raw: &[],
    };
    for f in fields(payload)? {
        match (f.number, f.wire) {
            (1, VARINT) => t.dims.push(f.value),
            (1, LEN) => {
                let mut packed = f.payload;
                while !packed.is_empty() {
                    t.dims.push(read_varint(&mut packed)?);
                }
            }
            (2, VARINT) => t.data_type = f.value,
            (8, LEN) => name = Some(f.payload),
            (9, LEN) => t.raw = f.payload,
            // data_location DEFAULT.
            (14, VARINT) if f.value == 0 => {}
            // Typed data fields, segments, external data: not a raw tensor.
            (3..=7 | 10 | 11 | 13 | 14, _) => return None,
            _ => {}
        }
    }
    Some((name?, t))
}

/// The node's parts when it is a `MatMulNBits` (of any form).
fn nbits<'a>(node: &[Field<'a>]) -> Option<NBits<'a>> {
    if !node
        .iter()
        .any(|f| f.number == 4 && f.wire == LEN && f.payload == b"MatMulNBits")
    {
        return None;
    }
    let mut out = NBits {
        inputs: Vec::new(),
        outputs: Vec::new(),
        k: 0,
        n: 0,
        bits: 0,
        block: 0,
    };
    for f in node {
        match (f.number, f.wire) {
            (1, LEN) => out.inputs.push(f.payload),
            (2, LEN) => out.outputs.push(f.payload),
            (5, LEN) => {
                let attr = fields(f.payload)?;
                let key = attr
                    .iter()
                    .find(|a| a.number == 1 && a.wire == LEN)?
                    .payload;
                let value = attr
                    .iter()
                    .find(|a| a.number == 3 && a.wire == VARINT)
                    .map(|a| a.value);
                match key {
                    b"K" => out.k = value?,
                    b"N" => out.n = value?,
                    b"bits" => out.bits = value?,
                    b"block_size" => out.block = value?,
                    _ => {}
                }
            }
            _ => {}
        }
    }
    Some(out)
}

/// Checks the node's form and dequantizes its weights; `None` leaves the node as it is.
fn plan<'a>(node: NBits<'a>, inits: &HashMap<&[u8], Tensor<'_>>) -> Option<Planned<'a>> {
    let [_, b, s] = node.inputs.as_slice() else {
        return None;
    };
    if node.bits != 4 || node.outputs.len() != 1 {
        return None;
    }
    let (k, n, block) = (
        usize::try_from(node.k).ok()?,
        usize::try_from(node.n).ok()?,
        usize::try_from(node.block).ok()?,
    );
    let (packed, scales) = (inits.get(b)?, inits.get(s)?);
    if packed.data_type != UINT8 || scales.data_type != FLOAT {
        return None;
    }
    let scales: Vec<f32> = scales
        .raw
        .chunks_exact(4)
        .filter_map(|c| c.try_into().ok().map(f32::from_le_bytes))
        .collect();
    let weights = dequantize(packed.raw, &scales, k, n, block)?;
    Some(Planned { node, weights })
}

/// Dequantizes 4-bit blocks (`[N, K / block, block / 2]` bytes, low nibble first) with
/// scales `[N, K / block]` and the zero point 8 into f32 weights `[K, N]`, row-major.
fn dequantize(packed: &[u8], scales: &[f32], k: usize, n: usize, block: usize) -> Option<Vec<f32>> {
    let blocks = k.checked_div(block)?;
    if k == 0 || blocks * block != k || k % 2 != 0 {
        return None;
    }
    if packed.len() != n.checked_mul(k)? / 2 || scales.len() != n.checked_mul(blocks)? {
        return None;
    }
    let mut w = vec![0f32; k * n];
    for (col, (bytes, col_scales)) in packed
        .chunks_exact(k / 2)
        .zip(scales.chunks_exact(blocks))
        .enumerate()
    {
        for (i, &byte) in bytes.iter().enumerate() {
            for (row, nibble) in [(2 * i, byte & 0x0f), (2 * i + 1, byte >> 4)] {
                let scale = *col_scales.get(row / block)?;
                *w.get_mut(row * n + col)? = (f32::from(nibble) - 8.0) * scale;
            }
        }
    }
    Some(w)
}

/// Int8 weights `[K, N]` (as bytes) and one symmetric scale per column.
fn requantize(w: &[f32], k: usize, n: usize) -> Option<(Vec<u8>, Vec<f32>)> {
    if w.len() != k.checked_mul(n)? {
        return None;
    }
    let mut q = vec![0u8; k * n];
    let mut col_scales = Vec::with_capacity(n);
    for col in 0..n {
        let max = w
            .iter()
            .skip(col)
            .step_by(n)
            .fold(0f32, |m, v| m.max(v.abs()));
        let scale = if max > 0.0 { max / 127.0 } else { 1.0 };
        col_scales.push(scale);
        for row in 0..k {
            let v = (w.get(row * n + col)? / scale).round().clamp(-127.0, 127.0);
            // In -127..=127 after the clamp: the cast is exact.
            #[allow(clippy::cast_possible_truncation)]
            let v = v as i8;
            *q.get_mut(row * n + col)? = v.to_le_bytes()[0];
        }
    }
    Some((q, col_scales))
}

/// `PREFIX` + the parts.
fn name(part: &[u8]) -> Vec<u8> {
    [PREFIX, part].concat()
}

/// Emits the nodes that replace one `MatMulNBits` into `graph` and its tensors into `added`;
/// the quantization of its input only if `quantized` does not have it yet.
fn emit(
    p: &Planned<'_>,
    graph: &mut Vec<u8>,
    added: &mut Vec<u8>,
    quantized: &mut HashSet<Vec<u8>>,
) -> Option<()> {
    let (input, weights, output) = (
        *p.node.inputs.first()?,
        *p.node.inputs.get(1)?,
        *p.node.outputs.first()?,
    );
    let act = |suffix: &[u8]| name(&[input, suffix].concat());
    let (q, scale) = (act(b"/q"), act(b"/scale"));
    if quantized.is_empty() {
        put_tensor(
            added,
            &name(b"inv127"),
            &[],
            FLOAT,
            &(1f32 / 127.0).to_le_bytes(),
        );
        put_tensor(added, &name(b"floor"), &[], FLOAT, &1e-12f32.to_le_bytes());
        put_tensor(added, &name(b"flat"), &[1], INT64, &(-1i64).to_le_bytes());
        put_tensor(added, &name(b"one"), &[], FLOAT, &1f32.to_le_bytes());
    }
    let first = quantized.is_empty();
    if quantized.insert(input.to_vec()) {
        let (abs, max, raw) = (act(b"/abs"), act(b"/max"), act(b"/raw"));
        let (flat_scale, rows, q_rows) = (act(b"/flat_scale"), act(b"/rows"), act(b"/q_rows"));
        op(graph, b"Abs", &[input], &abs, &[]);
        // The row maxima, [batch, tokens, 1]: MLAS's global max pooling (the last axis is
        // the pooled one), about half the time of a `ReduceMax` over it.
        op(graph, b"GlobalMaxPool", &[&abs], &max, &[]);
        op(graph, b"Mul", &[&max, &name(b"inv127")], &raw, &[]);
        op(graph, b"Max", &[&raw, &name(b"floor")], &scale, &[]);
        // One scale per row of the input seen as a [rows, K] matrix: `QuantizeLinear` per
        // axis 0 divides, rounds half to even, adds the zero point and saturates in one
        // pass (the `Div`, `Round`, `Add`, `Cast` it replaces made four).
        op(
            graph,
            b"Reshape",
            &[&scale, &name(b"flat")],
            &flat_scale,
            &[],
        );
        let rows_shape = name(format!("rows_of_{}", p.node.k).as_bytes());
        if quantized.insert(rows_shape.clone()) {
            let k = i64::try_from(p.node.k).ok()?;
            let dims: Vec<u8> = [-1i64, k].iter().flat_map(|v| v.to_le_bytes()).collect();
            put_tensor(added, &rows_shape, &[2], INT64, &dims);
        }
        op(graph, b"Reshape", &[input, &rows_shape], &rows, &[]);
        let (zero_points, back) = (name(b"zero_points"), name(b"back"));
        if first {
            // Every input has the same rows (batch x tokens): one zero-point vector a run,
            // and one shape to return to, `[batch, tokens, -1]` (the scale's shape
            // `[batch, tokens, 1]` minus `[0, 0, 2]`).
            let count = name(b"rows_count");
            op(graph, b"Shape", &[&flat_scale], &count, &[]);
            let scale_shape = name(b"scale_shape");
            op(graph, b"Shape", &[&scale], &scale_shape, &[]);
            let two: Vec<u8> = [0i64, 0, 2].iter().flat_map(|v| v.to_le_bytes()).collect();
            put_tensor(added, &name(b"last_to_minus_one"), &[3], INT64, &two);
            op(
                graph,
                b"Sub",
                &[&scale_shape, &name(b"last_to_minus_one")],
                &back,
                &[],
            );
            let mut value = Vec::new();
            put_varint_field(&mut value, 1, 1);
            put_varint_field(&mut value, 2, UINT8);
            put_len(&mut value, 9, &[ZERO_POINT]);
            op(
                graph,
                b"ConstantOfShape",
                &[&count],
                &zero_points,
                &[attr_tensor(b"value", &value)],
            );
        }
        op(
            graph,
            b"QuantizeLinear",
            &[&rows, &flat_scale, &zero_points],
            &q_rows,
            &[attr_int(b"axis", 0)],
        );
        op(graph, b"Reshape", &[&q_rows, &back], &q, &[]);
    }
    let k = usize::try_from(p.node.k).ok()?;
    let n = usize::try_from(p.node.n).ok()?;
    let (wq, col_scales) = requantize(&p.weights, k, n)?;
    let w = |suffix: &[u8]| name(&[weights, suffix].concat());
    let (wq_name, ws_name) = (w(b"/int8"), w(b"/scales"));
    put_tensor(added, &wq_name, &[p.node.k, p.node.n], INT8, &wq);
    let col_bytes: Vec<u8> = col_scales.iter().flat_map(|v| v.to_le_bytes()).collect();
    put_tensor(added, &ws_name, &[p.node.n], FLOAT, &col_bytes);
    let out = |suffix: &[u8]| name(&[output, suffix].concat());
    let cols = out(b"/cols");
    // The GEMM's output stage applies the column scales (ONNX Runtime scales the int32
    // accumulators in the kernel); its `a_scale` is 1, the row scales follow in one `Mul`.
    let mut node = Vec::new();
    for i in [
        &q[..],
        &wq_name,
        &name(b"one"),
        &ws_name,
        &name(b"zero_point"),
    ] {
        put_len(&mut node, 1, i);
    }
    put_len(&mut node, 2, &cols);
    put_len(&mut node, 3, &name(&[&cols[..], b"/node"].concat()));
    put_len(&mut node, 4, b"MatMulIntegerToFloat");
    put_len(&mut node, 7, MS_DOMAIN);
    put_len(graph, 1, &node);
    op(graph, b"Mul", &[&cols, &scale], output, &[]);
    Some(())
}

/// Appends a `NodeProto` (default domain, named after its output) as graph field 1.
fn op(graph: &mut Vec<u8>, op_type: &[u8], inputs: &[&[u8]], output: &[u8], attrs: &[Vec<u8>]) {
    let mut node = Vec::new();
    for i in inputs {
        put_len(&mut node, 1, i);
    }
    put_len(&mut node, 2, output);
    put_len(&mut node, 3, &name(&[output, b"/node"].concat()));
    put_len(&mut node, 4, op_type);
    for a in attrs {
        put_len(&mut node, 5, a);
    }
    put_len(graph, 1, &node);
}

/// An `AttributeProto` of type INT.
fn attr_int(key: &[u8], value: u64) -> Vec<u8> {
    let mut a = Vec::new();
    put_len(&mut a, 1, key);
    put_varint_field(&mut a, 3, value);
    put_varint_field(&mut a, 20, ATTR_INT);
    a
}

/// An `AttributeProto` of type TENSOR holding the `TensorProto` bytes `tensor`.
fn attr_tensor(key: &[u8], tensor: &[u8]) -> Vec<u8> {
    let mut a = Vec::new();
    put_len(&mut a, 1, key);
    put_len(&mut a, 5, tensor);
    put_varint_field(&mut a, 20, ATTR_TENSOR);
    a
}

/// Appends a `TensorProto` with `raw_data` as graph field 5 (initializer).
fn put_tensor(graph: &mut Vec<u8>, name: &[u8], dims: &[u64], data_type: u64, raw: &[u8]) {
    let mut t = Vec::with_capacity(raw.len() + name.len() + 32);
    for &d in dims {
        put_varint_field(&mut t, 1, d);
    }
    put_varint_field(&mut t, 2, data_type);
    put_len(&mut t, 8, name);
    put_len(&mut t, 9, raw);
    put_len(graph, 5, &t);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn attr(key: &[u8], value: u64) -> Vec<u8> {
        attr_int(key, value)
    }

    /// A `MatMulNBits` node `input · w` with K = 4, N = 2, blocks of 2, 4 bits.
    fn nbits_node(input: &[u8], w: &[u8], output: &[u8], bits: u64) -> Vec<u8> {
        let mut n = Vec::new();
        put_len(&mut n, 1, input);
        put_len(&mut n, 1, &[w, b"_q4"].concat());
        put_len(&mut n, 1, &[w, b"_scales"].concat());
        put_len(&mut n, 2, output);
        put_len(&mut n, 4, b"MatMulNBits");
        for (k, v) in [
            (&b"K"[..], 4),
            (b"N", 2),
            (b"bits", bits),
            (b"block_size", 2),
        ] {
            put_len(&mut n, 5, &attr(k, v));
        }
        put_len(&mut n, 7, b"com.microsoft");
        n
    }

    /// Column 0: nibbles 9, 10 | 7, 8 (block scales 1, 2) → 1, 2, -2, 0.
    /// Column 1: nibbles 0, 15 | 8, 8 (block scales 0.5, 4) → -4, 3.5, 0, 0.
    const PACKED: [u8; 4] = [0xa9, 0x87, 0xf0, 0x88];
    const SCALES: [f32; 4] = [1.0, 2.0, 0.5, 4.0];

    fn weights(graph: &mut Vec<u8>, w: &[u8]) {
        put_tensor(graph, &[w, b"_q4"].concat(), &[2, 2, 1], UINT8, &PACKED);
        let s: Vec<u8> = SCALES.iter().flat_map(|v| v.to_le_bytes()).collect();
        put_tensor(graph, &[w, b"_scales"].concat(), &[2, 2], FLOAT, &s);
    }

    fn model(graph: &[u8]) -> Vec<u8> {
        let mut m = vec![0x08, 8]; // ir_version (1) = 8
        put_len(&mut m, 7, graph);
        m
    }

    /// One node: op type, inputs, output.
    /// Op type, inputs, output, domain.
    type Node = (String, Vec<String>, String, String);

    /// Every node, and the initializer names, of a model.
    fn summary(m: &[u8]) -> (Vec<Node>, Vec<String>) {
        let text = |b: &[u8]| String::from_utf8_lossy(b).into_owned();
        let graph = fields(m)
            .unwrap()
            .into_iter()
            .find(|f| f.number == 7)
            .unwrap();
        let (mut nodes, mut inits) = (Vec::new(), Vec::new());
        for g in fields(graph.payload).unwrap() {
            if g.number == 1 {
                let f = fields(g.payload).unwrap();
                let get = |n| {
                    f.iter()
                        .filter(move |x| x.number == n)
                        .map(|x| text(x.payload))
                };
                nodes.push((
                    get(4).next().unwrap(),
                    get(1).collect(),
                    get(2).next().unwrap(),
                    get(7).next().unwrap_or_default(),
                ));
            } else if g.number == 5 {
                inits.push(text(tensor(g.payload).unwrap().0));
            }
        }
        (nodes, inits)
    }

    #[test]
    fn dequantize_and_requantize_known_answers() {
        let w = dequantize(&PACKED, &SCALES, 4, 2, 2).unwrap();
        // [K, N] row-major.
        assert_eq!(w, [1.0, -4.0, 2.0, 3.5, -2.0, 0.0, 0.0, 0.0]);
        let (q, scales) = requantize(&w, 4, 2).unwrap();
        assert_eq!(scales, [2.0 / 127.0, 4.0 / 127.0]);
        let q: Vec<i8> = q.iter().map(|&b| i8::from_le_bytes([b])).collect();
        // 1 / (2/127) = 63.5 rounds away from zero; 3.5 / (4/127) = 111.125.
        assert_eq!(q, [64, -127, 127, 111, -127, 0, 0, 0]);
        // Shapes that do not divide are refused.
        assert_eq!(dequantize(&PACKED, &SCALES, 4, 2, 3), None);
        assert_eq!(dequantize(&PACKED[..3], &SCALES, 4, 2, 2), None);
        assert_eq!(dequantize(&PACKED, &SCALES[..3], 4, 2, 2), None);
        assert_eq!(requantize(&w[..7], 4, 2), None);
    }

    #[test]
    fn rewrites_4bit_nodes_and_quantizes_a_shared_input_once() {
        let mut g = Vec::new();
        put_len(&mut g, 1, &nbits_node(b"x", b"wq", b"q", 4));
        put_len(&mut g, 1, &nbits_node(b"x", b"wk", b"k", 4));
        // 8 bits: not this form, left alone.
        put_len(&mut g, 1, &nbits_node(b"q", b"w8", b"y", 8));
        for w in [&b"wq"[..], b"wk", b"w8"] {
            weights(&mut g, w);
        }
        let (out, changed) = with_row_int8(&model(&g)).unwrap();
        assert_eq!(changed, 2);
        let (nodes, inits) = summary(&out);
        let ops: Vec<&str> = nodes.iter().map(|n| n.0.as_str()).collect();
        let quantize = [
            "Abs",
            "GlobalMaxPool",
            "Mul",
            "Max",
            "Reshape",
            "Reshape",
            "Shape",
            "Shape",
            "Sub",
            "ConstantOfShape",
            "QuantizeLinear",
            "Reshape",
        ];
        let matmul = ["MatMulIntegerToFloat", "Mul"];
        let expected: Vec<&str> = quantize
            .iter()
            .chain(&matmul)
            .chain(&matmul)
            .copied()
            .chain(["MatMulNBits"])
            .collect();
        assert_eq!(ops, expected);
        // Both matmuls read the one quantized input; outputs keep their names.
        let n = |i: usize| nodes.get(i).unwrap();
        assert_eq!(
            n(12).1,
            [
                "obscura_rowq/x/q",
                "obscura_rowq/wq_q4/int8",
                "obscura_rowq/one",
                "obscura_rowq/wq_q4/scales",
                "obscura_rowq/zero_point"
            ]
        );
        assert_eq!(n(12).3, "com.microsoft");
        assert_eq!(n(13).1, ["obscura_rowq/q/cols", "obscura_rowq/x/scale"]);
        assert_eq!(
            n(14).1.first().map(String::as_str),
            Some("obscura_rowq/x/q")
        );
        assert_eq!(n(13).2, "q");
        assert_eq!(n(15).2, "k");
        // The input as [rows, K], quantized per row (axis 0) against the run's one
        // zero-point vector, back in the run's one [batch, tokens, -1] shape.
        assert_eq!(n(4).1, ["obscura_rowq/x/scale", "obscura_rowq/flat"]);
        assert_eq!(n(5).1, ["x", "obscura_rowq/rows_of_4"]);
        assert_eq!(
            n(8).1,
            ["obscura_rowq/scale_shape", "obscura_rowq/last_to_minus_one"]
        );
        assert_eq!(n(9).2, "obscura_rowq/zero_points");
        assert_eq!(
            n(10).1,
            [
                "obscura_rowq/x/rows",
                "obscura_rowq/x/flat_scale",
                "obscura_rowq/zero_points"
            ]
        );
        assert_eq!(n(11).1, ["obscura_rowq/x/q_rows", "obscura_rowq/back"]);
        // Replaced weights are gone, the 8-bit node's stay.
        assert_eq!(
            inits,
            [
                "w8_q4",
                "w8_scales",
                "obscura_rowq/inv127",
                "obscura_rowq/floor",
                "obscura_rowq/flat",
                "obscura_rowq/one",
                "obscura_rowq/rows_of_4",
                "obscura_rowq/last_to_minus_one",
                "obscura_rowq/wq_q4/int8",
                "obscura_rowq/wq_q4/scales",
                "obscura_rowq/wk_q4/int8",
                "obscura_rowq/wk_q4/scales",
                "obscura_rowq/zero_point",
            ]
        );
        // Nothing left to rewrite.
        let (again, none) = with_row_int8(&out).unwrap();
        assert_eq!((again, none), (out, 0));
    }

    #[test]
    fn nodes_of_other_forms_and_missing_weights_are_left_alone() {
        let mut g = Vec::new();
        // Weights not among the initializers.
        put_len(&mut g, 1, &nbits_node(b"x", b"absent", b"y", 4));
        let m = model(&g);
        assert_eq!(with_row_int8(&m).unwrap(), (m, 0));
        // A zero-point input.
        let mut node = nbits_node(b"x", b"w", b"y", 4);
        put_len(&mut node, 1, b"w_zero_points");
        let mut g = Vec::new();
        put_len(&mut g, 1, &node);
        weights(&mut g, b"w");
        let m = model(&g);
        assert_eq!(with_row_int8(&m).unwrap(), (m, 0));
    }

    #[test]
    fn every_truncation_is_rejected_or_harmless() {
        let mut g = Vec::new();
        put_len(&mut g, 1, &nbits_node(b"x", b"w", b"y", 4));
        weights(&mut g, b"w");
        let input = model(&g);
        for cut in 0..input.len() {
            // Never panics; a cut that leaves a well-formed prefix rewrites less or nothing.
            if let Some((_, changed)) = with_row_int8(&input[..cut]) {
                assert!(changed <= 1);
            }
        }
        assert!(with_row_int8(&[0x3a, 0x05, 0x0a]).is_none());
    }
}
