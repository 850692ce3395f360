//! Entering and leaving the full-screen terminal. The guard restores the
//! terminal when dropped (normal quit or error) and a panic hook does the
//! same before the panic message is printed.

use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use ratatui::crossterm::event::{DisableMouseCapture, EnableMouseCapture};
use ratatui::crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use ratatui::crossterm::{cursor, execute};
use std::io::{Stdout, Write, stdout};
use std::sync::atomic::{AtomicBool, Ordering};

static MOUSE: AtomicBool = AtomicBool::new(false);
static ACTIVE: AtomicBool = AtomicBool::new(false);

pub struct Guard {
    pub terminal: Terminal<CrosstermBackend<Stdout>>,
}

/// Raw mode, alternate screen, hidden cursor and (if asked) mouse capture.
pub fn enter(mouse: bool) -> std::io::Result<Guard> {
    install_panic_hook();
    enable_raw_mode()?;
    ACTIVE.store(true, Ordering::SeqCst);
    MOUSE.store(mouse, Ordering::SeqCst);
    let mut out = stdout();
    let setup = (|| {
        execute!(out, EnterAlternateScreen, cursor::Hide)?;
        if mouse {
            execute!(out, EnableMouseCapture)?;
        }
        Terminal::new(CrosstermBackend::new(stdout()))
    })();
    match setup {
        Ok(terminal) => Ok(Guard { terminal }),
        Err(e) => {
            restore();
            Err(e)
        }
    }
}

/// Puts the terminal back as it was; safe to call more than once.
pub fn restore() {
    if !ACTIVE.swap(false, Ordering::SeqCst) {
        return;
    }
    let mut out = stdout();
    if MOUSE.load(Ordering::SeqCst) {
        let _ = execute!(out, DisableMouseCapture);
    }
    let _ = execute!(out, LeaveAlternateScreen, cursor::Show);
    let _ = out.flush();
    let _ = disable_raw_mode();
}

fn install_panic_hook() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        // A panic caught around one article leaves the screen as it is.
        if !crate::guard::in_guard() {
            restore();
        }
        previous(info);
    }));
}

impl Drop for Guard {
    fn drop(&mut self) {
        restore();
    }
}
