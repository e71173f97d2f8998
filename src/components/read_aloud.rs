//! 语音播报: reads the page's text aloud with the browser's speech synthesis in zh-CN, with a
//! stop. The button stays hidden while the browser has no Chinese voice (voices often arrive
//! late: `voiceschanged`). The page is read block by block (one utterance per heading,
//! paragraph or list item), which also avoids engines that stop long utterances.

use leptos::prelude::{document, window};
use std::cell::Cell;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

thread_local! {
    static HAS_VOICE: Cell<bool> = const { Cell::new(false) };
    static SPEAKING: Cell<bool> = const { Cell::new(false) };
}

const READ: &str = "语音播报";
const STOP: &str = "停止播报";

fn synth() -> Option<web_sys::SpeechSynthesis> {
    let value = js_sys::Reflect::get(&window(), &JsValue::from_str("speechSynthesis")).ok()?;
    (value.is_object()).then(|| value.unchecked_into())
}

fn lang_of(voice: &JsValue) -> String {
    js_sys::Reflect::get(voice, &JsValue::from_str("lang"))
        .ok()
        .and_then(|l| l.as_string())
        .unwrap_or_default()
        .to_ascii_lowercase()
        .replace('_', "-")
}

/// The best Chinese voice: zh-CN first, then any Mandarin one.
fn chinese_voice() -> Option<JsValue> {
    let voices = synth()?.get_voices();
    let all: Vec<JsValue> = voices.iter().collect();
    all.iter()
        .find(|v| lang_of(v) == "zh-cn")
        .or_else(|| all.iter().find(|v| lang_of(v).starts_with("zh") || lang_of(v).starts_with("cmn")))
        .cloned()
}

/// Every read-aloud button in the page.
fn for_each_button(f: impl Fn(&web_sys::Element)) {
    if let Ok(list) = document().query_selector_all("[data-ui=speak]") {
        for i in 0..list.length() {
            if let Some(b) = list.get(i).and_then(|n| n.dyn_into::<web_sys::Element>().ok()) {
                f(&b);
            }
        }
    }
}

fn refresh_buttons() {
    let (voice, speaking) = (HAS_VOICE.with(Cell::get), SPEAKING.with(Cell::get));
    for_each_button(|b| {
        let _ = if voice { b.remove_attribute("hidden") } else { b.set_attribute("hidden", "") };
        b.set_text_content(Some(if speaking { STOP } else { READ }));
    });
}

fn check_voices() {
    HAS_VOICE.with(|v| v.set(chinese_voice().is_some()));
    refresh_buttons();
}

/// Looks for a Chinese voice now and whenever the browser's list of voices changes.
/// Whether a Chinese voice is known (the button shows only then).
pub fn has_voice() -> bool {
    HAS_VOICE.with(Cell::get)
}

pub fn watch_voices() {
    check_voices();
    if let Some(synth) = synth() {
        let on_change = Closure::<dyn FnMut()>::new(check_voices);
        let _ = synth.add_event_listener_with_callback("voiceschanged", on_change.as_ref().unchecked_ref());
        on_change.forget();
    }
}

/// The text blocks of the page's content, in reading order (not the tools or navigation).
fn page_texts() -> Vec<String> {
    const BLOCKS: &str = "h1, h2, h3, h4, p, li, dt, dd, th, td";
    let mut texts = Vec::new();
    let Ok(list) = document().query_selector_all(
        "main h1, main h2, main h3, main h4, main p, main li, main dt, main dd, main th, main td",
    ) else {
        return texts;
    };
    for i in 0..list.length() {
        let Some(block) = list.get(i).and_then(|n| n.dyn_into::<web_sys::HtmlElement>().ok()) else { continue };
        let skip = block.closest(".page-tools, nav, form, .load-problems, .follow-bar, .flash-region, [hidden]").ok().flatten().is_some()
            || block.parent_element().and_then(|p| p.closest(BLOCKS).ok().flatten()).is_some();
        let text = block.inner_text();
        let text = text.trim();
        if !skip && !text.is_empty() {
            texts.push(text.to_string());
        }
    }
    texts
}

fn finished() {
    SPEAKING.with(|s| s.set(false));
    refresh_buttons();
}

fn speak() {
    let (Some(synth), Some(voice)) = (synth(), chinese_voice()) else { return };
    synth.cancel();
    let texts = page_texts();
    let count = texts.len();
    for (i, text) in texts.into_iter().enumerate() {
        let Ok(utterance) = web_sys::SpeechSynthesisUtterance::new_with_text(&text) else { continue };
        utterance.set_lang("zh-CN");
        // A voice the engine does not recognise is refused: the language alone then decides.
        let _ = js_sys::Reflect::set(&utterance, &JsValue::from_str("voice"), &voice);
        if i + 1 == count {
            let done = Closure::once_into_js(finished);
            utterance.set_onend(Some(done.unchecked_ref()));
        }
        synth.speak(&utterance);
    }
    SPEAKING.with(|s| s.set(count > 0));
    refresh_buttons();
}

/// Stops reading (leaving a page, the kiosk's reset, the stop button).
pub fn stop() {
    if SPEAKING.with(Cell::get) {
        if let Some(synth) = synth() {
            synth.cancel();
        }
        finished();
    }
}

pub fn toggle(_button: &web_sys::Element) {
    if SPEAKING.with(Cell::get) {
        stop();
    } else {
        speak();
    }
}
