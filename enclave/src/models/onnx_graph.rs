//! A read-only view of an ONNX graph's nodes for the model rewrites (`hardswish`,
//! `conv_affine`, `affine_depthwise`): each node's inputs, outputs and attributes, the
//! producer and consumer count of every tensor name, and the single-float constants. Built on [`obscura_onnx::wire`];
//! every read is bounds-checked and malformed bytes are an error, never a panic.

use std::collections::{BTreeMap, BTreeSet};

use obscura_onnx::wire::{self, Field, I32, LEN, VARINT, put_len};

/// The reason given for bytes that are not a well-formed protobuf message.
pub(super) const MALFORMED: &str = "malformed protobuf";

/// The fields of `msg`, or [`MALFORMED`].
pub(super) fn fields(msg: &[u8]) -> Result<Vec<Field<'_>>, &'static str> {
    wire::fields(msg).ok_or(MALFORMED)
}

/// Whether `domain` names the default ONNX operator set.
pub(super) fn is_default_domain(domain: &[u8]) -> bool {
    domain.is_empty() || domain == b"ai.onnx"
}

/// One NodeProto, with the fields the matcher reads.
#[derive(Debug)]
pub(super) struct Node<'a> {
    pub(super) inputs: Vec<&'a [u8]>,
    pub(super) outputs: Vec<&'a [u8]>,
    pub(super) name: &'a [u8],
    pub(super) op_type: &'a [u8],
    pub(super) domain: &'a [u8],
    /// AttributeProto payloads.
    pub(super) attributes: Vec<&'a [u8]>,
}

impl<'a> Node<'a> {
    /// NodeProto: input = 1, output = 2, name = 3, op_type = 4, attribute = 5, domain = 7.
    pub(super) fn parse(msg: &'a [u8]) -> Result<Self, &'static str> {
        let mut node = Node {
            inputs: Vec::new(),
            outputs: Vec::new(),
            name: &[],
            op_type: &[],
            domain: &[],
            attributes: Vec::new(),
        };
        for f in fields(msg)? {
            match (f.number, f.wire) {
                (1, LEN) => node.inputs.push(f.payload),
                (2, LEN) => node.outputs.push(f.payload),
                (3, LEN) => node.name = f.payload,
                (4, LEN) => node.op_type = f.payload,
                (5, LEN) => node.attributes.push(f.payload),
                (7, LEN) => node.domain = f.payload,
                (1..=5 | 7, _) => return Err(MALFORMED),
                _ => {}
            }
        }
        Ok(node)
    }

    /// Whether this is a default-domain `op` with `inputs` inputs, one output, no attributes.
    pub(super) fn is_plain(&self, op: &[u8], inputs: usize) -> bool {
        is_default_domain(self.domain)
            && self.op_type == op
            && self.inputs.len() == inputs
            && self.outputs.len() == 1
            && self.attributes.is_empty()
    }

    /// The single output of a node that [`Node::is_plain`] accepted.
    pub(super) fn output(&self) -> &'a [u8] {
        self.outputs.first().copied().unwrap_or_default()
    }
}

/// A GraphProto split into its fields, its nodes parsed.
pub(super) struct Graph<'a> {
    pub(super) fields: Vec<Field<'a>>,
    /// The node of each GraphProto.node field, in order.
    pub(super) nodes: Vec<Node<'a>>,
    /// Single-float constants by name: `Constant` nodes and non-overridable initializers.
    pub(super) scalars: BTreeMap<&'a [u8], f32>,
    /// Consumers of each name: node inputs, plus one for each graph output.
    pub(super) uses: BTreeMap<&'a [u8], usize>,
    /// The node producing each name.
    pub(super) producer: BTreeMap<&'a [u8], usize>,
    /// Every name in the graph, to keep new names unique.
    pub(super) names: BTreeSet<&'a [u8]>,
    pub(super) has_subgraphs: bool,
}

