//! The boundary around one article's extraction: a panic inside it
//! becomes an error for that article alone, and its message is kept for the
//! warning instead of being printed (which would tear through the explorer's
//! screen).

use std::cell::{Cell, RefCell};
use std::panic::{self, AssertUnwindSafe};
use std::sync::Once;

thread_local! {
    static GUARDED: Cell<bool> = const { Cell::new(false) };
    static CAUGHT: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// Whether this thread is inside [`guarded`]: panic hooks that restore the
/// terminal leave it alone then, since the panic is caught.
pub fn in_guard() -> bool {
    GUARDED.with(Cell::get)
}

fn install_hook() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        let previous = panic::take_hook();
        panic::set_hook(Box::new(move |info| {
            if !in_guard() {
                return previous(info);
            }
            let message = info
                .payload()
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| info.payload().downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "unknown panic".into());
            let at = info
                .location()
                .map(|l| format!(" at {}:{}", l.file(), l.line()))
                .unwrap_or_default();
            CAUGHT.with(|c| *c.borrow_mut() = Some(format!("{message}{at}")));
        }));
    });
}

/// Runs `f`; a panic in it is returned as its message and location.
pub fn guarded<T>(f: impl FnOnce() -> T) -> Result<T, String> {
    install_hook();
    let was = GUARDED.with(|g| g.replace(true));
    let result = panic::catch_unwind(AssertUnwindSafe(f));
    GUARDED.with(|g| g.set(was));
    result.map_err(|_| {
        CAUGHT
            .with(|c| c.borrow_mut().take())
            .unwrap_or_else(|| "unknown panic".into())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panic_becomes_its_message_and_the_thread_goes_on() {
        let r: Result<(), String> = guarded(|| {
            let v: Vec<u8> = Vec::new();
            let i = v.len() + 3;
            let _ = v[i];
        });
        let e = r.unwrap_err();
        assert!(
            e.contains("index out of bounds") && e.contains("guard.rs"),
            "{e}"
        );
        assert_eq!(guarded(|| 2 + 2), Ok(4));
        assert!(!in_guard());
    }
}
