//! Live reload in a real Chromium: a saved content or template file reloads
//! the open tab within a second; a broken template shows an overlay that
//! disappears with the next good save.

mod common;
use common::webdriver::Browser;
use common::*;
use std::time::{Duration, Instant};

/// How long a browser step may take before the test gives up: far beyond
/// what any step needs (latency is measured by `scripts/reload-latency.py`).
const GENEROUS: Duration = Duration::from_secs(30);

/// Waits until the page has opened its live-reload long poll.
fn wait_for_long_poll(browser: &Browser) {
    wait_until(
        browser,
        "return performance.getEntriesByType('resource').some(e => e.name.includes('/__minsheng/poll'))",
        GENEROUS,
    );
}

/// Polls `script` until it returns true; returns the time it took.
fn wait_until(browser: &Browser, script: &str, limit: Duration) -> Duration {
    let started = Instant::now();
    loop {
        if browser.eval(script) == serde_json::Value::Bool(true) {
            return started.elapsed();
        }
        assert!(
            started.elapsed() < limit,
            "`{script}` still false after {limit:?}"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
}

#[test]
fn saving_content_or_template_reloads_the_tab_and_errors_show_an_overlay() {
    let dir = fixture("tiny");
    let (_server, port) = start_server(dir.path(), true);
    let Some(browser) = Browser::start() else {
        return;
    };
    browser.goto(&format!("http://127.0.0.1:{port}/zh/tiny-article/"));
    assert_eq!(
        browser.eval("return document.documentElement.lang"),
        "zh-Hans"
    );
    // give the page time to open its long poll
    wait_for_long_poll(&browser);

    // content edit
    browser.eval("window.__stillHere = true; return 1");
    let page = dir.path().join("content/articles/tiny-article.md");
    let saved = Instant::now();
    std::fs::write(
        &page,
        read(&page).replace("第二段还没有翻译。", "第二段已经改写。"),
    )
    .unwrap();
    wait_until(
        &browser,
        "return window.__stillHere === undefined && document.body.innerText.includes('第二段已经改写')",
        GENEROUS,
    );
    let content_reload = saved.elapsed();

    // template edit
    wait_for_long_poll(&browser);
    browser.eval("window.__stillHere = true; return 1");
    let templates = dir.path().join("templates");
    std::fs::create_dir_all(&templates).unwrap();
    let base = read(&repo().join("themes/default/templates/base.html")).replace(
        "<main id=\"main\">",
        "<main id=\"main\"><p id=\"edited\">模板已修改</p>",
    );
    let saved = Instant::now();
    std::fs::write(templates.join("base.html"), base).unwrap();
    wait_until(
        &browser,
        "return window.__stillHere === undefined && !!document.getElementById('edited')",
        GENEROUS,
    );
    let template_reload = saved.elapsed();

    // broken template: overlay, no reload; fixed: overlay gone
    wait_for_long_poll(&browser);
    std::fs::write(
        templates.join("base.html"),
        "{% block content %}{{ broken }",
    )
    .unwrap();
    wait_until(
        &browser,
        "const e = document.getElementById('minsheng-error'); return !!e && e.textContent.includes('base.html')",
        GENEROUS,
    );
    std::fs::remove_file(templates.join("base.html")).unwrap();
    wait_until(
        &browser,
        "return !document.getElementById('minsheng-error') && document.body.innerText.includes('第二段已经改写')",
        GENEROUS,
    );
    eprintln!("reload after save: content {content_reload:?}, template {template_reload:?}");
}

#[test]
fn reading_modes_are_remembered_keep_the_place_and_glossary_cards_show() {
    let dir = project(true);
    let (_server, port) = start_server(dir.path(), false);
    let Some(browser) = Browser::start() else {
        return;
    };
    let url = format!("http://127.0.0.1:{port}/en/jiangbei-shishi-minshengliqu-xingdong/");
    browser.goto(&url);
    let visible = |selector: &str| {
        browser.eval(&format!(
            "const e = document.querySelector('{selector}'); return !!e && e.getClientRects().length > 0"
        ))
    };
    // English page: English shown, Chinese hidden
    assert_eq!(visible("#p44 .l-en"), true);
    assert_eq!(visible("#p44 .l-zh"), false);

    // scroll to a paragraph, switch to parallel: both shown, side by side, same place
    browser.eval("document.getElementById('p72').scrollIntoView({block: 'start'}); return 1");
    browser.eval("document.querySelector('label[for=mode-parallel]').click(); return 1");
    assert_eq!(visible("#p44 .l-zh"), true);
    assert_eq!(visible("#p44 .l-en"), true);
    let side_by_side = browser.eval(
        "const z = document.querySelector('#p44 .l-zh').getBoundingClientRect(); const e = document.querySelector('#p44 .l-en').getBoundingClientRect(); return Math.abs(z.top - e.top) < 5 && e.left > z.right - 1",
    );
    assert_eq!(side_by_side, true, "parallel columns on a wide screen");
    // the reader's place is kept
    wait_until(
        &browser,
        "return Math.abs(document.getElementById('p72').getBoundingClientRect().top) < 40",
        GENEROUS,
    );

    // the choice is remembered on another article
    browser.goto(&format!(
        "http://127.0.0.1:{port}/zh/dadukou-banhaominshengnuanxinshi-tisheng/"
    ));
    assert_eq!(
        browser.eval("return document.getElementById('mode-parallel').checked"),
        true
    );

    // glossary card on keyboard focus, with the term's characters, pinyin and English
    // (a click on the headline gives the window the focus first)
    browser.click("h1");
    let card = browser.eval(
        "const t = document.querySelector('.l-zh a.term'); t.focus(); const c = document.getElementById('term-card'); return c.hidden ? '' : c.getAttribute('role') + '|' + c.textContent",
    );
    let card = card.as_str().unwrap_or_default().to_string();
    assert!(card.starts_with("tooltip|"), "{card}");
    assert!(
        card.contains("Open in the glossary") || card.contains("查看术语表"),
        "{card}"
    );
    assert_eq!(browser.eval("document.dispatchEvent(new KeyboardEvent('keydown', {key: 'Escape'})); return document.getElementById('term-card').hidden"), true);

    // pinyin toggle shows ruby readings
    assert_eq!(
        browser.eval("return getComputedStyle(document.querySelector('ruby rt')).display"),
        "none"
    );
    browser.eval("document.querySelector('label[for=pinyin-toggle]').click(); return 1");
    assert_eq!(
        browser.eval("return getComputedStyle(document.querySelector('ruby rt')).display"),
        "ruby-text"
    );
}

#[test]
fn without_javascript_modes_still_switch_and_terms_are_links() {
    let dir = project(true);
    let (_server, port) = start_server(dir.path(), false);
    let Some(browser) = Browser::start_with(false) else {
        return;
    };
    browser.goto(&format!(
        "http://127.0.0.1:{port}/zh/jiangbei-shishi-minshengliqu-xingdong/"
    ));
    // the page's own script did not run: it adds the glossary card on load
    assert_eq!(
        browser.eval("return document.getElementById('term-card') === null"),
        true,
        "the page's script ran"
    );
    let term =
        browser.eval("const t = document.querySelector('a.term'); return t.getAttribute('href')");
    assert!(
        term.as_str()
            .unwrap()
            .starts_with("../../zh/glossary/index.html#t-"),
        "{term}"
    );
    assert_eq!(
        browser.eval("return document.getElementById('mode-zh').checked"),
        true
    );
    // CSS alone switches, on a click on the mode's label
    browser.click("label[for='mode-en']");
    assert_eq!(
        browser.eval("return document.querySelector('#p44 .l-zh').getClientRects().length"),
        0
    );
    assert_eq!(
        browser.eval("return document.querySelector('#p44 .l-en').getClientRects().length > 0"),
        true
    );
}

/// Every page type: no console errors, and screenshots at phone and desktop
/// widths saved under `test-artifacts/screenshots/` (git-ignored).
#[test]
fn every_page_type_renders_without_console_errors_on_phone_and_desktop() {
    let dir = project(true);
    let (_server, port) = start_server(dir.path(), false);
    let Some(browser) = Browser::start() else {
        return;
    };
    let shots = repo().join("test-artifacts/screenshots");
    std::fs::create_dir_all(&shots).unwrap();
    let pages = [
        ("home", "/"),
        ("section", "/en/"),
        ("article-zh", "/zh/jiangbei-shishi-minshengliqu-xingdong/"),
        (
            "article-en",
            "/en/dadukou-banhaominshengnuanxinshi-tisheng/",
        ),
        ("numbers", "/en/numbers/"),
        ("glossary", "/zh/glossary/"),
        ("guide", "/en/local-government/"),
        ("search", "/en/search/?q=elderly"),
        ("topic", "/zh/topics/education/"),
        ("district", "/en/districts/jiangbei/"),
        ("source", "/source/003_580512cbf9cf54e1/"),
        ("not-found", "/no/such/page/"),
    ];
    for (width, height) in [(390, 844), (1280, 900)] {
        browser.resize(width, height);
        for (name, path) in pages {
            browser.goto(&format!("http://127.0.0.1:{port}{path}"));
            let errors: Vec<String> = browser
                .console_errors()
                .into_iter()
                .filter(|e| !(name == "not-found" && e.contains("404")))
                .collect();
            assert!(errors.is_empty(), "{name} at {width}px: {errors:?}");
            // nothing wider than the viewport
            let overflow = browser.eval("return document.documentElement.scrollWidth - document.documentElement.clientWidth");
            assert!(
                overflow.as_f64().unwrap_or(0.0) <= 1.0,
                "{name} at {width}px overflows by {overflow}px"
            );
            let png = browser.screenshot();
            assert!(png.starts_with(b"\x89PNG"), "{name}: screenshot");
            std::fs::write(shots.join(format!("{name}-{width}.png")), png).unwrap();
        }
    }
}

#[test]
fn search_finds_chinese_and_english_and_results_lead_to_the_paragraph() {
    let dir = project(true);
    let (_server, port) = start_server(dir.path(), false);
    let Some(browser) = Browser::start() else {
        return;
    };
    for (query, lang) in [
        ("养老", "zh-Hans"),
        ("电梯", "zh-Hans"),
        ("加装电梯", "zh-Hans"),
        ("elderly care", "en"),
        ("lifts", "en"),
    ] {
        browser.goto(&format!(
            "http://127.0.0.1:{port}/zh/search/?q={}",
            url_encode(query)
        ));
        let count = browser.eval("return document.querySelectorAll('#search-results li').length");
        assert!(count.as_u64().unwrap_or(0) > 0, "`{query}` finds nothing");
        let first = browser.eval(&format!(
            "const li = [...document.querySelectorAll('#search-results li')].find(l => l.lang === '{lang}'); return li ? li.querySelector('mark').textContent : ''"
        ));
        assert!(
            !first.as_str().unwrap_or_default().is_empty(),
            "`{query}`: no highlighted {lang} excerpt"
        );
    }
    // following a result opens the article at the paragraph that holds the words
    browser.goto(&format!(
        "http://127.0.0.1:{port}/en/search/?q={}",
        url_encode("电梯")
    ));
    browser.eval("document.querySelector('#search-results a').click(); return 1");
    wait_until(
        &browser,
        "return !location.pathname.includes('/search/') && document.readyState === 'complete'",
        GENEROUS,
    );
    let found = browser.eval("const id = decodeURIComponent(location.hash.slice(1)); const p = document.getElementById(id); return [location.href, !!p && p.innerText.includes('电梯')]");
    assert_eq!(
        found[1], true,
        "the result's paragraph holds the query: {found}"
    );
}

#[test]
fn a_simplified_query_finds_a_traditional_text() {
    let dir = project(false);
    let name = "10-tw-cybersecurity-budget.txt";
    std::fs::copy(
        repo().join("tests/corpus").join(name),
        dir.path().join("seeds").join(name),
    )
    .unwrap();
    let (_server, port) = start_server(dir.path(), false);
    let Some(browser) = Browser::start() else {
        return;
    };
    for query in ["资安预算", "資安預算"] {
        browser.goto(&format!(
            "http://127.0.0.1:{port}/zh/search/?q={}",
            url_encode(query)
        ));
        let titles = browser.eval(
            "return [...document.querySelectorAll('#search-results li a')].map(a => a.textContent)",
        );
        assert!(
            titles.as_array().is_some_and(|t| t
                .iter()
                .any(|t| t.as_str().unwrap_or("").contains("網路攻擊"))),
            "`{query}`: {titles}"
        );
    }
}

#[test]
fn numbers_page_filters_by_topic_and_district() {
    let dir = project(true);
    let (_server, port) = start_server(dir.path(), false);
    let Some(browser) = Browser::start() else {
        return;
    };
    browser.goto(&format!("http://127.0.0.1:{port}/en/numbers/"));
    let visible_rows = "return [...document.querySelectorAll('.numbers-table tbody tr')].filter(r => r.getClientRects().length).length";
    let all = browser.eval(visible_rows).as_u64().unwrap();
    browser.eval("const s = document.getElementById('filter-district'); s.value = 'dadukou'; s.dispatchEvent(new Event('change')); return 1");
    let dadukou = browser.eval(visible_rows).as_u64().unwrap();
    assert!(
        dadukou > 0 && dadukou < all,
        "district filter: {dadukou} of {all}"
    );
    let wrong = browser.eval("return [...document.querySelectorAll('.numbers-table tbody tr')].filter(r => r.getClientRects().length && r.dataset.district !== 'dadukou').length");
    assert_eq!(wrong, 0);
    browser.eval("const s = document.getElementById('filter-topic'); s.value = 'employment'; s.dispatchEvent(new Event('change')); return 1");
    let both = browser.eval(visible_rows).as_u64().unwrap();
    assert!(both > 0 && both < dadukou, "topic and district: {both}");
    assert!(
        browser
            .eval("return document.querySelectorAll('svg.chart').length")
            .as_u64()
            .unwrap()
            >= 2,
        "charts drawn at build time"
    );
}

fn url_encode(text: &str) -> String {
    text.bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}

/// axe-core (pinned in tests/browser-deps, installed with `npm ci`) finds no
/// WCAG 2.1 A/AA violation on any page type, in light and dark colour schemes.
#[test]
fn axe_finds_no_accessibility_violations() {
    let axe = repo().join("tests/browser-deps/node_modules/axe-core/axe.min.js");
    if !axe.exists() {
        let why = "axe test skipped: run `npm ci --prefix tests/browser-deps` to install axe-core";
        if std::env::var_os("MINSHENG_REQUIRE_BROWSER").is_some_and(|v| v != "0") {
            panic!("{why}; MINSHENG_REQUIRE_BROWSER is set, so this is a failure");
        }
        use std::io::Write;
        let _ = writeln!(std::io::stderr(), "{why}");
        return;
    }
    let axe_source = read(&axe);
    let dir = project(true);
    let (_server, port) = start_server(dir.path(), false);
    let Some(browser) = Browser::start() else {
        return;
    };
    let pages = [
        "/",
        "/en/",
        "/zh/jiangbei-shishi-minshengliqu-xingdong/",
        "/en/jiangbei-shishi-minshengliqu-xingdong/",
        "/en/dadukou-banhaominshengnuanxinshi-tisheng/",
        "/en/numbers/",
        "/zh/glossary/",
        "/en/search/?q=elderly",
        "/zh/topics/education/",
        "/source/000_2941489fb0fd2554/",
        "/no/such/page/",
    ];
    let mut problems = Vec::new();
    let views = [
        (1280, "light"),
        (390, "light"),
        (390, "dark"),
        (1280, "dark"),
    ];
    for ((width, scheme), path) in views
        .into_iter()
        .flat_map(|view| pages.iter().map(move |path| (view, *path)))
    {
        browser.resize(width, 900);
        browser.devtools(
            "Emulation.setEmulatedMedia",
            serde_json::json!({"features": [{"name": "prefers-color-scheme", "value": scheme}]}),
        );
        browser.goto(&format!("http://127.0.0.1:{port}{path}"));
        browser.eval(&format!("{axe_source}; return 1"));
        let violations = browser.eval_async(
            "const done = arguments[arguments.length - 1];
             axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] })
               .then(r => done(r.violations.map(v => v.id + ' (' + v.nodes.length + '): ' + v.nodes[0].target.join(' '))))
               .catch(e => done(['axe failed: ' + e]));",
        );
        for v in violations.as_array().cloned().unwrap_or_default() {
            problems.push(format!(
                "{path} at {width}px, {scheme}: {}",
                v.as_str().unwrap_or_default()
            ));
        }
    }
    assert!(
        problems.is_empty(),
        "axe violations:\n{}",
        problems.join("\n")
    );
}

