//! The search box in the header of every page, with suggestions as you type (关键词推荐),
//! following the WAI-ARIA 1.2 combobox pattern (list autocomplete, focus stays in the input):
//!
//! - `form[role=search][action="/search"]` with `input#search-q[name=q][role=combobox]`, its
//!   `aria-expanded`, `aria-controls="search-suggestions"` and `aria-activedescendant`;
//! - `ul#search-suggestions[role=listbox]` of `li[role=option]#search-option-<n>` (at most 8);
//! - ArrowDown/ArrowUp move through the options, Enter opens the active one (an item's page, or a
//!   search for the suggested words), Escape closes the list; tapping an option opens it too;
//! - `#search-live` (visually hidden, `aria-live=polite`, `platform::live::announce`) announces
//!   result counts.
//!
//! The form is static markup driven by ONE event listener on the form and plain DOM updates,
//! rather than `view!` with reactive attributes: the same behaviour for a fraction of the wasm.
//! Without client-side routing (before the library loads) the form still submits to `/search`.
//! Focusing the box starts the search worker; suggestions arrive from it asynchronously and are
//! shown only if the box still holds the text they were asked for.

use super::markup::{el, tx, Markup, Node};
use mingbai_view::route::{search_href, Route};
use crate::platform::dom::by_id;
use crate::runtime::search::{unavailable_text, SearchService};
use crate::runtime::use_runtime;
use leptos::prelude::*;
use leptos::tachys::view::{Mountable, Render};
use leptos_router::hooks::{use_location, use_navigate};
use mingbai_core::search::Suggestion;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{Element, Event, HtmlInputElement, KeyboardEvent};

const MAX_SUGGESTIONS: usize = 8;

/// What the combobox shows.
#[derive(Default)]
struct State {
    /// The text the suggestions are for.
    typed: String,
    suggestions: Vec<Suggestion>,
    open: bool,
    active: Option<usize>,
    focused: bool,
}

struct Combo {
    service: SearchService,
    navigate: Box<dyn Fn(&str)>,
    state: RefCell<State>,
}

#[component]
pub fn SearchBox() -> impl IntoView {
    let service = use_runtime().search;
    let navigate = use_navigate();
    let combo = Rc::new(Combo {
        service,
        navigate: Box::new(move |href| navigate(href, Default::default())),
        state: RefCell::new(State::default()),
    });

    // Once the form is in the document: listen, and follow the index and the URL.
    let location = use_location();
    let attached = RefCell::new(false);
    let last_url = RefCell::new(None::<(String, Option<String>)>);
    Effect::new(move |_| {
        let ready = service.is_ready();
        let preparing = service.preparing();
        let failed = service.failed();
        let url = (location.pathname.get(), location.query.with(|q| q.get("q")));
        let Some(input) = input() else { return };
        if !attached.replace(true) {
            attach(&combo);
        }
        // Any navigation closes the list; on /search the box shows what was searched.
        if last_url.borrow().as_ref() != Some(&url) {
            if Route::parse(&url.0) == Route::Search {
                input.set_value(url.1.as_deref().unwrap_or_default());
            }
            combo.close();
            *last_url.borrow_mut() = Some(url);
        }
        let focused = combo.state.borrow().focused;
        set_preparing(preparing && focused, failed.as_deref().filter(|_| focused));
        if ready {
            combo.refresh(false);
        }
    });

    Markup::one(mingbai_view::frame::search_form())
}

fn input() -> Option<HtmlInputElement> {
    by_id("search-q")?.dyn_into().ok()
}

/// Shows or hides "正在准备搜索…", or why search cannot be used (a status only while it is
/// shown, so it is announced once).
fn set_preparing(show: bool, failed: Option<&str>) {
    if let Some(p) = by_id("search-preparing") {
        let text = match failed {
            Some(reason) => unavailable_text(reason),
            None => "正在准备搜索…".to_string(),
        };
        if show || failed.is_some() {
            if p.text_content().as_deref() != Some(text.as_str()) {
                p.set_text_content(Some(&text));
            }
            let _ = p.remove_attribute("hidden");
            let _ = p.set_attribute("role", "status");
        } else {
            let _ = p.set_attribute("hidden", "");
            let _ = p.remove_attribute("role");
        }
    }
}

/// One listener on the form for every event the combobox handles.
fn attach(combo: &Rc<Combo>) {
    let Some(form) = by_id("search-q").and_then(|i| i.closest("form").ok().flatten()) else {
        return;
    };
    let handler = {
        let combo = combo.clone();
        Closure::<dyn Fn(Event)>::new(move |ev: Event| combo.handle(&ev))
    };
    for name in [
        "input",
        "keydown",
        "focusin",
        "focusout",
        "mousedown",
        "click",
        "submit",
    ] {
        let _ = form.add_event_listener_with_callback(name, handler.as_ref().unchecked_ref());
    }
    handler.forget(); // the header lives as long as the page
}

