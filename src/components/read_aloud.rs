//! 语音播报: reads the page's text aloud with the browser's speech synthesis in zh-CN, with a
//! stop. The button stays hidden while the browser has no Chinese voice (voices often arrive
//! late: `voiceschanged`). The page is read block by block (one utterance per heading,
//! paragraph or list item), which also avoids engines that stop long utterances.

use crate::platform::dom::{all, show};
use crate::runtime::Runtime;
use leptos::prelude::{document, window, GetValue, UpdateValue};
use mingbai_view::action::Action;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

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

/// Every read-aloud button in the page shows whether there is a voice and whether it reads.
fn refresh_buttons(rt: Runtime) {
    let speech = rt.speech.get_value();
    for b in all(&Action::ReadAloud.selector()) {
        show(&b, speech.has_voice);
        b.set_text_content(Some(if speech.speaking { STOP } else { READ }));
    }
}

fn check_voices(rt: Runtime) {
    rt.speech.update_value(|s| s.has_voice = chinese_voice().is_some());
    refresh_buttons(rt);
}

/// Looks for a Chinese voice now and whenever the browser's list of voices changes (the button
/// shows only while there is one: `Runtime::speech`).
pub fn watch_voices(rt: Runtime) {
    check_voices(rt);
    if let Some(synth) = synth() {
        let on_change = Closure::<dyn FnMut()>::new(move || check_voices(rt));
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

fn finished(rt: Runtime) {
    rt.speech.update_value(|s| s.speaking = false);
    refresh_buttons(rt);
}

fn speak(rt: Runtime) {
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
            let done = Closure::once_into_js(move || finished(rt));
            utterance.set_onend(Some(done.unchecked_ref()));
        }
        synth.speak(&utterance);
    }
    rt.speech.update_value(|s| s.speaking = count > 0);
    refresh_buttons(rt);
}

/// Stops reading (leaving a page, the kiosk's reset, the stop button).
pub fn stop(rt: Runtime) {
    if rt.speech.get_value().speaking {
        if let Some(synth) = synth() {
            synth.cancel();
        }
        finished(rt);
    }
}

pub fn toggle(rt: Runtime) {
    if rt.speech.get_value().speaking {
        stop(rt);
    } else {
        speak(rt);
    }
}
