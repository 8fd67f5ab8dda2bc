//! XML namespaces, resolved by the reader itself: elements are matched by namespace and
//! local name, never by prefix, so `w:p`, `ns0:p` and a default-namespace `p` are the same
//! paragraph. A writer declares its namespaces on the root element and rarely anywhere else;
//! the declarations in scope are a short stack, and the prefix last looked up is cached,
//! which is far cheaper than resolving every element in the XML library.

use quick_xml::events::BytesStart;

const W_MAIN: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const W_STRICT: &str = "http://purl.oclc.org/ooxml/wordprocessingml/main";
const MC: &str = "http://schemas.openxmlformats.org/markup-compatibility/2006";
const MATH: &str = "http://schemas.openxmlformats.org/officeDocument/2006/math";
const MATH_STRICT: &str = "http://purl.oclc.org/ooxml/officeDocument/math";

/// The namespaces the reader acts on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ns {
    /// WordprocessingML, transitional or strict.
    W,
    /// Markup compatibility (`mc:AlternateContent`).
    Mc,
    /// Office math (`m:t` holds text).
    Math,
    Other,
}

fn classify(uri: &str) -> Ns {
    match uri.trim() {
        W_MAIN | W_STRICT => Ns::W,
        MC => Ns::Mc,
        MATH | MATH_STRICT => Ns::Math,
        _ => Ns::Other,
    }
}

struct Binding {
    /// Empty for the default namespace.
    prefix: String,
    ns: Ns,
    /// Depth of the element that declared it.
    depth: usize,
}

#[derive(Default)]
pub struct Namespaces {
    bindings: Vec<Binding>,
    /// The last prefix resolved and its namespace; cleared when the bindings change.
    last: Option<(String, Ns)>,
}

impl Namespaces {
    /// Takes the declarations of an element opening at `depth`.
    pub fn enter(&mut self, e: &BytesStart<'_>, depth: usize) {
        // Most elements have no 'x' in their attributes at all: a byte scan rules them out.
        let raw = e.attributes_raw().as_bytes();
        if !raw.contains(&b'x') || !raw.windows(5).any(|w| w == b"xmlns") {
            return;
        }
        for a in e.attributes().with_checks(false).flatten() {
            let key: &str = a.key.as_ref();
            let prefix = if key == "xmlns" { Some("") } else { key.strip_prefix("xmlns:") };
            if let Some(prefix) = prefix {
                self.bindings.push(Binding { prefix: prefix.to_string(), ns: classify(&a.value), depth });
                self.last = None;
            }
        }
    }

    /// Drops the declarations of the element at `depth` as it closes.
    pub fn leave(&mut self, depth: usize) {
        while self.bindings.last().is_some_and(|b| b.depth >= depth) {
            self.bindings.pop();
            self.last = None;
        }
    }

    /// The namespace of an element name (`w:p`, `p`). An undeclared prefix is no namespace
    /// the reader knows.
    pub fn element(&mut self, qname: &str) -> Ns {
        // Names are short: a byte loop beats a general search.
        let prefix = qname.bytes().position(|b| b == b':').and_then(|i| qname.get(..i)).unwrap_or("");
        if let Some((p, ns)) = &self.last {
            if p == prefix {
                return *ns;
            }
        }
        let ns = self.bindings.iter().rev().find(|b| b.prefix == prefix).map(|b| b.ns).unwrap_or(Ns::Other);
        self.last = Some((prefix.to_string(), ns));
        ns
    }
}