impl<'a> Graph<'a> {
    pub(super) fn parse(msg: &'a [u8]) -> Result<Self, &'static str> {
        let all = fields(msg)?;
        let mut graph = Graph {
            fields: Vec::new(),
            nodes: Vec::new(),
            scalars: BTreeMap::new(),
            uses: BTreeMap::new(),
            producer: BTreeMap::new(),
            names: BTreeSet::new(),
            has_subgraphs: false,
        };
        let mut inputs = BTreeSet::new();
        let mut initializers = Vec::new();
        for field in &all {
            match (field.number, field.wire) {
                (1, LEN) => graph.nodes.push(Node::parse(field.payload)?),
                (5, LEN) => initializers.push(field.payload),
                (11, LEN) => {
                    inputs.insert(value_info_name(field.payload)?);
                }
                (12, LEN) => {
                    let name = value_info_name(field.payload)?;
                    *graph.uses.entry(name).or_default() += 1;
                    graph.names.insert(name);
                }
                (1 | 5 | 11 | 12, _) => return Err(MALFORMED),
                _ => {}
            }
        }
        graph.names.extend(inputs.iter().copied());
        for tensor in initializers {
            let (name, value) = tensor_scalar(tensor)?;
            graph.names.insert(name);
            if let Some(value) = value.filter(|_| !inputs.contains(name)) {
                graph.scalars.insert(name, value);
            }
        }
        for (index, node) in graph.nodes.iter().enumerate() {
            for &input in node.inputs.iter().filter(|i| !i.is_empty()) {
                *graph.uses.entry(input).or_default() += 1;
                graph.names.insert(input);
            }
            for &output in &node.outputs {
                graph.producer.insert(output, index);
                graph.names.insert(output);
            }
            for attribute in &node.attributes {
                graph.has_subgraphs |= fields(attribute)?
                    .iter()
                    .any(|f| matches!(f.number, 6 | 11));
            }
            if let Some((output, value)) = constant_scalar(node)? {
                graph.scalars.insert(output, value);
            }
        }
        graph.fields = all;
        Ok(graph)
    }

    /// Whether `name` is a constant equal to `value`.
    pub(super) fn is_scalar(&self, name: &[u8], value: f32) -> bool {
        self.scalars.get(name).is_some_and(|&v| v == value)
    }

    /// Whether `name` has exactly one consumer and is not a graph output.
    pub(super) fn single_use(&self, name: &[u8]) -> bool {
        self.uses.get(name) == Some(&1)
    }

    /// The indices of the nodes reading each tensor name.
    pub(super) fn consumers(&self) -> BTreeMap<&'a [u8], Vec<usize>> {
        let mut consumers: BTreeMap<&[u8], Vec<usize>> = BTreeMap::new();
        for (index, node) in self.nodes.iter().enumerate() {
            for &input in node.inputs.iter().filter(|i| !i.is_empty()) {
                consumers.entry(input).or_default().push(index);
            }
        }
        consumers
    }

    /// The node producing `name`, if any.
    pub(super) fn producer_of(&self, name: &[u8]) -> Option<(usize, &Node<'a>)> {
        let index = *self.producer.get(name)?;
        Some((index, self.nodes.get(index)?))
    }
}

/// A rewrite of a GraphProto: the new graph and a count of changes, or `None` for none.
pub(super) type GraphRewrite = fn(&Graph<'_>) -> Result<Option<(Vec<u8>, usize)>, &'static str>;

/// `bytes` (a ModelProto) with its one main graph replaced by what `rewrite` makes of it
/// (the new GraphProto and a count of changes), or `None` when `rewrite` changes nothing or
/// the graph has subgraphs (which no rewrite here looks into).
pub(super) fn rewrite_main_graph(
    bytes: &[u8],
    rewrite: GraphRewrite,
) -> Result<Option<(Vec<u8>, usize)>, &'static str> {
    let top = fields(bytes)?;
    let mut graph_bytes = None;
    for field in &top {
        match (field.number, field.wire) {
            (7, LEN) if graph_bytes.is_none() => graph_bytes = Some(field.payload),
            (7, _) => return Err("more than one graph"),
            _ => {}
        }
    }
    let graph = Graph::parse(graph_bytes.ok_or("no graph")?)?;
    if graph.has_subgraphs {
        return Ok(None);
    }
    let Some((new_graph, changes)) = rewrite(&graph)? else {
        return Ok(None);
    };
    let mut out = Vec::with_capacity(bytes.len());
    for field in &top {
        if field.number == 7 {
            put_len(&mut out, 7, &new_graph);
        } else {
            out.extend_from_slice(field.raw);
        }
    }
    Ok(Some((out, changes)))
}