#[test]
fn a_copy_opened_from_disk_runs_its_scripts_under_the_content_security_policy() {
    let dir = project(true);
    let out = run(dir.path(), &["build"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let Some(browser) = Browser::start() else {
        return;
    };
    let public = dir.path().join("public");
    browser.goto(&format!(
        "file://{}/zh/search/index.html?q={}",
        public.display(),
        url_encode("电梯")
    ));
    let csp = browser
        .eval("return document.querySelector('meta[http-equiv=Content-Security-Policy]').content");
    assert!(
        csp.as_str()
            .unwrap_or_default()
            .contains("script-src 'self'"),
        "{csp}"
    );
    let count = browser.eval("return document.querySelectorAll('#search-results li').length");
    assert!(
        count.as_u64().unwrap_or(0) > 0,
        "search runs from disk under the policy: {:?}",
        browser.console_errors()
    );
}

/// A link to a paragraph (`#p…`, from a fact box, the numbers table or
/// search) highlights the paragraph it lands on; the context comes before
/// the body; the article's topics and district lead to their pages; on
/// English pages the pinyin switch, which has nothing to show, is no tab stop.
#[test]
fn a_linked_paragraph_is_highlighted_and_the_context_comes_first() {
    let dir = project(true);
    let (_server, port) = start_server(dir.path(), false);
    let Some(browser) = Browser::start() else {
        return;
    };
    let slug = "jiangbei-yirenminweizhongxinhuijiuxingfu";
    browser.goto(&format!("http://127.0.0.1:{port}/en/{slug}/#p30"));
    let highlighted = browser.eval(
        "const p = document.getElementById('p30'); const plain = document.getElementById('p41'); \
         return getComputedStyle(p).backgroundColor !== getComputedStyle(plain).backgroundColor",
    );
    assert_eq!(highlighted, true, "the target paragraph is highlighted");
    let order = browser.eval(
        "const c = document.querySelector('.context'); const b = document.querySelector('.article-body'); \
         return !!c && !!(c.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING) && c.getClientRects().length > 0",
    );
    assert_eq!(order, true, "the context is shown before the body");
    let links = browser.eval(
        "return [...document.querySelectorAll('dl.meta a')].map(a => a.getAttribute('href')).join(' ')",
    );
    let links = links.as_str().unwrap_or_default().to_string();
    assert!(
        links.contains("en/districts/") && links.contains("en/topics/"),
        "{links}"
    );
    let tab_stop = browser.eval(
        "const i = document.getElementById('pinyin-toggle'); i.focus(); return document.activeElement === i",
    );
    assert_eq!(tab_stop, false, "no hidden tab stop on the English page");
    let key_figures = browser.eval(
        "const h = document.querySelector('#facts-h .l-en'); return getComputedStyle(h, '::before').content",
    );
    assert!(
        matches!(key_figures.as_str(), Some("none") | Some("normal")),
        "no stray bullet before Key figures: {key_figures}"
    );
}

/// The root page serves both audiences: on a phone the English door and its
/// latest articles are within the first screen; at 1280 px the header is one
/// row; on English pages the name leads to the English front page.
#[test]
fn the_root_page_has_a_door_for_each_language() {
    let dir = project(true);
    let (_server, port) = start_server(dir.path(), false);
    let Some(browser) = Browser::start() else {
        return;
    };
    browser.resize(390, 844);
    browser.goto(&format!("http://127.0.0.1:{port}/"));
    let english_door = browser.eval(
        "const d = document.querySelector('.door[lang=en]'); const r = d.getBoundingClientRect(); \
         return d.querySelectorAll('li a').length > 0 && r.bottom <= window.innerHeight",
    );
    assert_eq!(
        english_door, true,
        "the English door is above the fold at 390 px"
    );
    browser.resize(1280, 900);
    browser.goto(&format!("http://127.0.0.1:{port}/en/numbers/"));
    let rows = browser.eval(
        "return new Set([...document.querySelector('.site-header nav').children].map(c => Math.round(c.getBoundingClientRect().top / 20))).size",
    );
    assert_eq!(rows, 1, "the header is one row at 1280 px");
    let brand = browser.eval("return document.querySelector('.brand').getAttribute('href')");
    assert_eq!(brand, "../../en/index.html", "the name stays in English");
}

/// On a phone the numbers table is a list of short cards, not a column of
/// single words, and the glossary opens with an A–Z jump list whose every
/// letter leads to its group.
#[test]
fn the_numbers_table_fits_a_phone_and_the_glossary_has_a_jump_list() {
    let dir = project(true);
    let (_server, port) = start_server(dir.path(), false);
    let Some(browser) = Browser::start() else {
        return;
    };
    browser.resize(390, 844);
    browser.goto(&format!("http://127.0.0.1:{port}/en/numbers/"));
    let tallest = browser.eval(
        "return Math.max(...[...document.querySelectorAll('.numbers-table tbody tr')].map(r => r.getBoundingClientRect().height))",
    );
    let tallest = tallest.as_f64().unwrap();
    assert!(
        tallest < 250.0,
        "a figure's card is {tallest}px tall at 390 px"
    );
    browser.goto(&format!("http://127.0.0.1:{port}/en/glossary/"));
    let letters = browser.eval(
        "const links = [...document.querySelectorAll('nav.az a')]; \
         return links.length > 5 && links.every(a => document.getElementById(a.getAttribute('href').slice(1)))",
    );
    assert_eq!(letters, true, "every letter leads to its group");
}

/// Every article page, in both languages, starts its story within a screen
/// and a half on a phone and says what kind of text it is; on a wide screen
/// the context, key figures and glossary notes sit in the right margin and
/// the source chips in the left.
#[test]
fn an_article_starts_within_a_screen_and_a_half_and_uses_the_margins_when_wide() {
    let dir = project(true);
    let (_server, port) = start_server(dir.path(), false);
    let Some(browser) = Browser::start() else {
        return;
    };
    let slugs: Vec<String> = std::fs::read_dir(repo().join("content/articles"))
        .unwrap()
        .filter_map(|e| {
            let name = e.unwrap().file_name().into_string().unwrap();
            name.strip_suffix(".md")
                .filter(|s| !s.ends_with(".en"))
                .map(str::to_string)
        })
        .collect();
    assert!(slugs.len() >= 10);
    browser.resize(390, 844);
    for slug in &slugs {
        for lang in ["en", "zh"] {
            browser.goto(&format!("http://127.0.0.1:{port}/{lang}/{slug}/"));
            let top = browser.eval(
                "const p = [...document.querySelectorAll('.article-body .pair:not(.pair-heading) p')].find(e => e.offsetParent); \
                 return Math.round(p.getBoundingClientRect().top + scrollY)",
            );
            let top = top.as_f64().unwrap();
            assert!(
                top <= 1200.0,
                "{lang}/{slug}: the first paragraph starts at {top}px"
            );
            let what = browser.eval("return document.querySelector('.what-this-is').innerText");
            let what = what.as_str().unwrap_or_default();
            assert!(
                what.contains("report") || what.contains("text") || what.contains("报"),
                "{lang}/{slug}: {what}"
            );
        }
    }
    browser.resize(1280, 900);
    browser.goto(&format!(
        "http://127.0.0.1:{port}/en/dadukou-banhaominshengnuanxinshi-tisheng/"
    ));
    let layout = browser.eval(
        "const body = [...document.querySelectorAll('.article-body p')].find(p => p.offsetParent).getBoundingClientRect(); \
         const rail = document.querySelector('.rail').getBoundingClientRect(); \
         const note = [...document.querySelectorAll('.sidenote')].find(n => n.offsetParent); \
         const chip = [...document.querySelectorAll('.source-ref')].find(c => c.offsetParent).getBoundingClientRect(); \
         const margin = (window.innerWidth - (rail.right - body.left)) / 2; \
         return [rail.left >= body.right, !!note && note.getBoundingClientRect().left >= body.right, \
                 chip.right <= body.left, Math.abs(body.left - margin) < 40]",
    );
    assert_eq!(
        layout,
        serde_json::json!([true, true, true, true]),
        "rail right of the text, a glossary note in the margin, source chips left, the whole centred"
    );
}

/// On a phone a tap on a glossary term opens its card as a sheet at the foot
/// of the screen without leaving the page; the card's link goes on to the
/// glossary.
#[test]
fn a_tap_on_a_term_opens_its_card_without_leaving_the_page() {
    let dir = project(true);
    let (_server, port) = start_server(dir.path(), false);
    let Some(browser) = Browser::start() else {
        return;
    };
    browser.resize(390, 844);
    browser.devtools(
        "Emulation.setTouchEmulationEnabled",
        serde_json::json!({"enabled": true, "maxTouchPoints": 5}),
    );
    let url = format!("http://127.0.0.1:{port}/en/dadukou-banhaominshengnuanxinshi-tisheng/");
    browser.goto(&url);
    browser.eval("document.querySelector('.article-body .l-en a.term').scrollIntoView({block: 'center'}); return 1");
    browser.tap(".article-body .l-en a.term");
    let state = browser.eval(
        "const c = document.getElementById('term-card'); \
         return [location.pathname, !c.hidden, c.classList.contains('sheet'), \
                 Math.round(c.getBoundingClientRect().bottom) === window.innerHeight]",
    );
    assert_eq!(
        state,
        serde_json::json!([
            "/en/dadukou-banhaominshengnuanxinshi-tisheng/",
            true,
            true,
            true
        ]),
        "the card opens as a sheet and the page stays"
    );
    browser.tap("#term-card .card-more");
    let started = Instant::now();
    while !browser
        .eval("return location.pathname")
        .as_str()
        .unwrap_or_default()
        .contains("/glossary/")
    {
        assert!(
            started.elapsed() < Duration::from_secs(20),
            "the card's link leads to the glossary"
        );
        std::thread::sleep(Duration::from_millis(100));
    }
}

/// A paragraph's source chip leads to its whole range of lines, highlighted,
/// on a source page that speaks both languages and links back to the
/// articles in each.
#[test]
fn a_source_range_is_highlighted_and_the_source_page_links_back() {
    let dir = project(true);
    let (_server, port) = start_server(dir.path(), false);
    let Some(browser) = Browser::start() else {
        return;
    };
    browser.goto(&format!(
        "http://127.0.0.1:{port}/en/dadukou-banhaominshengnuanxinshi-tisheng/"
    ));
    let href = browser.eval(
        "return [...document.querySelectorAll('.source-ref')].map(a => a.href).find(h => /#L\\d+-\\d+$/.test(h))",
    );
    let href = href
        .as_str()
        .expect("a paragraph of several lines")
        .to_string();
    let (first, last) = href
        .rsplit_once("#L")
        .and_then(|(_, r)| r.split_once('-'))
        .map(|(a, b)| (a.parse::<usize>().unwrap(), b.parse::<usize>().unwrap()))
        .unwrap();
    browser.goto(&href);
    let lit = browser.eval(&format!(
        "const bg = n => getComputedStyle(document.getElementById('L' + n)).backgroundColor; \
         const plain = bg({after}); \
         return [...Array({count}).keys()].every(k => bg({first} + k) !== plain)",
        after = last + 2,
        count = last - first + 1,
    ));
    assert_eq!(lit, true, "lines {first}–{last} are all highlighted");
    let page = browser.eval(
        "return [document.querySelector('h1').innerText, \
                 document.querySelectorAll('.from-seed a[lang=en]').length, \
                 document.querySelectorAll('.from-seed a[lang=zh-Hans]').length]",
    );
    assert!(
        page[0].as_str().unwrap().contains("Source text")
            && page[0].as_str().unwrap().contains("原文"),
        "{page}"
    );
    assert_eq!(
        page[1], page[2],
        "each article linked in both languages: {page}"
    );
    assert!(page[1].as_u64().unwrap() >= 1, "{page}");
}