impl Combo {
    fn handle(self: &Rc<Self>, ev: &Event) {
        let target = ev.target().and_then(|t| t.dyn_into::<Element>().ok());
        let on_input = target.as_ref().is_some_and(|t| t.id() == "search-q");
        match ev.type_().as_str() {
            "input" if on_input => {
                {
                    let mut st = self.state.borrow_mut();
                    st.open = true;
                    st.active = None;
                }
                self.refresh(true);
            }
            "keydown" if on_input => {
                if let Some(key) = ev.dyn_ref::<KeyboardEvent>() {
                    self.key(key);
                }
            }
            "focusin" if on_input => {
                self.state.borrow_mut().focused = true;
                self.service.request();
                set_preparing(
                    self.service.preparing(),
                    self.service.failed().as_deref(),
                );
            }
            "focusout" if on_input => {
                {
                    let mut st = self.state.borrow_mut();
                    st.focused = false;
                    st.open = false;
                    st.active = None;
                }
                set_preparing(false, None);
                self.draw();
            }
            // Keeps focus in the box while an option is tapped or clicked.
            "mousedown" if option_index(target.as_ref()).is_some() => ev.prevent_default(),
            "click" => {
                if let Some(i) = option_index(target.as_ref()) {
                    self.choose(i);
                }
            }
            "submit" => {
                self.close();
            }
            _ => {}
        }
    }

    fn key(&self, ev: &KeyboardEvent) {
        if ev.is_composing() {
            return; // an input method is still composing: Enter confirms the characters
        }
        let (n, open, active) = {
            let st = self.state.borrow();
            (st.suggestions.len(), st.open, st.active)
        };
        let next = match ev.key().as_str() {
            "ArrowDown" | "Down" if n > 0 => match active {
                Some(a) if open => (a + 1) % n,
                _ => 0,
            },
            "ArrowUp" | "Up" if n > 0 => match active {
                Some(a) if open && a > 0 => a - 1,
                _ => n - 1,
            },
            "Enter" => {
                if let (true, Some(a)) = (open, active) {
                    ev.prevent_default();
                    self.choose(a);
                }
                return;
            }
            "Escape" | "Esc" if open => {
                ev.prevent_default();
                self.close();
                return;
            }
            _ => return,
        };
        ev.prevent_default();
        {
            let mut st = self.state.borrow_mut();
            st.open = true;
            st.active = Some(next);
        }
        self.draw();
    }

    /// Suggestions for what is in the box now (`force`: even if the text has not changed).
    /// They come back from the search worker; an answer for text no longer in the box is dropped.
    fn refresh(self: &Rc<Self>, force: bool) {
        let Some(input) = input() else { return };
        let typed = input.value();
        {
            let st = self.state.borrow();
            if !force && st.typed == typed && !st.suggestions.is_empty() {
                drop(st);
                return self.draw();
            }
        }
        if typed.trim().is_empty() {
            return self.show(typed, Vec::new());
        }
        let combo = self.clone();
        let asked = typed.clone();
        self.service.suggest(&typed, MAX_SUGGESTIONS, move |found| {
            if self::input().is_some_and(|i| i.value() == asked) {
                combo.show(asked, found);
            }
        });
    }

    fn show(&self, typed: String, found: Vec<Suggestion>) {
        {
            let mut st = self.state.borrow_mut();
            st.typed = typed;
            st.suggestions = found;
            if st.active.is_some_and(|a| a >= st.suggestions.len()) {
                st.active = None;
            }
        }
        self.draw();
    }

    fn close(&self) {
        {
            let mut st = self.state.borrow_mut();
            st.open = false;
            st.active = None;
        }
        self.draw();
    }

    fn choose(&self, i: usize) {
        let Some(s) = self.state.borrow().suggestions.get(i).cloned() else {
            return;
        };
        self.close();
        let href = match (s.kind, s.id) {
            (Some(kind), Some(id)) => format!("{}/{}", kind.route(), id),
            _ => {
                if let Some(input) = input() {
                    input.set_value(&s.text);
                }
                search_href(&s.text)
            }
        };
        (self.navigate)(&href);
    }

    /// Brings the input's ARIA state and the listbox in line with `state`.
    fn draw(&self) {
        let (Some(input), Some(list)) = (input(), by_id("search-suggestions")) else {
            return;
        };
        let st = self.state.borrow();
        let expanded = st.open && !st.suggestions.is_empty();
        let _ = input.set_attribute("aria-expanded", if expanded { "true" } else { "false" });
        match st.active.filter(|_| expanded) {
            Some(a) => {
                let _ = input.set_attribute("aria-activedescendant", &option_id(a));
            }
            None => {
                let _ = input.remove_attribute("aria-activedescendant");
            }
        }
        list.set_text_content(None);
        if !expanded {
            let _ = list.set_attribute("hidden", "");
            return;
        }
        let _ = list.remove_attribute("hidden");
        let options: Vec<Node> = st
            .suggestions
            .iter()
            .enumerate()
            .map(|(i, s)| {
                let selected = st.active == Some(i);
                el("li")
                    .id(option_id(i))
                    .attr("role", "option")
                    .attr("aria-selected", if selected { "true" } else { "false" })
                    .attr("data-index", i.to_string())
                    .class("suggestion")
                    .text(s.text.as_str())
                    .opt(
                        s.kind
                            .map(|k| tx("span", k.label()).class("suggestion-kind")),
                    )
                    .into()
            })
            .collect();
        Markup(options).build().mount(&list, None);
        if let Some(active) = st.active.and_then(|a| by_id(&option_id(a))) {
            active.scroll_into_view_with_bool(false);
        }
    }
}

fn option_id(i: usize) -> String {
    format!("search-option-{i}")
}

/// The index of the option an event happened on, if any.
fn option_index(target: Option<&Element>) -> Option<usize> {
    target?
        .closest("#search-suggestions [role=option]")
        .ok()??
        .get_attribute("data-index")?
        .parse()
        .ok()
}