/// A default-domain NodeProto.
pub(super) fn node(
    inputs: &[&[u8]],
    output: &[u8],
    name: &[u8],
    op: &[u8],
    attributes: &[Vec<u8>],
) -> Vec<u8> {
    let mut out = Vec::new();
    for input in inputs {
        put_len(&mut out, 1, input);
    }
    put_len(&mut out, 2, output);
    if !name.is_empty() {
        put_len(&mut out, 3, name);
    }
    put_len(&mut out, 4, op);
    for attribute in attributes {
        put_len(&mut out, 5, attribute);
    }
    out
}

/// ValueInfoProto.name (1).
pub(super) fn value_info_name(msg: &[u8]) -> Result<&[u8], &'static str> {
    Ok(fields(msg)?
        .into_iter()
        .find(|f| f.number == 1 && f.wire == LEN)
        .map_or(&[][..], |f| f.payload))
}

/// The output and value of a `Constant` node holding one float, if `node` is one.
pub(super) fn constant_scalar<'a>(
    node: &Node<'a>,
) -> Result<Option<(&'a [u8], f32)>, &'static str> {
    if !is_default_domain(node.domain) || node.op_type != b"Constant" || !node.inputs.is_empty() {
        return Ok(None);
    }
    let ([output], [attribute]) = (node.outputs.as_slice(), node.attributes.as_slice()) else {
        return Ok(None);
    };
    let mut name: &[u8] = &[];
    let mut value = None;
    for f in fields(attribute)? {
        match (f.number, f.wire) {
            (1, LEN) => name = f.payload,
            (2, I32) => value = Some(AttrValue::Float(fixed32(f.raw)?)),
            (5, LEN) => value = Some(AttrValue::Tensor(f.payload)),
            _ => {}
        }
    }
    Ok(match (name, value) {
        (b"value_float", Some(AttrValue::Float(v))) => Some((*output, v)),
        (b"value", Some(AttrValue::Tensor(t))) => tensor_scalar(t)?.1.map(|v| (*output, v)),
        _ => None,
    })
}

/// An attribute value the constant reader looks at.
enum AttrValue<'a> {
    Float(f32),
    Tensor(&'a [u8]),
}

/// The little-endian float at the end of a fixed 32-bit field's raw bytes.
pub(super) fn fixed32(raw: &[u8]) -> Result<f32, &'static str> {
    let bytes = raw.get(raw.len().saturating_sub(4)..).ok_or(MALFORMED)?;
    let bytes: [u8; 4] = bytes.try_into().map_err(|_| MALFORMED)?;
    Ok(f32::from_le_bytes(bytes))
}

/// A TensorProto's name (8) and, if it is a float tensor of exactly one element stored in
/// the file, that element.
pub(super) fn tensor_scalar(msg: &[u8]) -> Result<(&[u8], Option<f32>), &'static str> {
    const FLOAT: u64 = 1;
    const EXTERNAL: u64 = 1;
    let mut name: &[u8] = &[];
    let mut elements: u64 = 1;
    let mut data_type = 0;
    let mut external = false;
    let mut values = Vec::new();
    let mut raw = None;
    for f in fields(msg)? {
        match (f.number, f.wire) {
            (1, VARINT) => elements = elements.saturating_mul(f.value),
            (1, LEN) => {
                let mut packed = f.payload;
                while !packed.is_empty() {
                    let dim = wire::read_varint(&mut packed).ok_or(MALFORMED)?;
                    elements = elements.saturating_mul(dim);
                }
            }
            (2, VARINT) => data_type = f.value,
            (4, I32) => values.push(fixed32(f.raw)?),
            (4, LEN) => {
                for chunk in f.payload.chunks(4) {
                    let bytes: [u8; 4] = chunk.try_into().map_err(|_| MALFORMED)?;
                    values.push(f32::from_le_bytes(bytes));
                }
            }
            (8, LEN) => name = f.payload,
            (9, LEN) => raw = Some(f.payload),
            (14, VARINT) => external = f.value == EXTERNAL,
            (1 | 2 | 4 | 8 | 9 | 14, _) => return Err(MALFORMED),
            _ => {}
        }
    }
    if data_type != FLOAT || elements != 1 || external {
        return Ok((name, None));
    }
    let value = match (raw, values.as_slice()) {
        (Some(bytes), []) => <[u8; 4]>::try_from(bytes).ok().map(f32::from_le_bytes),
        (None, [v]) => Some(*v),
        _ => None,
    };
    Ok((name, value))
}
