//! A Europass document as a tree of local names (namespaces dropped: Europass mixes four),
//! with each element's direct text and attributes.

use quick_xml::events::{BytesStart, Event};

use super::EuropassError;

/// An element: its local name, attributes, text and children.
#[derive(Debug, Default)]
pub(super) struct Node {
    pub name: String,
    pub attributes: Vec<(String, String)>,
    pub text: String,
    pub children: Vec<Node>,
}

impl Node {
    /// An attribute's value by its local name.
    pub fn attribute(&self, name: &str) -> Option<&str> {
        self.attributes
            .iter()
            .find(|(key, _)| key == name)
            .map(|(_, value)| value.as_str())
    }

    pub fn child(&self, name: &str) -> Option<&Node> {
        self.children.iter().find(|c| c.name == name)
    }

    pub fn children<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a Node> {
        self.children.iter().filter(move |c| c.name == name)
    }

    /// The nodes at `path` below this one, every branch followed.
    pub fn descendants<'a>(&'a self, path: &[&'a str]) -> Vec<&'a Node> {
        let mut level = vec![self];
        for name in path {
            level = level.into_iter().flat_map(|n| n.children(name)).collect();
        }
        level
    }

    /// The trimmed text at `path` below this node (first branch), if not empty.
    pub fn text_of(&self, path: &[&str]) -> Option<String> {
        let mut node = self;
        for name in path {
            node = node.child(name)?;
        }
        let text = node.text.trim();
        (!text.is_empty()).then(|| text.to_owned())
    }
}

/// The document as a tree of local names; text of an element is all its direct text.
pub(super) fn tree(xml: &str) -> Result<Node, EuropassError> {
    let mut reader = quick_xml::Reader::from_str(xml);
    let mut stack: Vec<Node> = vec![Node::default()];
    let malformed = |detail: String| EuropassError::Malformed(detail);
    loop {
        match reader.read_event() {
            Ok(Event::Start(start)) => stack.push(element(&start)),
            Ok(Event::Empty(empty)) => {
                let node = element(&empty);
                if let Some(parent) = stack.last_mut() {
                    parent.children.push(node);
                }
            }
            Ok(Event::End(_)) => {
                let node = stack.pop().ok_or_else(|| malformed("unbalanced".into()))?;
                let parent = stack
                    .last_mut()
                    .ok_or_else(|| malformed("an end tag closes nothing".into()))?;
                parent.children.push(node);
            }
            Ok(Event::Text(text)) => {
                if let Some(node) = stack.last_mut() {
                    node.text.push_str(&text.xml10_content());
                }
            }
            Ok(Event::CData(data)) => {
                if let Some(node) = stack.last_mut() {
                    node.text.push_str(&data.into_inner());
                }
            }
            Ok(Event::GeneralRef(reference)) => {
                let resolved = match reference.resolve_char_ref() {
                    Ok(Some(c)) => Some(c),
                    _ => match &*reference.xml10_content() {
                        "amp" => Some('&'),
                        "lt" => Some('<'),
                        "gt" => Some('>'),
                        "quot" => Some('"'),
                        "apos" => Some('\''),
                        _ => None,
                    },
                };
                let c = resolved.ok_or_else(|| {
                    malformed(format!("unknown entity &{};", reference.xml10_content()))
                })?;
                if let Some(node) = stack.last_mut() {
                    node.text.push(c);
                }
            }
            Ok(Event::Eof) => break,
            Ok(_) => {}
            Err(err) => {
                return Err(malformed(format!(
                    "{err} (at byte {})",
                    reader.buffer_position()
                )));
            }
        }
    }
    if stack.len() != 1 {
        return Err(malformed("the document ends inside an element".into()));
    }
    let mut document = stack.pop().unwrap_or_default();
    document
        .children
        .pop()
        .ok_or_else(|| malformed("no root element".into()))
}

fn element(start: &BytesStart<'_>) -> Node {
    let attributes = start
        .attributes()
        .flatten()
        .map(|a| {
            let key = a.key.local_name().as_ref().to_owned();
            let value = a
                .normalized_value(quick_xml::XmlVersion::Implicit1_0)
                .map(|v| v.into_owned())
                .unwrap_or_else(|_| a.value.to_string());
            (key, value)
        })
        .collect();
    Node {
        name: start.local_name().as_ref().to_owned(),
        attributes,
        ..Node::default()
    }
}
