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
    /// Read the opened paths again: new, changed and removed files.
    Reload,
    /// Hide or show the rows the extractor is unsure of.
    ToggleUnsure,
}

impl Cmd {
    /// The name a config file's `[keys]` table uses for a command of the
    /// timeline; None for those not remapped (Ctrl-c always quits; the
    /// keys of the filter bar and prompts are readline's).
    pub fn name(self) -> Option<&'static str> {
        Some(match self {
            Cmd::Quit => "quit",
            Cmd::Back => "back",
            Cmd::Down => "down",
            Cmd::Up => "up",
            Cmd::Top => "top",
            Cmd::Bottom => "bottom",
            Cmd::HalfDown => "half-page-down",
            Cmd::HalfUp => "half-page-up",
            Cmd::PageDown => "page-down",
            Cmd::PageUp => "page-up",
            Cmd::FocusNext => "focus-next",
            Cmd::FocusPrev => "focus-prev",
            Cmd::FocusSource => "focus-source",
            Cmd::NextMember => "next-member",
            Cmd::PrevMember => "prev-member",
            Cmd::Mark => "mark",
            Cmd::RangeMark => "range-mark",
            Cmd::MarkAll => "mark-all",
            Cmd::Unmark => "unmark",
            Cmd::Export => "export",
            Cmd::Copy => "copy",
            Cmd::Help => "help",
            Cmd::Filter => "filter",
            Cmd::ToggleOrder => "toggle-order",
            Cmd::JumpDate => "jump-to-date",
            Cmd::PrevGroup => "prev-heading",
            Cmd::NextGroup => "next-heading",
            Cmd::ToggleWider => "toggle-wider",
            Cmd::ShrinkList => "shrink-list",
            Cmd::GrowList => "grow-list",
            Cmd::ToggleSource => "toggle-source",
            Cmd::ToggleChart => "toggle-chart",
            Cmd::People => "people",
            Cmd::Reload => "reload",
            Cmd::ToggleUnsure => "toggle-unsure",
            Cmd::ForceQuit
            | Cmd::Accept
            | Cmd::Yes
            | Cmd::No
            | Cmd::Edit(_)
            | Cmd::HistoryPrev
            | Cmd::HistoryNext => return None,
        })
    }
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
        /// The pass is still counting: these are the rows found so far.
        partial: bool,
    },
    AskOverwrite(PathBuf),
    Message(String),
    /// How the first load is going.
    Loading(crate::corpus::Progress),
    /// A corpus to show in place of the current one.
    Replace(NewData),
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

/// Where a new corpus comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Arrival {
    /// What the first load has extracted so far, before the corpus-wide
    /// passes.
    Preview,
    /// The first load, complete.
    Loaded,
    /// The paths read again (a file changed, or a reload key).
    Reloaded,
}

#[derive(Clone)]
pub struct NewData(pub std::sync::Arc<super::data::Data>, pub Arrival);

impl std::fmt::Debug for NewData {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "NewData({} rows, {:?})", self.0.items.len(), self.1)
    }
}

impl PartialEq for NewData {
    fn eq(&self, other: &Self) -> bool {
        std::sync::Arc::ptr_eq(&self.0, &other.0) && self.1 == other.1
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    Quit,
    /// Read the opened paths again.
    Reload,
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
