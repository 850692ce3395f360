//! What the reducer takes in and gives out: commands from the key table,
//! other actions from the terminal and the worker, and the effects the
//! shell carries out. Depends on nothing else in the explorer.

pub use super::edit::Edit;
use std::path::PathBuf;

/// What a key asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cmd {
    Quit,
    ForceQuit,
    Back,
    Accept,
    Down,
    Up,
    Top,
    Bottom,
    HalfDown,
    HalfUp,
    PageDown,
    PageUp,
    FocusNext,
    FocusPrev,
    FocusSource,
    NextMember,
    PrevMember,
    Mark,
    RangeMark,
    MarkAll,
    Export,
    Copy,
    Help,
    Filter,
    ToggleOrder,
    Yes,
    No,
    /// A line-editing key in the filter bar or a prompt.
    Edit(Edit),
    HistoryPrev,
    HistoryNext,
    Unmark,
    JumpDate,
    PrevGroup,
    NextGroup,
    ToggleWider,
    /// A narrower / wider timeline beside the source pane.
    ShrinkList,
    GrowList,
    ToggleSource,
    ToggleChart,
    /// The people view: actors with their counts.
    People,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    Cmd(Cmd),
    Input(char),
    Resize(u16, u16),
    /// The worker's answer for a filter generation.
    Filtered {
        generation: u64,
        shown: Vec<usize>,
        /// Rows left out for dates wider than the range.
        wider: usize,
    },
    AskOverwrite(PathBuf),
    Message(String),
    Scroll {
        col: u16,
        row: u16,
        down: bool,
    },
    Click {
        col: u16,
        row: u16,
    },
}

#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    Quit,
    Filter {
        generation: u64,
        query: String,
        by_relevance: bool,
        /// Keep rows whose dates are wider than the range.
        wider: bool,
    },
    Export {
        path: PathBuf,
        overwrite: bool,
    },
    Copy(String),
    /// Add an applied filter to the saved history.
    Remember(String),
    /// Remember the layout for the next start.
    SavePrefs(super::layout::Prefs),
}
