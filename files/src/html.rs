//! A web page's main content as lines: the `<main>` (or the one `<article>`) when the page
//! marks it, else the body without what every page repeats (navigation, header, footer,
//! sidebars, forms, cookie banners, scripts). Block elements end lines, list items become
//! "- " lines and table rows one line with tab-separated cells, as the parsers expect.

use scraper::{ElementRef, Html, Node, Selector};

/// Elements whose content is never the ad.
const SKIPPED: &[&str] = &[
    "script", "style", "noscript", "template", "svg", "nav", "header", "footer", "aside", "form",
    "button", "select", "iframe", "head", "dialog", "object", "canvas", "menu",
];
/// Element roles and class/id words of page furniture.
const FURNITURE_ROLES: &[&str] = &["navigation", "banner", "contentinfo", "search", "dialog"];
const FURNITURE_WORDS: &[&str] = &[
    "cookie",
    "consent",
    "breadcrumb",
    "navbar",
    "nav-",
    "skip-link",
    "share",
    "social",
    "newsletter",
    "site-footer",
    "site-header",
];
const BLOCKS: &[&str] = &[
    "p",
    "div",
    "section",
    "article",
    "main",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "ul",
    "ol",
    "dl",
    "dt",
    "dd",
    "blockquote",
    "pre",
    "hr",
    "address",
    "figure",
    "figcaption",
    "table",
    "thead",
    "tbody",
    "tfoot",
    "caption",
    "body",
    "center",
    "details",
    "summary",
];
/// Nesting deeper than this is not a page a person wrote; its rest is skipped.
const MAX_DEPTH: usize = 200;

pub fn read(html: &str) -> String {
    let document = Html::parse_document(html);
    let first = |css: &str| {
        Selector::parse(css)
            .ok()
            .and_then(|s| document.select(&s).next())
    };
    let articles = Selector::parse("article")
        .map(|s| document.select(&s).count())
        .unwrap_or(0);
    let candidates = [
        first("main"),
        first("[role=main]"),
        (articles == 1).then(|| first("article")).flatten(),
        first("body"),
    ];
    for root in candidates.into_iter().flatten() {
        let mut out = Lines::default();
        walk(root, &mut out, 0);
        let text = out.finish();
        if text.split_whitespace().count() >= 3 {
            return text;
        }
    }
    let mut out = Lines::default();
    walk(document.root_element(), &mut out, 0);
    out.finish()
}

fn is_furniture(element: &ElementRef<'_>) -> bool {
    let e = element.value();
    if SKIPPED.contains(&e.name()) || e.attr("hidden").is_some() {
        return true;
    }
    if e.attr("aria-hidden") == Some("true") {
        return true;
    }
    if e.attr("role").is_some_and(|r| FURNITURE_ROLES.contains(&r)) {
        return true;
    }
    let marks = format!(
        "{} {}",
        e.attr("id").unwrap_or_default(),
        e.attr("class").unwrap_or_default()
    )
    .to_lowercase();
    FURNITURE_WORDS.iter().any(|w| marks.contains(w))
}

fn walk(element: ElementRef<'_>, out: &mut Lines, depth: usize) {
    if depth > MAX_DEPTH || is_furniture(&element) {
        return;
    }
    let name = element.value().name();
    let block = BLOCKS.contains(&name);
    match name {
        "li" => out.start_line("- "),
        "tr" => out.start_line(""),
        "td" | "th" => out.cell(),
        "br" => out.start_line(""),
        _ if block => out.start_line(""),
        _ => {}
    }
    let pre = name == "pre";
    for child in element.children() {
        match child.value() {
            Node::Text(text) => out.text(text, pre),
            Node::Element(_) => {
                if let Some(child) = ElementRef::wrap(child) {
                    walk(child, out, depth + 1);
                }
            }
            _ => {}
        }
    }
    if block || matches!(name, "li" | "tr") {
        out.start_line("");
    }
}

/// The lines being written: a line is opened lazily, so empty blocks leave nothing.
#[derive(Default)]
struct Lines {
    done: Vec<String>,
    current: String,
    prefix: &'static str,
    /// The current line has a table cell already: the next one is preceded by a tab.
    cells: bool,
}

impl Lines {
    fn start_line(&mut self, prefix: &'static str) {
        let line = std::mem::take(&mut self.current);
        if !line.trim().is_empty() {
            self.done.push(format!("{}{}", self.prefix, line.trim()));
        }
        self.prefix = prefix;
        self.cells = false;
    }

    fn cell(&mut self) {
        if self.cells && !self.current.trim().is_empty() {
            self.current.push('\t');
        }
        self.cells = true;
    }

    fn text(&mut self, text: &str, pre: bool) {
        if pre {
            for (i, line) in text.split('\n').enumerate() {
                if i > 0 {
                    self.start_line("");
                }
                self.current.push_str(line);
            }
            return;
        }
        let collapsed = text.split_whitespace().collect::<Vec<_>>().join(" ");
        if collapsed.is_empty() {
            if !self.current.is_empty() && !self.current.ends_with([' ', '\t']) {
                self.current.push(' ');
            }
            return;
        }
        if text.starts_with(char::is_whitespace)
            && !self.current.is_empty()
            && !self.current.ends_with([' ', '\t'])
        {
            self.current.push(' ');
        }
        self.current.push_str(&collapsed);
        if text.ends_with(char::is_whitespace) {
            self.current.push(' ');
        }
    }

    fn finish(mut self) -> String {
        self.start_line("");
        self.done.join("\n")
    }
}

#[cfg(test)]
mod tests {
    use super::read;

    #[test]
    fn the_ad_is_kept_and_the_page_around_it_dropped() {
        let page = r#"<!doctype html><html><head><title>Kokk</title><style>p{}</style></head>
            <body><header><a href="/">Avaleht</a></header>
            <nav><ul><li>Majutus</li><li>Karjäär</li></ul></nav>
            <div class="cookie-banner">Kasutame küpsiseid <button>Nõustun</button></div>
            <div id="content"><h1>Kokk</h1>
            <p>Restoran otsib <b>kokka</b>, kes armastab &amp; hoiab toorainet.</p>
            <h2>Nõuded</h2><ul><li>kutseharidus</li><li>eesti keel B2</li></ul>
            <table><tr><th>Tööaeg</th><td>2/2</td></tr></table></div>
            <script>var x = "Nõuded";</script>
            <footer>© Hotell, Pärnu</footer></body></html>"#;
        assert_eq!(
            read(page),
            "Kokk\nRestoran otsib kokka, kes armastab & hoiab toorainet.\nNõuded\n\
             - kutseharidus\n- eesti keel B2\nTööaeg\t2/2"
        );
    }

    #[test]
    fn a_marked_main_part_is_all_that_is_read() {
        let page = "<body><div>Uudised ja muu</div><main><h1>Õpetaja</h1><p>Tööülesanded: \
                    õpetamine ja kasvatustöö</p></main><div>Veel uudiseid</div></body>";
        assert_eq!(
            read(page),
            "Õpetaja\nTööülesanded: õpetamine ja kasvatustöö"
        );
    }
}
