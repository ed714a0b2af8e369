//! The shape of the library: data flows one way, so the modules of `src/`
//! import each other without a cycle, and no function grows past a screen.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// Longest function body allowed, in lines (tables are constants, not functions).
const MAX_FUNCTION_LINES: usize = 80;

fn sources() -> Vec<PathBuf> {
    let mut files = Vec::new();
    let mut stack = vec![Path::new(env!("CARGO_MANIFEST_DIR")).join("src")];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                files.push(path);
            }
        }
    }
    files.sort();
    files
}

/// The top-level module a source file belongs to (`src/render/view.rs` → `render`).
fn module_of(path: &Path) -> Option<String> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let relative = path.strip_prefix(&src).ok()?;
    let first = relative.components().next()?.as_os_str().to_str()?;
    let name = first.strip_suffix(".rs").unwrap_or(first);
    (!matches!(name, "lib" | "main")).then(|| name.to_string())
}

/// Code without comments and string literals, line by line, so that a
/// module named in a doc comment or a message is not taken for an import.
fn code_lines(text: &str) -> Vec<String> {
    let mut lines = Vec::new();
    let mut in_string = false;
    for line in text.lines() {
        let mut code = String::new();
        let mut chars = line.chars().peekable();
        while let Some(c) = chars.next() {
            if in_string {
                match c {
                    '\\' => {
                        chars.next();
                    }
                    '"' => in_string = false,
                    _ => {}
                }
                continue;
            }
            match c {
                '/' if chars.peek() == Some(&'/') => break,
                '"' => in_string = true,
                '\'' => {
                    // a char literal such as '"' (lifetimes have no closing quote)
                    let rest: String = chars.clone().take(3).collect();
                    if let Some(escaped) = rest.strip_prefix('\\') {
                        if let Some(end) = escaped.find('\'') {
                            for _ in 0..end + 2 {
                                chars.next();
                            }
                        }
                    } else if rest.chars().nth(1) == Some('\'') {
                        chars.next();
                        chars.next();
                    }
                    code.push(c);
                }
                _ => code.push(c),
            }
        }
        lines.push(code);
    }
    lines
}

/// Which top-level modules each module names through `crate::…`.
fn imports() -> BTreeMap<String, BTreeSet<String>> {
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for path in sources() {
        let Some(module) = module_of(&path) else {
            continue;
        };
        let text = std::fs::read_to_string(&path).unwrap();
        let entry = graph.entry(module.clone()).or_default();
        for line in code_lines(&text) {
            let mut rest = line.as_str();
            while let Some(at) = rest.find("crate::") {
                rest = &rest[at + "crate::".len()..];
                let name: String = rest
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                    .collect();
                if !name.is_empty() && name != module && name.chars().all(|c| !c.is_uppercase()) {
                    entry.insert(name);
                }
            }
            // `use crate::{a, b}` names several modules at once
            if let Some(group) = line.trim().strip_prefix("use crate::{") {
                for name in group.split([',', '}']).map(|n| n.trim()) {
                    let name = name.split("::").next().unwrap_or_default();
                    if !name.is_empty() && name != module && name.chars().all(|c| !c.is_uppercase())
                    {
                        entry.insert(name.to_string());
                    }
                }
            }
        }
    }
    graph
}

/// A cycle through `start`, as a path of modules, if there is one.
fn cycle_from(graph: &BTreeMap<String, BTreeSet<String>>, start: &str) -> Option<Vec<String>> {
    let mut stack = vec![(start.to_string(), vec![start.to_string()])];
    let mut seen = BTreeSet::new();
    while let Some((node, path)) = stack.pop() {
        for next in graph.get(&node).into_iter().flatten() {
            if next == start {
                let mut cycle = path.clone();
                cycle.push(start.to_string());
                return Some(cycle);
            }
            if seen.insert(next.clone()) {
                let mut longer = path.clone();
                longer.push(next.clone());
                stack.push((next.clone(), longer));
            }
        }
    }
    None
}

#[test]
fn modules_import_each_other_without_a_cycle() {
    let graph = imports();
    assert!(graph.contains_key("render") && graph.contains_key("ingest"));
    let cycles: Vec<String> = graph
        .keys()
        .filter_map(|m| cycle_from(&graph, m))
        .map(|c| c.join(" → "))
        .collect();
    assert!(cycles.is_empty(), "import cycles:\n{}", cycles.join("\n"));
}

#[test]
fn the_cycle_finder_finds_a_cycle() {
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    graph.entry("a".into()).or_default().insert("b".into());
    graph.entry("b".into()).or_default().insert("c".into());
    assert!(cycle_from(&graph, "a").is_none());
    graph.entry("c".into()).or_default().insert("a".into());
    assert_eq!(cycle_from(&graph, "a").unwrap(), ["a", "b", "c", "a"]);
    assert_eq!(
        code_lines("use crate::a; // crate::b\nlet s = \"crate::c\";"),
        ["use crate::a; ", "let s = ;"]
    );
}

/// Functions of `text` as (name, first line, number of lines), read from
/// rustfmt's layout: a function ends at the first `}` at its own indentation.
fn functions(text: &str) -> Vec<(String, usize, usize)> {
    let lines: Vec<&str> = text.lines().collect();
    let mut found = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        let trimmed = line.trim_start();
        let indent = line.len() - trimmed.len();
        let signature = [
            "fn ",
            "pub fn ",
            "pub(crate) fn ",
            "pub(super) fn ",
            "const fn ",
        ]
        .iter()
        .find_map(|p| trimmed.strip_prefix(p));
        let Some(signature) = signature else { continue };
        let name: String = signature
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_')
            .collect();
        let closing = " ".repeat(indent) + "}";
        let end = lines[i..]
            .iter()
            .position(|l| l.trim_end() == closing || l.ends_with(';') && *l == lines[i]);
        if let Some(end) = end {
            found.push((name, i + 1, end + 1));
        }
    }
    found
}

#[test]
fn no_function_is_longer_than_a_screen() {
    let mut long = Vec::new();
    for path in sources() {
        let text = std::fs::read_to_string(&path).unwrap();
        for (name, line, length) in functions(&text) {
            if length > MAX_FUNCTION_LINES {
                long.push(format!("{}:{line} {name} ({length} lines)", path.display()));
            }
        }
    }
    assert!(
        long.is_empty(),
        "functions over {MAX_FUNCTION_LINES} lines:\n{}",
        long.join("\n")
    );
}

#[test]
fn the_function_measure_counts_lines() {
    let text = "fn a() {\n    x();\n}\n\nimpl B {\n    pub fn c(&self) {\n        y();\n        z();\n    }\n}\n";
    assert_eq!(
        functions(text),
        [("a".to_string(), 1, 3), ("c".to_string(), 6, 4)]
    );
}
